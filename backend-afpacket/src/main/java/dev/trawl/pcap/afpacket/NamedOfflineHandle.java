package dev.trawl.pcap.afpacket;

import dev.trawl.pcap.BpfProgram;
import dev.trawl.pcap.CaptureFormat;
import dev.trawl.pcap.DumpOptions;
import dev.trawl.pcap.Dumper;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.OfflineHandle;
import dev.trawl.pcap.Packet;
import dev.trawl.pcap.PacketHandler;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.ReadStatus;
import dev.trawl.pcap.TimestampPrecision;

import java.nio.file.Path;

/**
 * A handle of the built-in {@code java} codec, opened through this backend and named after it. Everything
 * else is the codec's: reading, filters, dumpers, thread safety, buffer ownership. {@link #unwrap} reaches the
 * codec's own objects ({@code CaptureInfo}) through it.
 */
final class NamedOfflineHandle implements OfflineHandle {
    private final OfflineHandle codec;

    NamedOfflineHandle(OfflineHandle codec) {
        this.codec = codec;
    }

    @Override
    public String backendName() {
        return AfPacketPcapProvider.NAME;
    }

    @Override
    public CaptureFormat format() {
        return codec.format();
    }

    @Override
    public int majorVersion() {
        return codec.majorVersion();
    }

    @Override
    public int minorVersion() {
        return codec.minorVersion();
    }

    @Override
    public boolean isSwapped() {
        return codec.isSwapped();
    }

    @Override
    public LinkType linkType() {
        return codec.linkType();
    }

    @Override
    public int snaplen() {
        return codec.snaplen();
    }

    @Override
    public TimestampPrecision timestampPrecision() {
        return codec.timestampPrecision();
    }

    @Override
    public ReadStatus next() throws PcapException {
        return codec.next();
    }

    @Override
    public Packet packet() {
        return codec.packet();
    }

    @Override
    public int dispatch(int maxPackets, PacketHandler handler) throws PcapException {
        return codec.dispatch(maxPackets, handler);
    }

    @Override
    public long loop(long count, PacketHandler handler) throws PcapException {
        return codec.loop(count, handler);
    }

    @Override
    public void breakLoop() {
        codec.breakLoop();
    }

    @Override
    public BpfProgram compileFilter(String expression, boolean optimize, int netmask) throws PcapException {
        return codec.compileFilter(expression, optimize, netmask);
    }

    @Override
    public void setFilter(String expression) throws PcapException {
        codec.setFilter(expression);
    }

    @Override
    public void setFilter(BpfProgram program) throws PcapException {
        codec.setFilter(program);
    }

    @Override
    public Dumper newDumper(Path file, DumpOptions options) throws PcapException {
        return codec.newDumper(file, options);
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return codec.unwrap(type);
    }

    @Override
    public boolean isOpen() {
        return codec.isOpen();
    }

    @Override
    public void close() {
        codec.close();
    }

    @Override
    public String toString() {
        return "afpacket:" + codec;
    }
}

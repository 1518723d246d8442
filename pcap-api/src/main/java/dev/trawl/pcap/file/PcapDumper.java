package dev.trawl.pcap.file;

import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.TimestampPrecision;
import dev.trawl.pcap.spi.PcapRecordDumper;

import java.nio.ByteBuffer;

/**
 * Writes classic pcap files in this machine's byte order, as {@code pcap_dump} does, with microsecond or
 * nanosecond timestamps. Packets longer than the snapshot length are cut to it (the original length is kept).
 * Not thread-safe.
 */
final class PcapDumper extends PcapRecordDumper {
    private final Output out;
    private final int snaplen;
    private final boolean nanos;

    PcapDumper(Output out, LinkType linkType, int snaplen, TimestampPrecision precision, boolean writeHeader)
            throws PcapException {
        this.out = out;
        this.snaplen = snaplen;
        this.nanos = precision == TimestampPrecision.NANO;
        if (writeHeader) {
            ByteBuffer b = out.buf;
            b.putInt(nanos ? PcapReader.MAGIC_NANO : PcapReader.MAGIC_MICRO);
            b.putShort((short) 2).putShort((short) 4);
            b.putInt(0).putInt(0);
            b.putInt(snaplen);
            b.putInt(linkType.value());
            out.drain(); // the header reaches the file at once, so that even an empty capture is readable
        }
    }


    @Override
    protected void append(long timestampSeconds, int timestampNanos, int originalLength, ByteBuffer data)
            throws PcapException {
        out.checkOpen();
        int caplen = data.remaining();
        if (Integer.compareUnsigned(caplen, snaplen) > 0 && snaplen > 0) {
            caplen = snaplen;
        }
        out.reserve(16 + caplen);
        ByteBuffer b = out.buf;
        b.putInt((int) timestampSeconds);
        b.putInt(nanos ? timestampNanos : timestampNanos / 1000);
        b.putInt(caplen);
        b.putInt(originalLength);
        b.put(b.position(), data, data.position(), caplen);
        b.position(b.position() + caplen);
    }

    @Override
    public void flush() throws PcapException {
        out.flush();
    }

    @Override
    public void close() throws PcapException {
        out.close();
    }
}

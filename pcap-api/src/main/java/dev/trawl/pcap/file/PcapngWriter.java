package dev.trawl.pcap.file;

import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.Packet;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.spi.DumperChecks;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The {@code java} backend's {@link PcapngDumper}: one section, in this machine's byte order. */
final class PcapngWriter implements PcapngDumper {
    private static final int SHB_USERAPPL = 4;
    private static final byte[] APPLICATION = "trawl".getBytes(StandardCharsets.UTF_8);

    private final Output out;
    private final List<InterfaceInfo> interfaces = new ArrayList<>();
    private final List<String> sectionComments = new ArrayList<>();
    private boolean started;
    private java.util.function.IntFunction<InterfaceInfo> source;

    PcapngWriter(Output out, LinkType linkType, int snaplen, int tsresol) {
        this.out = out;
        interfaces.add(InterfaceInfo.of(linkType, snaplen).withTsresol(tsresol));
    }

    @Override
    public void sectionComment(String comment) {
        if (started) {
            throw new IllegalStateException("the section header has already been written");
        }
        sectionComments.add(comment);
    }

    /** Writes the section header and the interfaces known so far. */
    private void start() throws PcapException {
        out.checkOpen();
        if (started) {
            return;
        }
        started = true;
        List<byte[]> comments = sectionComments.stream().map(c -> c.getBytes(StandardCharsets.UTF_8)).toList();
        int length = 28 + 4 + 4 + pad(APPLICATION.length);
        for (byte[] c : comments) {
            length += 4 + pad(c.length);
        }
        out.reserve(length);
        ByteBuffer b = out.buf;
        b.putInt(PcapngReader.SHB).putInt(length).putInt(PcapngReader.BYTE_ORDER_MAGIC);
        b.putShort((short) 1).putShort((short) 0).putLong(-1);
        for (byte[] c : comments) {
            option(b, Options.COMMENT, c);
        }
        option(b, SHB_USERAPPL, APPLICATION);
        b.putInt(0);
        b.putInt(length);
        for (InterfaceInfo info : interfaces) {
            writeInterface(info);
        }
        out.drain(); // the headers reach the file at once, so that even an empty capture is readable
    }

    /**
     * Describes the interfaces as a pcapng file being copied does: interface 0 now (keeping this writer's
     * timestamp resolution), the others when a packet first names them. Used by dumpers a handle opens.
     */
    void copyInterfacesFrom(java.util.function.IntFunction<InterfaceInfo> lookup) {
        InterfaceInfo first = lookup.apply(0);
        if (!started && first != null) {
            interfaces.set(0, first.withTsresol(interfaces.get(0).tsresol()));
        }
        this.source = lookup;
    }

    @Override
    public int addInterface(InterfaceInfo description) throws PcapException {
        out.checkOpen();
        if (!Interface.supported(description.tsresol())) {
            throw new IllegalArgumentException("unsupported if_tsresol 0x" + Integer.toHexString(description.tsresol()));
        }
        interfaces.add(description);
        if (started) {
            writeInterface(description);
        }
        return interfaces.size() - 1;
    }

    private void writeInterface(InterfaceInfo info) throws PcapException {
        List<Object[]> opts = new ArrayList<>();
        for (String c : info.comments()) {
            opts.add(new Object[] {Options.COMMENT, utf8(c)});
        }
        if (info.name() != null) {
            opts.add(new Object[] {2, utf8(info.name())});
        }
        if (info.description() != null) {
            opts.add(new Object[] {3, utf8(info.description())});
        }
        if (info.tsresol() != InterfaceInfo.TSRESOL_MICRO) {
            opts.add(new Object[] {9, new byte[] {(byte) info.tsresol()}});
        }
        if (info.filter() != null) {
            byte[] text = utf8(info.filter());
            byte[] value = new byte[text.length + 1];
            System.arraycopy(text, 0, value, 1, text.length);
            opts.add(new Object[] {11, value});
        }
        if (info.os() != null) {
            opts.add(new Object[] {12, utf8(info.os())});
        }
        if (info.fcsLength() >= 0) {
            opts.add(new Object[] {13, new byte[] {(byte) info.fcsLength()}});
        }
        if (info.tsOffset() != 0) {
            opts.add(new Object[] {14, ByteBuffer.allocate(8).order(out.buf.order()).putLong(0, info.tsOffset())
                    .array()});
        }
        int length = 20 + (opts.isEmpty() ? 0 : 4);
        for (Object[] o : opts) {
            length += 4 + pad(((byte[]) o[1]).length);
        }
        out.reserve(length);
        ByteBuffer b = out.buf;
        b.putInt(PcapngReader.IDB).putInt(length);
        b.putShort((short) info.linkType().value()).putShort((short) 0).putInt(info.snaplen());
        for (Object[] o : opts) {
            option(b, (Integer) o[0], (byte[]) o[1]);
        }
        if (!opts.isEmpty()) {
            b.putInt(0);
        }
        b.putInt(length);
    }

    @Override
    public void write(Packet packet) throws PcapException {
        write(packet.interfaceId(), packet.timestampSeconds(), packet.timestampNanos(),
                Math.max(packet.originalLength(), packet.capturedLength()), packet.data(), packet.comment(),
                packet.flags());
    }

    @Override
    public void write(long timestampSeconds, int timestampNanos, int originalLength, ByteBuffer data)
            throws PcapException {
        write(0, timestampSeconds, timestampNanos, originalLength, data, null, -1);
    }

    private void write(int interfaceId, long seconds, int nanos, int originalLength, ByteBuffer data,
            String comment, long flags) throws PcapException {
        start();
        while (source != null && interfaceId >= interfaces.size() && interfaceId < PcapngReader.MAX_INTERFACES) {
            InterfaceInfo next = source.apply(interfaces.size());
            if (next == null) {
                break;
            }
            addInterface(next.withTsresol(interfaces.get(0).tsresol()));
        }
        if (interfaceId < 0 || interfaceId >= interfaces.size()) {
            throw new IllegalArgumentException("no interface " + interfaceId + "; the dumper has "
                    + interfaces.size());
        }
        InterfaceInfo info = interfaces.get(interfaceId);
        int caplen = data.remaining();
        DumperChecks.record(nanos, originalLength, caplen);
        if (info.snaplen() > 0 && caplen > info.snaplen()) {
            caplen = info.snaplen();
        }
        long t = units(info, seconds, nanos);
        byte[] text = comment == null ? null : utf8(comment);
        int optionsLength = (text == null ? 0 : 4 + pad(text.length)) + (flags == -1 ? 0 : 8);
        int length = 32 + pad(caplen) + (optionsLength == 0 ? 0 : optionsLength + 4);
        out.reserve(length);
        ByteBuffer b = out.buf;
        b.putInt(PcapngReader.EPB).putInt(length).putInt(interfaceId);
        b.putInt((int) (t >>> 32)).putInt((int) t);
        b.putInt(caplen).putInt(originalLength);
        b.put(b.position(), data, data.position(), caplen);
        b.position(b.position() + caplen);
        for (int i = caplen; i < pad(caplen); i++) {
            b.put((byte) 0);
        }
        if (optionsLength != 0) {
            if (text != null) {
                option(b, Options.COMMENT, text);
            }
            if (flags != -1) {
                b.putShort((short) 2).putShort((short) 4).putInt((int) flags);
            }
            b.putInt(0);
        }
        b.putInt(length);
    }

    @Override
    public void writeStatistics(InterfaceStatistics s) throws PcapException {
        start();
        if (s.interfaceId() < 0 || s.interfaceId() >= interfaces.size()) {
            throw new IllegalArgumentException("no interface " + s.interfaceId());
        }
        long t = units(interfaces.get(s.interfaceId()), s.timestamp().getEpochSecond(), s.timestamp().getNano());
        long[] counters = {s.received(), s.dropped(), s.filterAccepted(), s.osDropped(), s.delivered()};
        List<byte[]> comments = s.comments().stream().map(PcapngWriter::utf8).toList();
        int optionsLength = 0;
        for (long c : counters) {
            optionsLength += c == -1 ? 0 : 12;
        }
        for (byte[] c : comments) {
            optionsLength += 4 + pad(c.length);
        }
        int length = 24 + (optionsLength == 0 ? 0 : optionsLength + 4);
        out.reserve(length);
        ByteBuffer b = out.buf;
        b.putInt(PcapngReader.ISB).putInt(length).putInt(s.interfaceId());
        b.putInt((int) (t >>> 32)).putInt((int) t);
        for (byte[] c : comments) {
            option(b, Options.COMMENT, c);
        }
        for (int i = 0; i < counters.length; i++) {
            if (counters[i] != -1) {
                b.putShort((short) (4 + i)).putShort((short) 8).putLong(counters[i]);
            }
        }
        if (optionsLength != 0) {
            b.putInt(0);
        }
        b.putInt(length);
    }

    /** A timestamp in the interface's units, exact where the resolution allows, truncated where it is coarser. */
    static long units(InterfaceInfo info, long seconds, int nanos) {
        long s = seconds - info.tsOffset();
        int r = info.tsresol();
        if (s >= 0 && (r & 0x80) == 0 && r <= 9) {
            long scale = 1;
            for (int i = 0; i < 9 - r; i++) {
                scale *= 10;
            }
            long perSecond = 1_000_000_000L / scale;
            if (s <= Long.MAX_VALUE / perSecond - 1) {
                return s * perSecond + nanos / scale;
            }
        }
        BigInteger perSecond = (r & 0x80) != 0 ? BigInteger.ONE.shiftLeft(r & 0x7F) : BigInteger.TEN.pow(r);
        BigInteger t = BigInteger.valueOf(s).multiply(perSecond)
                .add(BigInteger.valueOf(nanos).multiply(perSecond).divide(BigInteger.valueOf(1_000_000_000L)));
        if (t.signum() < 0 || t.bitLength() > 64) {
            throw new IllegalArgumentException("a pcapng timestamp of interface resolution 0x"
                    + Integer.toHexString(r) + " cannot hold " + seconds + "." + nanos + " s");
        }
        return t.longValue(); // the unsigned 64-bit value
    }

    private static void option(ByteBuffer b, int code, byte[] value) {
        b.putShort((short) code).putShort((short) value.length).put(value);
        for (int i = value.length; i < pad(value.length); i++) {
            b.put((byte) 0);
        }
    }

    private static int pad(int n) {
        return (n + 3) & ~3;
    }

    private static byte[] utf8(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0xFFFF - 3) {
            throw new IllegalArgumentException("a pcapng option holds at most 65532 bytes, not " + bytes.length);
        }
        return bytes;
    }

    @Override
    public void flush() throws PcapException {
        start();
        out.flush();
    }

    @Override
    public void close() throws PcapException {
        if (out.isClosed()) {
            return;
        }
        try {
            start();
        } finally {
            out.close();
        }
    }
}

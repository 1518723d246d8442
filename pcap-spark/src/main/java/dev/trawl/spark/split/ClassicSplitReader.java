package dev.trawl.spark.split;

import dev.trawl.pcap.spi.PcapRecordTime;

import java.io.IOException;
import java.nio.ByteOrder;

/**
 * Reads a byte range of a classic pcap file.
 *
 * <p>Classic pcap has no sync markers, so a reader that starts mid-file finds the first record boundary
 * by checking candidate record headers and chaining forward, as the RAPCAP method does: a candidate is
 * accepted when it and the {@value #CHAIN} records that follow it (or all of them up to the end of the file)
 * have plausible headers — a sub-second part below one second, a captured length no larger than the
 * largest snapshot length and no larger than the original length, an original length between 1 and 16 MiB,
 * a time within ten years of the file's first record — and each ends exactly where the next begins. The
 * time check is what rejects the chain one finds four bytes into every record (where the sub-second field
 * reads the captured length, and the captured length the original length), which the length checks alone
 * accept. A record that breaks these rules but is otherwise readable (say, one
 * whose captured length exceeds its original length) is read in sequence, but is not taken as the first
 * record of a split: a split starting just before it begins at the next plausible record.
 */
final class ClassicSplitReader implements SplitReader {
    static final int FILE_HEADER = 24;
    static final int RECORD_HEADER = 16;
    /** Records that must chain after a candidate boundary. */
    static final int CHAIN = 8;
    /** libpcap's largest snapshot length for most link types. */
    static final int MAX_SNAPLEN = 262_144;
    /** The most a captured length may be, whatever the file header says, to bound allocations. */
    static final int CAPLEN_LIMIT = 16 << 20;
    /** The most a boundary candidate's original length may be. */
    static final long LENGTH_LIMIT = 16 << 20;
    /** How far, in seconds, a boundary candidate's time may lie from the file's first record (ten years). */
    static final long TIME_WINDOW = 10L * 366 * 24 * 3600;

    private final ByteSource source;
    private final String name;
    private final long end;
    private final long fileLength;
    private final MalformedPolicy policy;
    private final boolean bigEndian;
    private final int fractionLimit;
    /** Whether the file's byte order differs from this machine's, which decides how libpcap reads a fraction. */
    private final boolean swapped;
    private final int nanosPerUnit;
    private final int maxCaplen;
    /** The file's snapshot length as libpcap applies it: longer records are cut to it. */
    private final int snaplen;
    private final int linkType;
    /** The first record's seconds, or -1 when the file has no record. */
    private final long firstSeconds;
    private final byte[] header = new byte[RECORD_HEADER];
    private long position;
    private long malformed;
    private boolean done;

    ClassicSplitReader(ByteSource source, long start, long end, MalformedPolicy policy) throws IOException {
        this.source = source;
        this.name = source.name();
        this.end = end;
        this.fileLength = source.length();
        this.policy = policy;
        byte[] file = new byte[FILE_HEADER];
        int n = source.read(0, file, 0, FILE_HEADER);
        int magic = Bytes.intBE(file, 0);
        switch (magic) {
            case 0xa1b2c3d4, 0xd4c3b2a1 -> nanosPerUnit = 1000;
            case 0xa1b23c4d, 0x4d3cb2a1 -> nanosPerUnit = 1;
            default -> throw new MalformedRecordException(name, 0,
                    String.format("not a pcap or pcapng file (magic 0x%08x)", magic));
        }
        if (n < FILE_HEADER) {
            throw new MalformedRecordException(name, 0, "truncated file header: " + n + " of 24 bytes");
        }
        bigEndian = magic == 0xa1b2c3d4 || magic == 0xa1b23c4d;
        swapped = bigEndian != (ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN);
        fractionLimit = nanosPerUnit == 1 ? 1_000_000_000 : 1_000_000;
        long snaplen = Integer.toUnsignedLong(intAt(file, 16));
        maxCaplen = (int) Math.max(MAX_SNAPLEN, Math.min(snaplen, CAPLEN_LIMIT));
        this.snaplen = snaplen == 0 || snaplen > MAX_SNAPLEN ? maxCaplen : (int) snaplen;
        linkType = intAt(file, 20) & 0x03ffffff;
        firstSeconds = source.read(FILE_HEADER, header, 0, 4) == 4 ? Integer.toUnsignedLong(intAt(header, 0)) : -1;
        position = start <= FILE_HEADER ? FILE_HEADER : findBoundary(start);
    }

    private int intAt(byte[] b, int i) {
        return bigEndian ? Bytes.intBE(b, i) : Bytes.intLE(b, i);
    }

    @Override
    public boolean next(CaptureRecord record) throws IOException {
        while (!done && position < end) {
            long at = position;
            int n = source.read(at, header, 0, RECORD_HEADER);
            if (n == 0) {
                done = true;
                return false;
            }
            if (n < RECORD_HEADER) {
                malformed(at, "truncated record header: " + n + " of 16 bytes");
                continue;
            }
            long caplen = Integer.toUnsignedLong(intAt(header, 8));
            if (caplen > maxCaplen) {
                malformed(at, "captured length " + caplen + " exceeds the maximum of " + maxCaplen);
                continue;
            }
            int length = (int) caplen;
            // As libpcap does, a record longer than the snapshot length keeps only the snapshot length.
            int kept = Math.min(length, snaplen);
            record.ensureCapacity(kept);
            int got = source.read(at + RECORD_HEADER, record.data, 0, kept);
            if (got < kept || (kept < length && fileLength >= 0 && at + RECORD_HEADER + length > fileLength)) {
                malformed(at, "truncated packet data: " + got + " of " + length + " bytes");
                continue;
            }
            record.offset = at;
            // the time as libpcap delivers it, an out-of-range fraction carried into the seconds
            long fraction = PcapRecordTime.fractionNanos(intAt(header, 4), swapped, nanosPerUnit == 1, true);
            record.seconds = PcapRecordTime.seconds(Integer.toUnsignedLong(intAt(header, 0)), fraction);
            record.nanos = PcapRecordTime.nanos(fraction);
            record.capturedLength = kept;
            // as the record states it; the len column is an int, so 2^31 or more shows as 2^31 - 1, as in tshark
            record.originalLength = (int) Math.min(Integer.toUnsignedLong(intAt(header, 12)), Integer.MAX_VALUE);
            record.linkType = linkType;
            record.interfaceId = 0;
            position = at + RECORD_HEADER + length;
            return true;
        }
        return false;
    }

    private void malformed(long at, String problem) throws IOException {
        malformed++;
        switch (policy) {
            case FAIL -> throw new MalformedRecordException(name, at, problem);
            case STOP -> done = true;
            case SKIP -> position = findBoundary(at + 1);
        }
    }

    @Override
    public long malformedRecords() {
        return malformed;
    }

    /** The first record boundary at or after {@code from} and before the end of the range, else the end. */
    long findBoundary(long from) throws IOException {
        for (long candidate = from; candidate < end; candidate++) {
            if (fileLength >= 0 && candidate + RECORD_HEADER > fileLength) {
                break;
            }
            if (chains(candidate)) {
                return candidate;
            }
        }
        return end;
    }

    /** Whether a split starting at {@code offset} would take it as a record boundary. */
    boolean chains(long candidate) throws IOException {
        long at = candidate;
        for (int i = 0; i <= CHAIN; i++) {
            int n = source.read(at, header, 0, RECORD_HEADER);
            if (n == 0 && i > 0 && (fileLength < 0 || at == fileLength)) {
                return true; // the chain ends exactly at the end of the file
            }
            if (n < RECORD_HEADER || !plausible()) {
                return false;
            }
            at += RECORD_HEADER + Integer.toUnsignedLong(intAt(header, 8));
            if (fileLength >= 0 && at > fileLength) {
                return false;
            }
        }
        return true;
    }

    private boolean plausible() {
        long fraction = Integer.toUnsignedLong(intAt(header, 4));
        long caplen = Integer.toUnsignedLong(intAt(header, 8));
        long length = Integer.toUnsignedLong(intAt(header, 12));
        long seconds = Integer.toUnsignedLong(intAt(header, 0));
        return fraction < fractionLimit && caplen <= maxCaplen && length > 0 && caplen <= length
                && length <= LENGTH_LIMIT && Math.abs(seconds - firstSeconds) <= TIME_WINDOW;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}

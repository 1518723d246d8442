package dev.trawl.cli.print;

/** The Internet checksum (RFC 1071), as tcpdump's {@code in_cksum} and {@code in_cksum_shouldbe}. */
final class Checksum {
    private Checksum() {
    }

    /** The folded one's-complement sum of {@code length} bytes at {@code off}, plus {@code initial}; 0 when valid. */
    static int of(Bytes b, int off, int length, long initial) {
        long sum = initial;
        int i = 0;
        for (; i + 1 < length; i += 2) {
            sum += b.buf.getShort(off + i) & 0xffff;
        }
        if (i < length) {
            sum += (b.buf.get(off + i) & 0xff) << 8;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) (~sum & 0xffff);
    }

    /** The checksum the header should have held, given the stored one and the sum computed over it. */
    static int shouldBe(int stored, int sum) {
        int s = stored + sum;
        s = (s & 0xffff) + (s >>> 16);
        s = (s & 0xffff) + (s >>> 16);
        return s & 0xffff;
    }
}

package dev.trawl.spark.split;

/** Reads integers from byte arrays in either byte order. */
final class Bytes {
    private Bytes() {
    }

    static int intBE(byte[] b, int i) {
        return (b[i] & 0xff) << 24 | (b[i + 1] & 0xff) << 16 | (b[i + 2] & 0xff) << 8 | b[i + 3] & 0xff;
    }

    static int intLE(byte[] b, int i) {
        return (b[i + 3] & 0xff) << 24 | (b[i + 2] & 0xff) << 16 | (b[i + 1] & 0xff) << 8 | b[i] & 0xff;
    }

    static int shortBE(byte[] b, int i) {
        return (b[i] & 0xff) << 8 | b[i + 1] & 0xff;
    }

    static int shortLE(byte[] b, int i) {
        return (b[i + 1] & 0xff) << 8 | b[i] & 0xff;
    }
}

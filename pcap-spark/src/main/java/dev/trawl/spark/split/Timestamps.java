package dev.trawl.spark.split;

import java.math.BigInteger;

/** Converts pcapng timestamps, in units of an interface's {@code if_tsresol}, to seconds and nanoseconds. */
final class Timestamps {
    private static final BigInteger BILLION = BigInteger.valueOf(1_000_000_000L);

    private Timestamps() {
    }

    /**
     * @param units the 64-bit timestamp, unsigned
     * @param resolution {@code if_tsresol}: bit 7 clear for a power of 10, set for a power of 2
     * @param offsetSeconds {@code if_tsoffset}
     */
    static void toRecord(long units, int resolution, long offsetSeconds, CaptureRecord record) {
        int exponent = resolution & 0x7f;
        boolean binary = (resolution & 0x80) != 0;
        if (!binary && exponent <= 18) {
            long perSecond = pow10(exponent);
            long fraction = Long.remainderUnsigned(units, perSecond);
            record.seconds = Long.divideUnsigned(units, perSecond) + offsetSeconds;
            record.nanos = (int) (exponent <= 9 ? fraction * pow10(9 - exponent) : fraction / pow10(exponent - 9));
        } else if (binary && exponent <= 33) {
            long fraction = units & ((1L << exponent) - 1);
            record.seconds = (units >>> exponent) + offsetSeconds;
            record.nanos = (int) ((fraction * 1_000_000_000L) >>> exponent);
        } else {
            BigInteger perSecond = binary ? BigInteger.ONE.shiftLeft(exponent) : BigInteger.TEN.pow(exponent);
            BigInteger[] parts = new BigInteger(Long.toUnsignedString(units)).divideAndRemainder(perSecond);
            record.seconds = parts[0].longValue() + offsetSeconds;
            record.nanos = parts[1].multiply(BILLION).divide(perSecond).intValue();
        }
    }

    private static long pow10(int exponent) {
        long value = 1;
        for (int i = 0; i < exponent; i++) {
            value *= 10;
        }
        return value;
    }
}

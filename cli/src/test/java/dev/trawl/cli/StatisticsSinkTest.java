package dev.trawl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The number formatting of {@link StatisticsSink}'s tables, against the exact decimal rounding of a double. */
class StatisticsSinkTest {
    private static String exact(double value, int decimals) {
        return new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }

    @Test
    void fixedRoundsTheExactBinaryValueAsPrintfDoes() {
        SplittableRandom random = new SplittableRandom(19);
        for (int i = 0; i < 200_000; i++) {
            // times as the tables make them: whole seconds plus nanoseconds, over spans from microseconds to years
            long nanos = random.nextLong(1L << (10 + random.nextInt(46)));
            double seconds = (double) (nanos / 1_000_000_000L) + (nanos % 1_000_000_000L) / 1e9;
            for (int decimals : new int[] {4, 6, 9}) {
                assertEquals(exact(seconds, decimals), StatisticsSink.fixed(seconds, decimals), seconds + " to "
                        + decimals);
            }
        }
        // ties and near-ties in binary, negative values and huge ones
        for (double v : new double[] {0.5, 0.00005, 0.00015, 2.5e-5, 1.00005, 0.0, -0.00001, -3.25, 1e12, 0x1p53,
            0.99999999995, 1234567.1234567895}) {
            for (int decimals : new int[] {0, 4, 9}) {
                assertEquals(exact(v, decimals), StatisticsSink.fixed(v, decimals), v + " to " + decimals);
            }
        }
    }
}

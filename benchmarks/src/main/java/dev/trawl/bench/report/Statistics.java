package dev.trawl.bench.report;

import org.apache.commons.math3.distribution.TDistribution;

/** The mean and its 99.9% confidence half-width, computed as JMH computes its score error. */
public final class Statistics {
    private Statistics() {
    }

    /** The arithmetic mean. */
    public static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** The half-width of the 99.9% confidence interval of the mean (Student's t), NaN for fewer than two. */
    public static double error999(double[] values) {
        int n = values.length;
        if (n < 2) {
            return Double.NaN;
        }
        double mean = mean(values);
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double stddev = Math.sqrt(squares / (n - 1));
        double t = new TDistribution(n - 1).inverseCumulativeProbability(1 - 0.001 / 2);
        return t * stddev / Math.sqrt(n);
    }
}

package dev.uip.anomaly.detection;

/** Tail probabilities of the Poisson and negative binomial count distributions, computed in log space. */
final class CountDistributions {

    private static final int MAX_TERMS = 100_000;
    private static final double[] LANCZOS = {0.99999999999980993, 676.5203681218851, -1259.1392167224028,
            771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
            1.5056327351493116e-7};

    private CountDistributions() {
    }

    /**
     * P(X >= k) and P(X <= k) for a count with the given mean and variance: Poisson when the variance does not
     * exceed the mean, otherwise negative binomial with that mean and variance (overdispersed counts).
     *
     * @return the smaller of the two tails (the probability of a count at least this extreme in its direction)
     */
    static double tail(long k, double mean, double variance, boolean upper) {
        if (mean <= 0) {
            return upper && k > 0 ? 0.0 : 1.0;
        }
        LogPmf pmf = variance > mean * 1.0001 ? negativeBinomial(mean, variance) : poisson(mean);
        // sum from k away from the mode, where the terms shrink, and stop once they no longer count; the other
        // side of the mode is one minus the complementary sum
        if (upper) {
            if (k <= 0) {
                return 1.0;
            }
            return k > mean ? Math.min(1.0, upperSum(pmf, k)) : Math.max(0.0, 1.0 - lowerSum(pmf, k - 1));
        }
        return k < mean ? Math.min(1.0, lowerSum(pmf, k)) : Math.max(0.0, 1.0 - upperSum(pmf, k + 1));
    }

    /** P(X >= k) summed upward from k (k at or above the mode). */
    private static double upperSum(LogPmf pmf, long k) {
        double sum = 0;
        for (long i = k; i < k + MAX_TERMS; i++) {
            double term = Math.exp(pmf.at(i));
            sum += term;
            if (term <= sum * 1e-12) {
                break;
            }
        }
        return sum;
    }

    /** P(X <= k) summed downward from k (k at or below the mode). */
    private static double lowerSum(LogPmf pmf, long k) {
        double sum = 0;
        for (long i = k; i >= 0 && i > k - MAX_TERMS; i--) {
            double term = Math.exp(pmf.at(i));
            sum += term;
            if (term <= sum * 1e-12) {
                break;
            }
        }
        return sum;
    }

    private interface LogPmf {

        double at(long k);
    }

    private static LogPmf poisson(double mean) {
        double logMean = Math.log(mean);
        return k -> k * logMean - mean - logGamma(k + 1.0);
    }

    private static LogPmf negativeBinomial(double mean, double variance) {
        double r = mean * mean / (variance - mean);
        double p = mean / variance;
        double base = r * Math.log(p) - logGamma(r);
        double logQ = Math.log1p(-p);
        return k -> base + logGamma(k + r) - logGamma(k + 1.0) + k * logQ;
    }

    /** Lanczos approximation (g = 7, n = 9), accurate to about 15 digits for x > 0. */
    static double logGamma(double x) {
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double z = x - 1;
        double a = LANCZOS[0];
        double t = z + 7.5;
        for (int i = 1; i < 9; i++) {
            a += LANCZOS[i] / (z + i);
        }
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
    }
}

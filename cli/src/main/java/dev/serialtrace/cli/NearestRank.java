package dev.serialtrace.cli;

/** The nearest-rank percentile every benchmark command reports: the ⌈q·n⌉-th smallest sample. */
final class NearestRank {
    private NearestRank() {
    }

    /** Index of the q-quantile (0 < q ≤ 1) in a sorted array of {@code size} samples. */
    static int index(int size, double q) {
        return Math.min(size - 1, Math.max(0, (int) Math.ceil(q * size) - 1));
    }
}

package dev.serialtrace.db.kpi;

/**
 * Returned ÷ shipped for one lot, product, customer, reason or serial range, with a 95 % Wilson
 * confidence interval and whether it is a statistical outlier: its return count is more than
 * {@link ReturnsAnalysisQuery#OUTLIER_Z} standard deviations above what the pooled rate of all
 * groups predicts for its shipped count (a binomial z-test, so a small lot needs a bigger excess).
 */
public record ReturnRate(Long keyId, String label, long shipped, long returned, Double rate, double ciLow, double ciHigh,
                         double zScore, boolean outlier) {
}

package dev.serialtrace.db.kpi;

/** A run of returned serials of one product lying close together, detected in the returns. */
public record SerialRange(long productId, String product, String firstSerial, String lastSerial, ReturnRate rate) {
}

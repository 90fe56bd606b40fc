package dev.serialtrace.reports;

/** Where a report definition writes its rows, in print order. */
public interface RowSink {
    void add(ReportRow row);

    /** How many rows of the main kind are coming, when known: lets the progress show a fraction. */
    default void expect(long rows) {
    }
}

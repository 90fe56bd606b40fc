package dev.serialtrace.reports;

/** Generation stopped because the person (or the caller) cancelled it; nothing was written. */
public class ReportCancelledException extends RuntimeException {
    public ReportCancelledException() {
        super("report generation cancelled");
    }
}

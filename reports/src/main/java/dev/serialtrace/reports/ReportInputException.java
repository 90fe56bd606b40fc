package dev.serialtrace.reports;

/** A parameter is missing or wrong, or names something that does not exist; says what and how to fix it. */
public class ReportInputException extends RuntimeException {
    public ReportInputException(String message) {
        super(message);
    }
}

package dev.serialtrace.desktop.reports;

/** Printing was asked for on a computer with no printer set up. */
public final class NoPrinterException extends RuntimeException {
    public NoPrinterException() {
        super("No printer is set up on this computer. Add one in the system's printer settings, "
                + "or export the report as PDF and print that file; the report is still here.");
    }
}

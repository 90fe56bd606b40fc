package dev.serialtrace.desktop.reports;

import javax.print.PrintService;
import java.awt.GraphicsEnvironment;
import java.awt.print.PrinterException;
import java.awt.print.PrinterJob;
import java.util.List;

/** Where a report is printed: the printers this computer has, and the dialog in which the person picks one. */
public interface Printers {
    /** The printers that can take a report; empty when none is set up. */
    List<PrintService> available();

    /**
     * Shows the print dialog (called off the FX thread) and returns the job set up for the printer, copies and pages
     * chosen there, or null if the person cancelled the dialog.
     */
    PrinterJob choose(List<PrintService> available) throws PrinterException;

    /** The system's printers and its print dialog (native where the platform has one). */
    static Printers system() {
        return new Printers() {
            @Override
            public List<PrintService> available() {
                return List.of(PrinterJob.lookupPrintServices());
            }

            @Override
            public PrinterJob choose(List<PrintService> available) throws PrinterException {
                if (GraphicsEnvironment.isHeadless()) {
                    throw new PrinterException("there is no screen to show the print dialog on");
                }
                PrinterJob job = PrinterJob.getPrinterJob();
                if (job.getPrintService() == null) {
                    job.setPrintService(available.get(0));
                }
                return job.printDialog() ? job : null;
            }
        };
    }
}

package dev.serialtrace.reports;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.export.JRGraphics2DExporter;
import net.sf.jasperreports.engine.type.OrientationEnum;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleGraphics2DExporterOutput;
import net.sf.jasperreports.export.SimpleGraphics2DReportConfiguration;

import javax.print.DocFlavor;
import javax.print.StreamPrintService;
import javax.print.StreamPrintServiceFactory;
import javax.print.attribute.PrintRequestAttributeSet;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.print.Book;
import java.awt.print.PageFormat;
import java.awt.print.Paper;
import java.awt.print.Printable;
import java.awt.print.PrinterAbortException;
import java.awt.print.PrinterException;
import java.awt.print.PrinterJob;
import java.io.OutputStream;
import java.util.function.BooleanSupplier;

/**
 * Prints a filled report through a {@link PrinterJob} whose print service was chosen beforehand (in the print
 * dialog, or a {@link StreamPrintService} such as PostScript to a file): each page is drawn by JasperReports'
 * Graphics2D exporter at the report's own page size, with progress per page and a cancel between pages.
 */
public final class ReportPrinter {
    private ReportPrinter() {
    }

    /** Which page is being printed, of how many. */
    @FunctionalInterface
    public interface PageProgress {
        void printing(int page, int pages);
    }

    /**
     * Sends every page of {@code filled} to the job's print service and returns when the job has been handed over.
     * {@code attributes} (copies, page range …) may be null: then the settings made in the job's own print dialog
     * apply. A cancel ends the job with {@link ReportCancelledException}.
     */
    public static void print(ReportService.Filled filled, PrinterJob job, PrintRequestAttributeSet attributes,
                             PageProgress progress, BooleanSupplier cancelled) throws PrinterException {
        JasperPrint print = filled.print();
        int pages = print.getPages().size();
        if (pages == 0) {
            throw new ReportInputException("the report has no pages to print");
        }
        job.setJobName(print.getName() + " " + filled.reportId());
        Book book = new Book();
        book.append(new Pages(print, pages, progress, cancelled), pageFormat(job, print), pages);
        job.setPageable(book);
        try {
            if (attributes == null) {
                job.print();
            } else {
                job.print(attributes);
            }
        } catch (PrinterAbortException e) {
            throw new ReportCancelledException();
        }
    }

    /** PostScript written to {@code out}: a print service for files and for tests; null if this Java has none. */
    public static StreamPrintService postScript(OutputStream out) {
        StreamPrintServiceFactory[] factories = StreamPrintServiceFactory.lookupStreamPrintServiceFactories(
                DocFlavor.SERVICE_FORMATTED.PAGEABLE, "application/postscript");
        return factories.length == 0 ? null : factories[0].getPrintService(out);
    }

    /** The report's paper, all of it imageable (the template has its own margins), in the report's orientation. */
    private static PageFormat pageFormat(PrinterJob job, JasperPrint print) {
        PageFormat format = job.defaultPage();
        Paper paper = new Paper();
        boolean landscape = print.getOrientation() == OrientationEnum.LANDSCAPE;
        double width = landscape ? print.getPageHeight() : print.getPageWidth();
        double height = landscape ? print.getPageWidth() : print.getPageHeight();
        paper.setSize(width, height);
        paper.setImageableArea(0, 0, width, height);
        format.setPaper(paper);
        format.setOrientation(landscape ? PageFormat.LANDSCAPE : PageFormat.PORTRAIT);
        return format;
    }

    /** Draws one page when the job asks (it may ask more than once per page). */
    private static final class Pages implements Printable {
        private final JasperPrint print;
        private final int pages;
        private final PageProgress progress;
        private final BooleanSupplier cancelled;
        private int reported = -1;

        Pages(JasperPrint print, int pages, PageProgress progress, BooleanSupplier cancelled) {
            this.print = print;
            this.pages = pages;
            this.progress = progress;
            this.cancelled = cancelled;
        }

        @Override
        public int print(Graphics graphics, PageFormat format, int index) throws PrinterException {
            if (index < 0 || index >= pages) {
                return NO_SUCH_PAGE;
            }
            if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                throw new PrinterAbortException("printing cancelled");
            }
            if (index != reported) {
                reported = index;
                progress.printing(index + 1, pages);
            }
            try {
                JRGraphics2DExporter exporter = new JRGraphics2DExporter();
                exporter.setExporterInput(new SimpleExporterInput(print));
                SimpleGraphics2DExporterOutput output = new SimpleGraphics2DExporterOutput();
                output.setGraphics2D((Graphics2D) graphics);
                exporter.setExporterOutput(output);
                SimpleGraphics2DReportConfiguration configuration = new SimpleGraphics2DReportConfiguration();
                configuration.setPageIndex(index);
                exporter.setConfiguration(configuration);
                exporter.exportReport();
            } catch (JRException e) {
                throw new PrinterException("page " + (index + 1) + " could not be drawn: " + e.getMessage());
            }
            return PAGE_EXISTS;
        }
    }
}

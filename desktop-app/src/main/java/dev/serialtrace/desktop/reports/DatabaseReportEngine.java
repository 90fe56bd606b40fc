package dev.serialtrace.desktop.reports;

import dev.serialtrace.db.audit.SpotAuditRecordQuery;
import dev.serialtrace.db.timing.OperationTimings;
import dev.serialtrace.db.unit.RecallQuery;
import dev.serialtrace.reports.ReportParameter;
import dev.serialtrace.reports.ReportPrinter;
import dev.serialtrace.reports.ReportService;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperPrintManager;
import org.jooq.DSLContext;

import java.awt.image.BufferedImage;
import java.time.Clock;
import java.util.List;

import static dev.serialtrace.db.jooq.Tables.PRODUCT;

/** The report screen's engine on an open database (its DSL guards against use on the FX thread). */
public final class DatabaseReportEngine implements ReportsViewModel.Engine {
    private final DSLContext dsl;
    private final ReportService service;
    private final OperationTimings timings;

    public DatabaseReportEngine(DSLContext dsl, Clock clock) {
        this(dsl, clock, null);
    }

    /** {@code timings} records each report's duration and outcome (may be null). */
    public DatabaseReportEngine(DSLContext dsl, Clock clock, OperationTimings timings) {
        this(dsl, clock, timings, null, null);
    }

    /**
     * {@code signingServer}: the data source whose server checks signers' passwords (null: no
     * approvals); {@code login}: the signed-in database user, proposed as the signer.
     */
    public DatabaseReportEngine(DSLContext dsl, Clock clock, OperationTimings timings, javax.sql.DataSource signingServer, String login) {
        this.dsl = dsl;
        this.service = new ReportService(dsl, clock);
        this.timings = timings;
        this.signingServer = signingServer;
        this.login = login == null ? "" : login;
    }

    private final javax.sql.DataSource signingServer;
    private final String login;

    @Override
    public String signer() {
        return login;
    }
    private volatile dev.serialtrace.db.signature.ReportApprovals approvals;

    /** Made on first use, in the background: finding the server to sign against opens a connection. */
    private dev.serialtrace.db.signature.ReportApprovals reportApprovals() {
        if (signingServer == null) {
            throw new UnsupportedOperationException("report approval is not available on this connection");
        }
        if (approvals == null) {
            approvals = new dev.serialtrace.db.signature.ReportApprovals(dsl,
                    new dev.serialtrace.db.signature.ElectronicSignatures(signingServer));
        }
        return approvals;
    }

    @Override
    public List<dev.serialtrace.db.signature.Signature> approvals(String reportName, String reportId) {
        return signingServer == null ? List.of() : reportApprovals().approvals(reportName, reportId);
    }

    @Override
    public dev.serialtrace.db.signature.Signature approve(String reportName, String reportId, String parameters,
                                                          dev.serialtrace.db.signature.SignatureMeaning meaning,
                                                          String user, char[] password) {
        return reportApprovals().sign(reportName, reportId, parameters, meaning, user, password);
    }

    @Override
    public void generated(long nanos, boolean ok) {
        if (timings != null) {
            timings.record(OperationTimings.Kind.REPORT, nanos, ok);
        }
    }

    @Override
    public long exportRecallEpcis(RecallQuery.Scope scope, java.nio.file.Path target, java.util.function.LongConsumer progress) {
        var format = target.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xml")
                ? dev.serialtrace.db.epcis.EpcisDocumentWriter.Format.XML : dev.serialtrace.db.epcis.EpcisDocumentWriter.Format.JSONLD;
        try {
            return dev.serialtrace.desktop.common.AtomicFile.write(target, out ->   // never half a document
                    new dev.serialtrace.db.epcis.EpcisExporter(dsl, java.time.Clock.systemDefaultZone())
                            .export(new dev.serialtrace.db.epcis.EpcisExporter.Selection.OfRecall(scope),
                                    new dev.serialtrace.db.epcis.EpcisExporter.Options(format, false, "recall"), out, progress).events());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public ReportService service() {
        return service;
    }

    @Override
    public List<String> choices(ReportParameter.Type type) {
        switch (type) {
            case AUDIT:
                return new SpotAuditRecordQuery(dsl).recent(300).stream().map(SpotAuditRecordQuery.AuditChoice::code).toList();
            case LOT:
                return new RecallQuery(dsl).largestLots(300).stream().map(RecallQuery.LotChoice::lotCode).toList();
            case PRODUCT:
                return dsl.select(PRODUCT.SKU).from(PRODUCT).orderBy(PRODUCT.SKU).fetch(PRODUCT.SKU);
            default:
                return List.of();
        }
    }

    @Override
    public BufferedImage page(ReportService.Filled filled, int index, float zoom) {
        try {
            return (BufferedImage) JasperPrintManager.printPageToImage(filled.print(), index, zoom);
        } catch (JRException e) {
            throw new IllegalStateException("cannot draw page " + (index + 1) + ": " + e.getMessage(), e);
        }
    }

    private volatile Printers printers = Printers.system();

    /** Prints through these printers instead of the system's (a test's PostScript file, or none at all). */
    public DatabaseReportEngine printers(Printers replacement) {
        this.printers = replacement;
        return this;
    }

    @Override
    public boolean print(ReportService.Filled filled, ReportPrinter.PageProgress progress, java.util.function.BooleanSupplier cancelled) {
        Printers p = printers;
        List<javax.print.PrintService> available = p.available();
        if (available.isEmpty()) {
            throw new NoPrinterException();
        }
        try {
            java.awt.print.PrinterJob job = p.choose(available);
            if (job == null) {
                return false;
            }
            ReportPrinter.print(filled, job, null, progress, cancelled);
            return true;
        } catch (java.awt.print.PrinterException e) {
            throw new IllegalStateException("the printer did not take the job (" + e.getMessage() + ")", e);
        }
    }
}

package dev.serialtrace.reports;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.export.ooxml.JRXlsxExporter;
import net.sf.jasperreports.engine.fill.JRSwapFileVirtualizer;
import net.sf.jasperreports.engine.util.JRLoader;
import net.sf.jasperreports.engine.util.JRSwapFile;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.export.SimpleXlsxReportConfiguration;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import org.jooq.DSLContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Generates reports: checks the arguments, fixes the as-of watermark, streams the definition's
 * rows into the precompiled template (with a swap-file virtualizer, so filled pages beyond a few
 * dozen live on disk, not on the heap) and exports PDF or XLSX, or writes CSV straight from the rows.
 * Output goes to a temporary file first and replaces the target only when complete.
 */
public final class ReportService {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx '('VV')'");
    private static final int PAGES_IN_MEMORY = 120;

    private final DSLContext dsl;
    private final Clock clock;
    private final Map<String, JasperReport> templates = new ConcurrentHashMap<>();

    public ReportService(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** Progress of one generation: rows so far, rows expected (-1 if unknown), and what is happening. */
    public interface Progress {
        void update(long rows, long expectedRows, String message);

        Progress NONE = (rows, expected, message) -> { };
    }

    /** Who generates, in which zone generated-at is shown, and how to notice a cancel. */
    public record Options(String generatedBy, ZoneId zone, Progress progress, BooleanSupplier cancelled) {
        public static Options of(String generatedBy, ZoneId zone) {
            return new Options(generatedBy, zone, Progress.NONE, () -> false);
        }

        public Options with(Progress p, BooleanSupplier c) {
            return new Options(generatedBy, zone, p, c);
        }
    }

    /** A filled report, for preview and printing; close it to drop its swap file. */
    public static final class Filled implements AutoCloseable {
        private final JasperPrint print;
        private final JRSwapFileVirtualizer virtualizer;
        private final String reportId;
        private final long rows;

        Filled(JasperPrint print, JRSwapFileVirtualizer virtualizer, String reportId, long rows) {
            this.print = print;
            this.virtualizer = virtualizer;
            this.reportId = reportId;
            this.rows = rows;
        }

        public JasperPrint print() {
            return print;
        }

        public String reportId() {
            return reportId;
        }

        public int pages() {
            return print.getPages().size();
        }

        public long rows() {
            return rows;
        }

        @Override
        public void close() {
            virtualizer.cleanup();
        }
    }

    /** What was written. */
    public record Result(String reportId, int pages, long rows, Path file) {
    }

    /** Fills the arguments' gaps: as-of defaults to now, to the second. */
    public ReportArguments complete(ReportArguments arguments) {
        if (arguments.has(ReportArguments.AS_OF)) {
            arguments.asOf();
            return arguments;
        }
        return arguments.with(ReportArguments.AS_OF,
                OffsetDateTime.now(clock).withOffsetSameInstant(java.time.ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString());
    }

    public Filled fill(ReportDefinition definition, ReportArguments given, Options options, boolean paginated) {
        if (!definition.available()) {
            throw new ReportInputException(definition.title() + " is not available yet");
        }
        definition.validate(given);
        ReportArguments arguments = complete(given);
        ReportDigest digest = new ReportDigest(definition.name(), arguments);
        ReportContext context = new ReportContext(dsl, arguments.asOf(), options.zone());
        JRSwapFileVirtualizer virtualizer = new JRSwapFileVirtualizer(PAGES_IN_MEMORY,
                new JRSwapFile(System.getProperty("java.io.tmpdir"), 4096, 1024), true);
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("TITLE", definition.title());
        parameters.put("PARAMETERS_TEXT", arguments.describe(definition.parameters()));
        parameters.put("GENERATED_AT", ZonedDateTime.now(clock.withZone(options.zone())).truncatedTo(ChronoUnit.SECONDS).format(STAMP));
        parameters.put("GENERATED_BY", options.generatedBy());
        parameters.put("AS_OF", arguments.asOf().atZoneSameInstant(options.zone()).format(STAMP));
        parameters.put("REPORT_ID_SOURCE", digest);
        parameters.put(JRParameter.REPORT_VIRTUALIZER, virtualizer);
        parameters.put(JRParameter.IS_IGNORE_PAGINATION, !paginated);
        options.progress().update(0, -1, "Reading data…");
        try (RowStream rows = new RowStream(definition, context, arguments, digest, options.cancelled(),
                s -> options.progress().update(s.delivered(), s.expected(), "Laying out pages…"))) {
            rows.start();
            JasperPrint print = JasperFillManager.getInstance(net.sf.jasperreports.engine.DefaultJasperReportsContext.getInstance())
                    .fill(template(definition.template()), parameters, rows);
            virtualizer.setReadOnly(true);
            return new Filled(print, virtualizer, digest.get(), rows.delivered());
        } catch (JRException e) {
            virtualizer.cleanup();
            throw unwrap(e);
        } catch (RuntimeException e) {
            virtualizer.cleanup();
            throw e;
        }
    }

    /** Generates in the format into {@code target}, which is replaced only when the report is complete. */
    public Result generate(ReportDefinition definition, ReportArguments arguments, ReportFormat format, Path target,
                           Options options) {
        Path temp;
        try {
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, ".report-", ".part");
        } catch (IOException e) {
            throw new ReportInputException("cannot write to " + target + ": " + e.getMessage());
        }
        try {
            Result r;
            try (OutputStream out = Files.newOutputStream(temp)) {
                r = write(definition, arguments, format, out, options);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Result(r.reportId(), r.pages(), r.rows(), target);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + target, e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // a leftover .part file is harmless
            }
        }
    }

    public Result write(ReportDefinition definition, ReportArguments arguments, ReportFormat format, OutputStream out,
                        Options options) {
        if (format == ReportFormat.CSV) {
            return CsvWriter.write(this, definition, arguments, out, options);
        }
        try (Filled filled = fill(definition, arguments, options, format == ReportFormat.PDF)) {
            options.progress().update(filled.rows(), filled.rows(), "Writing " + format.extension().toUpperCase() + "…");
            export(filled, format, out);
            return new Result(filled.reportId(), filled.pages(), filled.rows(), null);
        }
    }

    /** Writes a filled report as PDF or XLSX. */
    public static void export(Filled filled, ReportFormat format, OutputStream out) {
        try {
            SimpleOutputStreamExporterOutput output = new SimpleOutputStreamExporterOutput(out);
            if (format == ReportFormat.PDF) {
                JRPdfExporter pdf = new LeftToRightPdfExporter();
                pdf.setExporterInput(new SimpleExporterInput(filled.print()));
                pdf.setExporterOutput(output);
                SimplePdfExporterConfiguration config = new SimplePdfExporterConfiguration();
                config.setMetadataTitle(filled.print().getName() + " " + filled.reportId());
                config.setMetadataCreator("Serialtrace");
                pdf.setConfiguration(config);
                pdf.exportReport();
            } else if (format == ReportFormat.XLSX) {
                JRXlsxExporter xlsx = new JRXlsxExporter();
                xlsx.setExporterInput(new SimpleExporterInput(filled.print()));
                xlsx.setExporterOutput(output);
                SimpleXlsxReportConfiguration config = new SimpleXlsxReportConfiguration();
                config.setDetectCellType(true);
                config.setRemoveEmptySpaceBetweenRows(true);
                config.setWhitePageBackground(false);
                xlsx.setConfiguration(config);
                xlsx.exportReport();
            } else {
                throw new IllegalArgumentException("CSV is written from the rows, not from a filled report");
            }
        } catch (JRException e) {
            throw new IllegalStateException("could not export the report: " + e.getMessage(), e);
        }
    }

    /** The templates of the reports with speed targets (docs/benchmarks.md, issue 7). */
    private static final java.util.List<String> WARM_UP_TEMPLATES = java.util.List.of("chain-of-custody", "spot-audit", "recall");

    /**
     * Fills a made-up report of about 120 pages in each of those templates and exports it as PDF, reading no
     * data: on a fresh JVM the first report otherwise pays seconds for loading classes, templates and fonts
     * and for compiling the hot code. The app runs this in the background once a session opens; {@code also}
     * gets each filled report before it is closed (the app renders a preview page of it).
     */
    public void warmUp(java.util.function.Consumer<Filled> also) {
        for (String template : WARM_UP_TEMPLATES) {
            try (Filled filled = fill(new WarmUpReport(template), ReportArguments.of(Map.of()), Options.of("warm-up", ZoneId.of("UTC")), true)) {
                export(filled, ReportFormat.PDF, OutputStream.nullOutputStream());
                also.accept(filled);
            }
        }
    }

    /** The row stream for the CSV writer (same digest and cancel rules as a fill). */
    RowStream openRows(ReportDefinition definition, ReportArguments arguments, ReportDigest digest, Options options) {
        ReportContext context = new ReportContext(dsl, arguments.asOf(), options.zone());
        RowStream rows = new RowStream(definition, context, arguments, digest, options.cancelled(),
                s -> options.progress().update(s.delivered(), s.expected(), "Writing CSV…"));
        rows.start();
        return rows;
    }

    private JasperReport template(String name) {
        return templates.computeIfAbsent(name, n -> {
            String resource = "templates/" + n + ".jasper";
            try (InputStream in = ReportService.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("report template missing from the build: " + resource);
                }
                return (JasperReport) JRLoader.loadObject(in);
            } catch (IOException | JRException e) {
                throw new IllegalStateException("cannot load report template " + resource, e);
            }
        });
    }

    /** A failure inside the row thread or a cancel arrives wrapped by the fill: give it back as itself. */
    private static RuntimeException unwrap(JRException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ReportCancelledException || t instanceof ReportInputException) {
                return (RuntimeException) t;
            }
        }
        return new IllegalStateException("could not fill the report: " + e.getMessage(), e);
    }
}

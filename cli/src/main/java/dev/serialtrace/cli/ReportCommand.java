package dev.serialtrace.cli;

import dev.serialtrace.db.connect.Database;
import dev.serialtrace.db.timing.OperationTimings;
import dev.serialtrace.reports.ReportArguments;
import dev.serialtrace.reports.ReportCancelledException;
import dev.serialtrace.reports.ReportDefinition;
import dev.serialtrace.reports.ReportFormat;
import dev.serialtrace.reports.ReportInputException;
import dev.serialtrace.reports.ReportParameter;
import dev.serialtrace.reports.ReportService;
import dev.serialtrace.reports.definitions.ReportCatalogue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Generate a compliance report (PDF, XLSX or CSV) for scheduled jobs.%n"
                + "  serialtrace report --list%n"
                + "  serialtrace report chain-of-custody --units U0000001X,U0000002Y --format pdf --out custody.pdf%n"
                + "  serialtrace report recall --lot L7734 --format csv --out recall.csv%n"
                + "Report parameters are given as --NAME VALUE (see --list); a units parameter also takes --NAME-file FILE "
                + "(one identifier per line). --as-of MOMENT (ISO, e.g. 2026-03-31T18:00:00Z) regenerates a report exactly "
                + "as it was: same data, same report id.%n"
                + "Exit codes: 0 written, 2 bad parameters (nothing written), 1 other failure.")
final class ReportCommand implements Callable<Integer> {
    static final int BAD_INPUT = 2;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "the report (see --list)")
    String name;

    @Option(names = "--list", description = "list the reports and their parameters")
    boolean list;

    @Option(names = "--format", defaultValue = "pdf", description = "pdf, xlsx or csv (default ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "where to write (replaced only when complete)")
    Path out;

    @Option(names = "--generated-by", paramLabel = "NAME", description = "who the report says generated it (default: the OS user)")
    String generatedBy;

    @Option(names = "--zone", paramLabel = "ZONE", description = "time zone for generated-at and as-of (default: the system's)")
    String zone;

    @Unmatched
    List<String> reportParameters = new ArrayList<>();

    @Mixin ConnectionOptions connection;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ReportCatalogue catalogue = ReportCatalogue.standard();
        if (list) {
            printList(stdout, catalogue);
            return 0;
        }
        try {
            if (name == null) {
                throw new ReportInputException("name a report (see serialtrace report --list)");
            }
            ReportDefinition definition = catalogue.require(name);
            ReportFormat fmt = ReportFormat.parse(format);
            if (out == null) {
                throw new ReportInputException("say where to write it: --out FILE");
            }
            ReportArguments arguments = arguments(definition, reportParameters);
            definition.validate(arguments);
            ZoneId z = zone == null ? ZoneId.systemDefault() : ZoneId.of(zone);
            String by = generatedBy != null ? generatedBy : System.getProperty("user.name", "unknown");
            try (Database db = connection.open(err)) {
                ReportService service = new ReportService(db.dsl(), Clock.systemUTC());
                long start = System.nanoTime();
                ReportService.Result r;
                // the report-time KPI counts reports from the command line too (one row, written at once)
                try (OperationTimings timings = new OperationTimings(db.dsl(), Clock.systemUTC(), 0)) {
                    try {
                        r = service.generate(definition, arguments, fmt, out,
                                ReportService.Options.of(by, z).with(new ProgressLine(err), () -> false));
                    } catch (ReportInputException | ReportCancelledException e) {
                        throw e;
                    } catch (RuntimeException e) {
                        timings.record(OperationTimings.Kind.REPORT, System.nanoTime() - start, false);
                        throw e;
                    }
                    timings.record(OperationTimings.Kind.REPORT, System.nanoTime() - start, true);
                }
                err.print("\r");
                stdout.printf(Locale.ROOT, "%s written: %s (%s%s rows, report id %s, %.1f s)%n", definition.title(), out,
                        r.pages() > 0 ? r.pages() + " pages, " : "", r.rows(), r.reportId(), (System.nanoTime() - start) / 1e9);
            }
            return 0;
        } catch (ReportInputException e) {
            err.println("error: " + e.getMessage());
            err.println("  nothing was written; see: serialtrace report --list");
            return BAD_INPUT;
        } catch (ReportCancelledException e) {
            err.println("error: " + e.getMessage());
            return ErrorReporter.FAILURE;
        } catch (java.time.DateTimeException e) {
            err.println("error: unknown time zone '" + zone + "' (use an IANA name such as Europe/Berlin)");
            return BAD_INPUT;
        }
    }

    /** "--name value", "--name=value" and "--name-file FILE" (units from a file) into report arguments. */
    static ReportArguments arguments(ReportDefinition definition, List<String> raw) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < raw.size(); i++) {
            String token = raw.get(i);
            if (!token.startsWith("--")) {
                throw new ReportInputException("unexpected '" + token + "': parameters are --NAME VALUE");
            }
            String key = token.substring(2);
            String value;
            int eq = key.indexOf('=');
            if (eq >= 0) {
                value = key.substring(eq + 1);
                key = key.substring(0, eq);
            } else {
                if (i + 1 >= raw.size()) {
                    throw new ReportInputException("--" + key + " needs a value");
                }
                value = raw.get(++i);
            }
            boolean fromFile = key.endsWith("-file");
            String param = fromFile ? key.substring(0, key.length() - "-file".length()) : key;
            if (!param.equals(ReportArguments.AS_OF) && definition.parameters().stream().noneMatch(p -> p.name().equals(param))) {
                throw new ReportInputException(definition.name() + " has no parameter --" + key + "; it takes: "
                        + String.join(", ", definition.parameters().stream().map(p -> "--" + p.name()).toList()) + ", --as-of");
            }
            if (fromFile) {
                try {
                    value = Files.readString(Path.of(value), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new ReportInputException("cannot read " + value + ": " + e.getMessage());
                }
            }
            values.merge(param, value, (a, b) -> a + "\n" + b);
        }
        return ReportArguments.of(values);
    }

    private static void printList(PrintWriter out, ReportCatalogue catalogue) {
        for (ReportDefinition d : catalogue.all()) {
            out.printf("%-18s %s%s%n", d.name(), d.title(), d.available() ? "" : "  (not available yet)");
            out.printf("%-18s %s%n", "", d.description());
            for (ReportParameter p : d.parameters()) {
                out.printf("%-18s   --%-14s %s%s%n", "", p.name(), p.required() ? "(required) " : "", p.help());
            }
            out.printf("%-18s   --%-14s %s%n", "", ReportArguments.AS_OF, "data watermark (default: now); same as-of, same report");
        }
        out.println("formats: pdf, xlsx, csv");
    }

    /** Progress on one stderr line. */
    private static final class ProgressLine implements ReportService.Progress {
        private final PrintWriter err;
        private long last;

        ProgressLine(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void update(long rows, long expected, String message) {
            long now = System.nanoTime();
            if (now - last < 500_000_000L) {
                return;
            }
            last = now;
            err.print("\r" + message + " " + rows + (expected > 0 ? " / " + expected : "") + " rows   ");
            err.flush();
        }
    }
}

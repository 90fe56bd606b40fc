package dev.serialtrace.cli;

import dev.serialtrace.db.connect.Database;
import dev.serialtrace.db.epcis.EpcisDocumentWriter;
import dev.serialtrace.db.epcis.EpcisExporter;
import dev.serialtrace.db.epcis.EpcisFormatException;
import dev.serialtrace.db.epcis.EpcisImporter;
import dev.serialtrace.db.unit.LookupResult;
import dev.serialtrace.db.unit.UnitLookup;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "epcis", mixinStandardHelpOptions = true, description = "Exchange custody history as GS1 EPCIS 2.0 documents.",
        subcommands = {EpcisCommand.Export.class, EpcisCommand.Import.class})
final class EpcisCommand {

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the history of a unit, a lot or a date range as an EPCIS 2.0 document (JSON-LD or XML).")
    static final class Export implements Callable<Integer> {
        static final class Which {
            @Option(names = "--unit", paramLabel = "ID", description = "a unit: internal id, serial or any scan of it")
            String unit;
            @Option(names = "--lot", paramLabel = "LOT", description = "every unit of a lot")
            String lot;
            @ArgGroup(exclusive = false)
            Range range;
        }

        static final class Range {
            @Option(names = "--from", required = true, paramLabel = "DATE", description = "first day (YYYY-MM-DD)")
            LocalDate from;
            @Option(names = "--to", required = true, paramLabel = "DATE", description = "last day, inclusive")
            LocalDate to;
        }

        @ArgGroup(multiplicity = "1")
        Which which;
        @Option(names = "--format", defaultValue = "jsonld", paramLabel = "jsonld|xml", description = "jsonld (default) or xml")
        String format;
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "where to write the document")
        Path out;
        @Option(names = "--digital-link", description = "name units by GS1 Digital Link URI instead of SGTIN EPC URI")
        boolean digitalLink;
        @Option(names = "--partner", defaultValue = "(file)", description = "who the document is for, for the sync log")
        String partner;
        @Option(names = "--sensor-data", negatable = true, description = "temperature summaries of cold locations "
                + "(default: on for --unit and --lot, off for a date range, where it costs two queries per cold event)")
        Boolean sensorData;
        @Mixin ConnectionOptions connection;
        @Spec CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            EpcisDocumentWriter.Format f = switch (format.toLowerCase()) {
                case "jsonld", "json", "json-ld" -> EpcisDocumentWriter.Format.JSONLD;
                case "xml" -> EpcisDocumentWriter.Format.XML;
                default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--format must be jsonld or xml, not '" + format + "'");
            };
            try (Database db = connection.open(err)) {
                EpcisExporter.Selection selection;
                if (which.unit != null) {
                    LookupResult r = new UnitLookup(db.dsl(), dev.serialtrace.core.identify.ParserOptions.defaults(Clock.systemDefaultZone()))
                            .lookup(which.unit);
                    if (!(r instanceof LookupResult.Found found) || found.units().size() != 1) {
                        err.println("no single unit found for '" + which.unit + "' (try `serialtrace lookup` first)");
                        return LookupCommand.NOT_FOUND;
                    }
                    selection = new EpcisExporter.Selection.OfUnit(found.units().get(0).unitId());
                } else if (which.lot != null) {
                    selection = new EpcisExporter.Selection.OfLot(which.lot);
                } else {
                    selection = new EpcisExporter.Selection.Between(which.range.from, which.range.to);
                }
                // written beside the target and moved into place: a failed export never leaves half a file
                Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), ".epcis-", ".part");
                EpcisExporter.Result result;
                try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                    result = new EpcisExporter(db.dsl(), Clock.systemDefaultZone()).export(selection,
                            new EpcisExporter.Options(f, digitalLink, partner,
                                    sensorData != null ? sensorData : !(selection instanceof EpcisExporter.Selection.Between)), os, n -> { });
                } catch (RuntimeException | IOException e) {
                    Files.deleteIfExists(tmp);
                    throw e;
                }
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                spec.commandLine().getOut().printf("%,d events written to %s in %,d ms%s%n", result.events(), out, result.millis(),
                        result.dscsa() ? " (DSCSA transaction statement in the header)" : "");
            }
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Take in an EPCIS document (2.0 JSON-LD or XML, 1.2 XML): events become custody events, "
                    + "unknown units, products and parties are created. Importing a document twice changes nothing.%n"
                    + "Exit code 0 all imported, 4 some or all events refused, 2 unreadable document.")
    static final class Import implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "the EPCIS document")
        Path file;
        @Option(names = "--dry-run", description = "check and count only; write nothing")
        boolean dryRun;
        @Option(names = "--accept-partial", description = "import the good events of a document that has bad ones")
        boolean acceptPartial;
        @Option(names = "--partner", description = "who sent it, for the sync log (default: the file name)")
        String partner;
        @Option(names = "--json", description = "print the report as JSON")
        boolean json;
        @Mixin ConnectionOptions connection;
        @Spec CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.isReadable(file)) {
                err.println("cannot read " + file);
                return ParseCommand.BAD_INPUT;
            }
            if (QuickCompilation.suits(Files.size(file))) {
                QuickCompilation.fromNowOn();
            }
            EpcisImporter.Report r;
            try (Database db = connection.open(err)) {
                r = new EpcisImporter(db.dsl(), Clock.systemDefaultZone()).importFile(file,
                        new EpcisImporter.Options(dryRun, acceptPartial, partner == null ? file.getFileName().toString() : partner, EpcisImporter.DEFAULT_BATCH),
                        (phase, done, total) -> {
                            err.printf("\r%s %,d%s events", phase, done, total > 0 ? " of " + String.format("%,d", total) : "");
                            err.flush();
                        }, () -> false);
                err.println();
            } catch (EpcisFormatException e) {
                err.println(file + ": " + e.getMessage());
                return ParseCommand.BAD_INPUT;
            }
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("file", file.toString());
                m.put("dryRun", r.dryRun());
                m.put("status", r.status().name());
                m.put("events", r.events());
                m.put("imported", r.imported());
                m.put("alreadyImported", r.duplicates());
                m.put("failed", r.failed());
                m.put("custodyEvents", r.custodyEvents());
                m.put("unitsCreated", r.unitsCreated());
                m.put("millis", r.millis());
                m.put("failures", r.failures().stream().map(f -> Map.of("index", f.index(), "eventID", String.valueOf(f.eventId()),
                        "field", f.field(), "message", f.message())).toList());
                out.println(Json.write(m));
            } else {
                out.printf("%s%s: %,d events — %,d %s, %,d already imported, %,d refused (%,d custody events, %,d new units) in %,d ms%n",
                        r.dryRun() ? "DRY RUN " : "", file.getFileName(), r.events(), r.imported(),
                        r.dryRun() ? "would be imported" : "imported", r.duplicates(), r.failed(), r.custodyEvents(),
                        r.unitsCreated(), r.millis());
                r.failures().forEach(f -> out.println("  " + f));
                if (r.failed() > 0 && r.imported() == 0 && !acceptPartial) {
                    out.println("nothing was imported; fix the events above, or import the good ones with --accept-partial");
                }
            }
            return r.failed() > 0 ? 4 : 0;
        }
    }
}

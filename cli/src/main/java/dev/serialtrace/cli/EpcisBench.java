package dev.serialtrace.cli;

import dev.serialtrace.db.connect.Database;
import dev.serialtrace.db.epcis.EpcisDocumentWriter;
import dev.serialtrace.db.epcis.EpcisExporter;
import dev.serialtrace.db.epcis.EpcisImporter;
import dev.serialtrace.db.epcis.SyntheticDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import static dev.serialtrace.db.jooq.Tables.CUSTODY_EVENT;

@Command(name = "epcis", mixinStandardHelpOptions = true,
        description = "EPCIS export and import rates (events/s) on the database as it is.%n"
                + "Export: the history of the last --days days, JSON-LD and XML, to temporary files.%n"
                + "Import: a generated JSON-LD document of --events events for new units of a test GTIN "
                + "(they stay in the database: run it on a throw-away copy), then the same document again "
                + "(all duplicates). Heap use is printed; run with SERIALTRACE_JAVA_OPTS=-Xmx256m to check bounded memory.")
final class EpcisBench implements Callable<Integer> {
    @Option(names = "--events", defaultValue = "200000", description = "events in the generated import document (default ${DEFAULT-VALUE})")
    long events;
    @Option(names = "--days", defaultValue = "30", description = "days of history to export (default ${DEFAULT-VALUE})")
    int days;
    @Option(names = "--sensor-data", description = "include cold-chain sensor summaries in the export (slower)")
    boolean sensorData;
    @Option(names = "--formats", split = ",", defaultValue = "JSONLD,XML",
            description = "export formats, in this order (default ${DEFAULT-VALUE})")
    List<EpcisDocumentWriter.Format> formats;
    @Option(names = "--batch-size", defaultValue = "" + EpcisImporter.DEFAULT_BATCH,
            description = "events per import transaction (default ${DEFAULT-VALUE})")
    int batchSize;
    @Option(names = "--warm-up-days", defaultValue = "10",
            description = "days of history exported (not timed) before the timed exports, so they run compiled (default ${DEFAULT-VALUE})")
    int warmUpDays;
    @Option(names = "--rounds", defaultValue = "2",
            description = "exports of the range in each format; the JIT needs a few hundred thousand events, so compare the last (default ${DEFAULT-VALUE})")
    int rounds;
    @Option(names = "--skip-import", description = "measure export only (writes nothing to the database but the sync log)")
    boolean skipImport;
    @Mixin ConnectionOptions connection;
    @Spec CommandSpec spec;

    /** CPU time of this JVM, all threads: on a shared machine it tells the client's share apart from waiting. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Database db = connection.open(spec.commandLine().getErr())) {
            var newest = db.dsl().select(org.jooq.impl.DSL.max(CUSTODY_EVENT.OCCURRED_AT)).from(CUSTODY_EVENT).fetchOne(0,
                    java.time.OffsetDateTime.class);
            LocalDate to = newest == null ? LocalDate.now() : newest.toLocalDate();
            // untimed: the first export of a JVM runs mostly interpreted (2–3× slower at 200k events on this machine)
            EpcisExporter.Result warm = new EpcisExporter(db.dsl(), Clock.systemDefaultZone()).export(
                    new EpcisExporter.Selection.Between(to.minusDays(Math.min(days, warmUpDays) - 1L), to),
                    new EpcisExporter.Options(EpcisDocumentWriter.Format.JSONLD, false, "bench warm-up", sensorData),
                    OutputStream.nullOutputStream(), n -> { });
            out.printf("warm-up: %,d events exported (not timed)%n", warm.events());
            for (int round = 1; round <= rounds; round++) {
            for (EpcisDocumentWriter.Format format : formats) {
                long cpu0 = cpuNanos();
                Path file = Files.createTempFile("serialtrace-bench-", format == EpcisDocumentWriter.Format.XML ? ".xml" : ".jsonld");
                try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                    EpcisExporter.Result r = new EpcisExporter(db.dsl(), Clock.systemDefaultZone()).export(
                            new EpcisExporter.Selection.Between(to.minusDays(days - 1L), to),
                            new EpcisExporter.Options(format, false, "bench", sensorData), os, n -> { });
                    out.printf("export %-6s round %d %,12d events %,9d ms %,10.0f events/s %,8d MB (client CPU %,.1f s)%n", format, round, r.events(),
                            r.millis(), r.millis() == 0 ? 0.0 : r.events() * 1000.0 / r.millis(), Files.size(file) >> 20,
                            (cpuNanos() - cpu0) / 1e9);
                } finally {
                    Files.deleteIfExists(file);
                }
            }
            }
            if (!skipImport) {
                Path doc = Files.createTempFile("serialtrace-bench-", ".jsonld");
                try {
                    try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(doc), 1 << 16)) {
                        SyntheticDocument.write(os, EpcisDocumentWriter.Format.JSONLD, events, "B" + System.currentTimeMillis());
                    }
                    for (String round : new String[] {"import", "re-import"}) {
                        Runtime rt = Runtime.getRuntime();
                        long[] peak = {0};
                        long cpu0 = cpuNanos();
                        EpcisImporter.Report r = new EpcisImporter(db.dsl(), Clock.systemDefaultZone()).importFile(doc,
                                new EpcisImporter.Options(false, false, "bench", batchSize),
                                (p, d, t) -> peak[0] = Math.max(peak[0], rt.totalMemory() - rt.freeMemory()), () -> false);
                        out.printf("%-13s %,12d events %,9d ms %,10.0f events/s (%,d imported, %,d already there, %,d failed; "
                                        + "document %,d MB, heap max %,d MB, peak used %,d MB; client CPU %,.1f s)%n", round, r.events(),
                                r.millis(), r.eventsPerSecond(), r.imported(), r.duplicates(), r.failed(), Files.size(doc) >> 20,
                                rt.maxMemory() >> 20, peak[0] >> 20, (cpuNanos() - cpu0) / 1e9);
                    }
                } finally {
                    Files.deleteIfExists(doc);
                }
            }
        }
        return 0;
    }
}

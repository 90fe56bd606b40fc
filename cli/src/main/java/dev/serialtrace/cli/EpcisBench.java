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
import java.util.Map;
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
    @Option(names = "--skip-export", description = "measure import only")
    boolean skipExport;
    @Option(names = "--write-document", paramLabel = "FILE", description = "only write the generated JSON-LD document of "
            + "--events events to FILE (streamed: any size, e.g. 2,300,000 events for 1 GB) for a timed `serialtrace epcis "
            + "import FILE`; measures nothing, needs no database")
    Path writeDocument;
    @Option(names = "--warm-up-events", defaultValue = "0", description = "import a separate generated document of this many "
            + "events first, not timed (its units stay too), so the timed import runs compiled, as a long import does after its "
            + "first minute (default ${DEFAULT-VALUE}: the timed import includes the JIT's start-up)")
    long warmUpEvents;
    @Option(names = "--server-profile", description = "also print the server time of the custody event triggers during "
            + "the import (turns track_functions on with ALTER SYSTEM for the run; needs a superuser)")
    boolean serverProfile;
    @Option(names = "--import-in-new-jvm", description = "time the import as a user's first one: `serialtrace epcis import` "
            + "of the document in a JVM of its own, started by the launcher that started this bench (so compiled as theirs), "
            + "against this database; no warm-up, no re-import")
    boolean importInNewJvm;
    @Mixin ConnectionOptions connection;
    @Spec CommandSpec spec;

    /** CPU time of this JVM, all threads: on a shared machine it tells the client's share apart from waiting. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * CPU time of the database server (postmaster, its live backends and the ones it has reaped),
     * when it runs on this machine (the embedded one, or a local --db-url); -1 otherwise. With the
     * client's CPU it tells, on a shared machine, what one event costs apart from waiting for a core.
     */
    static long serverCpuNanos(org.jooq.DSLContext dsl) {
        try {
            int backend = ((Number) dsl.fetchValue("select pg_backend_pid()")).intValue();
            long postmaster = Long.parseLong(stat(backend)[1]);
            String[] pm = stat(postmaster);
            long ticks = Long.parseLong(pm[11]) + Long.parseLong(pm[12]) + Long.parseLong(pm[13]) + Long.parseLong(pm[14]);
            try (var procs = Files.list(Path.of("/proc"))) {
                for (Path p : (Iterable<Path>) procs::iterator) {
                    String name = p.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    try {
                        String[] st = stat(Long.parseLong(name));
                        if (Long.parseLong(st[1]) == postmaster) {
                            ticks += Long.parseLong(st[11]) + Long.parseLong(st[12]);
                        }
                    } catch (Exception gone) {
                        // exited meanwhile: counted in the postmaster's children's time once reaped
                    }
                }
            }
            return ticks * 10_000_000L; // USER_HZ = 100 on Linux
        } catch (Exception notLocal) {
            return -1;
        }
    }

    /** CPU time of this JVM's threads by name (the JIT's and the collector's too), from /proc; empty where there is none. */
    static Map<String, Long> threadCpu() {
        Map<String, Long> out = new java.util.HashMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                try {
                    String s = Files.readString(t.resolve("stat"));
                    String name = s.substring(s.indexOf('(') + 1, s.lastIndexOf(')')).replaceAll("[#0-9]+$", "").trim();
                    String[] f = fields(s);
                    out.merge(name, (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L, Long::sum);
                } catch (Exception gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (Exception noProc) {
            return Map.of();
        }
        return out;
    }

    /** "main 21.3 µs, writer 1.2 µs, …": each thread group's CPU per event between two readings, largest first. */
    static String byThread(Map<String, Long> before, Map<String, Long> after, long events) {
        return after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(8)
                .map(e -> String.format("%s %.1f µs", e.getKey(), e.getValue() / 1e3 / Math.max(1, events)))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** Fields of /proc/PID/stat after the command name: [0] state, [1] ppid, … [11] utime, [12] stime, [13] cutime, [14] cstime. */
    private static String[] stat(long pid) throws java.io.IOException {
        return fields(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
    }

    /** A /proc stat line's fields after the command name (which may hold spaces and parentheses). */
    private static String[] fields(String stat) {
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    /** Server time of the trigger functions (pg_stat_user_functions), with track_functions on for the run. */
    private record ServerFunctions(org.jooq.DSLContext dsl, PrintWriter out) {
        static ServerFunctions start(org.jooq.DSLContext dsl, PrintWriter out) {
            try {
                dsl.execute("alter system set track_functions = 'pl'");
                dsl.execute("select pg_reload_conf()");
                Thread.sleep(500);
                return new ServerFunctions(dsl, out);
            } catch (Exception e) {
                out.println("--server-profile: not available (" + e.getMessage() + ")");
                return null;
            }
        }

        Map<String, Double> snapshot() {
            try {
                Thread.sleep(1_500); // sessions flush their function statistics at most once a second when idle
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            dsl.execute("select pg_stat_clear_snapshot()");
            Map<String, Double> m = new java.util.TreeMap<>();
            dsl.resultQuery("select funcname, total_time from pg_stat_user_functions").forEach(r -> m.put(r.get(0, String.class),
                    r.get(1, Double.class)));
            return m;
        }

        void print(Map<String, Double> before, Map<String, Double> after) {
            after.forEach((f, ms) -> {
                double d = ms - before.getOrDefault(f, 0.0);
                if (d >= 1) {
                    out.printf("    server: %-27s %,9.0f ms%n", f, d);
                }
            });
        }

        void stop() {
            dsl.execute("alter system reset track_functions");
            dsl.execute("select pg_reload_conf()");
        }
    }

    /** A generated JSON-LD document of {@code n} events for new units whose serials start with {@code prefix} and the time. */
    private static long writeSynthetic(Path file, long n, String prefix) throws java.io.IOException {
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            return SyntheticDocument.write(os, EpcisDocumentWriter.Format.JSONLD, n, prefix + System.currentTimeMillis());
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (writeDocument != null) {
            long t0 = System.nanoTime();
            long n = writeSynthetic(writeDocument, events, "D");
            out.printf("%s: %,d events, %,d MB, written in %.1f s%n", writeDocument, n, Files.size(writeDocument) >> 20,
                    (System.nanoTime() - t0) / 1e9);
            return 0;
        }
        try (Database db = connection.open(spec.commandLine().getErr())) {
            var newest = db.dsl().select(org.jooq.impl.DSL.max(CUSTODY_EVENT.OCCURRED_AT)).from(CUSTODY_EVENT).fetchOne(0,
                    java.time.OffsetDateTime.class);
            LocalDate to = newest == null ? LocalDate.now() : newest.toLocalDate();
            if (!skipExport) {
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
            }
            if (!skipImport) {
                Path doc = Files.createTempFile("serialtrace-bench-", ".jsonld");
                try {
                    writeSynthetic(doc, events, "B");
                    if (importInNewJvm) {
                        importInNewJvm(db, doc, out);
                        return 0;
                    }
                    Path warmDoc = warmUpEvents > 0 ? Files.createTempFile("serialtrace-bench-warm-", ".jsonld") : null;
                    try {
                        if (warmDoc != null) {
                            writeSynthetic(warmDoc, warmUpEvents, "W");
                        }
                        // compiled as `epcis import` would compile a document of this size, from here on
                        if (QuickCompilation.suits(Files.size(doc))) {
                            out.println(QuickCompilation.fromNowOn() ? "import: C1 only, as `epcis import` of a document of this size"
                                    : "import: C2 too (this JVM cannot take a compiler directive)");
                        }
                        if (warmDoc != null) {
                            // through the same measuring code as the timed rounds: reading /proc and the
                            // server's CPU between two imports must not undo what the JIT learnt from the warm-up
                            importRound(db, "warm-up", warmDoc, out, null);
                        }
                        ServerFunctions server = serverProfile ? ServerFunctions.start(db.dsl(), out) : null;
                        importRound(db, "import", doc, out, server);
                        importRound(db, "re-import", doc, out, server);
                        if (server != null) {
                            server.stop();
                        }
                    } finally {
                        if (warmDoc != null) {
                            Files.deleteIfExists(warmDoc);
                        }
                    }
                } finally {
                    Files.deleteIfExists(doc);
                }
            }
        }
        return 0;
    }

    /**
     * The launcher a user runs: the repository's script names itself in SERIALTRACE_LAUNCHER, an installed
     * launcher's path is jpackage's {@code jpackage.app-path}. Null when neither is known.
     */
    static String launcher() {
        String script = System.getenv("SERIALTRACE_LAUNCHER");
        return script != null && !script.isBlank() ? script : System.getProperty("jpackage.app-path");
    }

    /** `serialtrace epcis import` of {@code doc} in a new JVM, connected to this bench's database: its rate, and the whole command's time. */
    private void importInNewJvm(Database db, Path doc, PrintWriter out) throws Exception {
        String launcher = launcher();
        if (launcher == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--import-in-new-jvm starts the import with the launcher: run the bench through ./serialtrace or the installed serialtrace");
        }
        ProcessBuilder pb = new ProcessBuilder(launcher, "epcis", "import", doc.toString(), "--json", "--partner", "bench import (new JVM)");
        // an installed launcher passes its JVM's arguments to its second stage in this variable: inherited,
        // the child launcher would take "epcis" for the main class
        pb.environment().remove("_JPACKAGE_LAUNCHER");
        // the database this bench is connected to (the embedded one's real URL), as whom it is connected
        setOrRemove(pb.environment(), "SERIALTRACE_DB_URL", db.settings().url());
        setOrRemove(pb.environment(), "SERIALTRACE_DB_USER", db.settings().user());
        setOrRemove(pb.environment(), "SERIALTRACE_DB_PASSWORD", db.settings().password());
        Path err = Files.createTempFile("serialtrace-bench-import-", ".txt");
        long serverCpu0 = serverCpuNanos(db.dsl());
        long t0 = System.nanoTime();
        String json;
        int exit;
        String errors;
        try {
            Process p = pb.redirectError(err.toFile()).start();
            json = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            exit = p.waitFor();
            errors = Files.readString(err);
        } finally {
            Files.deleteIfExists(err);
        }
        long commandMillis = (System.nanoTime() - t0) / 1_000_000;
        long serverCpu = serverCpuNanos(db.dsl());
        if (exit != 0 || !json.trim().startsWith("{")) {
            throw new IllegalStateException("`" + launcher + " epcis import` ended with exit code " + exit + ": " + json.trim()
                    + (errors.isBlank() ? "" : System.lineSeparator() + errors.strip()));
        }
        var r = Json.read(json); // the child's --json report
        long n = r.get("events").asLong();
        long millis = r.get("millis").asLong();
        out.printf("%-13s %,12d events %,9d ms %,10.0f events/s (%,d imported, %,d already there, %,d failed; document %,d MB; "
                        + "a new JVM, whole command %,d ms)%n", "import", n, millis, millis == 0 ? 0.0 : n * 1000.0 / millis,
                r.get("imported").asLong(), r.get("alreadyImported").asLong(), r.get("failed").asLong(), Files.size(doc) >> 20,
                commandMillis);
        if (serverCpu0 >= 0 && serverCpu >= 0) {
            out.printf("    server CPU per event %.1f µs (%,.1f s; load average %.1f)%n", (serverCpu - serverCpu0) / 1e3 / Math.max(1, n),
                    (serverCpu - serverCpu0) / 1e9, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static void setOrRemove(Map<String, String> env, String name, String value) {
        if (value != null) {
            env.put(name, value);
        } else {
            env.remove(name);
        }
    }

    /** One import of {@code doc}, with its rate, memory, CPU per event (client and server) and time per stage. */
    private void importRound(Database db, String round, Path doc, PrintWriter out, ServerFunctions server) throws Exception {
        Runtime rt = Runtime.getRuntime();
        long[] peak = {0};
        long cpu0 = cpuNanos();
        Map<String, Long> threads0 = threadCpu();
        long serverCpu0 = serverCpuNanos(db.dsl());
        Map<String, Double> before = server == null ? Map.of() : server.snapshot();
        EpcisImporter importer = new EpcisImporter(db.dsl(), Clock.systemDefaultZone());
        EpcisImporter.Report r = importer.importFile(doc, new EpcisImporter.Options(false, false, "bench " + round, batchSize),
                (p, d, t) -> peak[0] = Math.max(peak[0], rt.totalMemory() - rt.freeMemory()), () -> false);
        out.printf("%-13s %,12d events %,9d ms %,10.0f events/s (%,d imported, %,d already there, %,d failed; "
                        + "document %,d MB, heap max %,d MB, peak used %,d MB; client CPU %,.1f s)%s%n", round, r.events(),
                r.millis(), r.eventsPerSecond(), r.imported(), r.duplicates(), r.failed(), Files.size(doc) >> 20,
                rt.maxMemory() >> 20, peak[0] >> 20, (cpuNanos() - cpu0) / 1e9, round.equals("warm-up") ? " (not timed)" : "");
        long serverCpu = serverCpuNanos(db.dsl());
        if (serverCpu0 >= 0 && serverCpu >= 0) {
            out.printf("    CPU per event: client %.1f µs, server %.1f µs (server CPU %,.1f s; load average %.1f)%n",
                    (cpuNanos() - cpu0) / 1e3 / Math.max(1, r.events()), (serverCpu - serverCpu0) / 1e3 / Math.max(1, r.events()),
                    (serverCpu - serverCpu0) / 1e9, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
        out.printf("    client CPU on the writer thread      %,9d ms; batches retried in parts: %d (%d transactions)%n",
                importer.writerCpuMillis(), importer.batchesRetried(), importer.retryTransactions());
        out.printf("    client CPU by thread: %s%n", byThread(threads0, threadCpu(), r.events()));
        importer.stageMillis().forEach((stage, ms) -> {
            if (ms > 0) {
                out.printf("    %-36s %,9d ms%n", stage.label, ms);
            }
        });
        if (server != null) {
            server.print(before, server.snapshot());
        }
    }
}

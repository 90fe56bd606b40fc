package dev.serialtrace.cli;

import dev.serialtrace.db.connect.Database;
import dev.serialtrace.db.demo.DemoDataGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.LocalDate;

@Command(name = "demo-data", mixinStandardHelpOptions = true,
        description = "Fill an empty database with a deterministic demo warehouse (same seed and as-of date, same data).")
final class DemoDataCommand implements Runnable {
    @Mixin ConnectionOptions connection;
    @Spec CommandSpec spec;

    @Option(names = "--units", defaultValue = "20000", description = "serialised units to create (default ${DEFAULT-VALUE})")
    long units;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--as-of", paramLabel = "DATE", description = "last day of the generated history (default: yesterday)")
    LocalDate asOf;

    @Override
    public void run() {
        if (units < 1) {
            throw new IllegalArgumentException("--units must be at least 1");
        }
        PrintWriter err = spec.commandLine().getErr();
        LocalDate lastDay = asOf != null ? asOf : LocalDate.now().minusDays(1);   // no event in the future
        try (Database db = connection.open(err)) {
            ProgressPrinter progress = new ProgressPrinter(err);
            DemoDataGenerator.Summary summary = new DemoDataGenerator(db.dataSource())
                    .generate(new DemoDataGenerator.Options(units, seed, lastDay), progress);
            progress.finish();
            spec.commandLine().getOut().printf("demo warehouse ready: %,d units, %,d events in %.1f s (seed %d, as of %s)%n",
                    summary.units(), summary.events(), summary.elapsed().toMillis() / 1000.0, seed, lastDay);
        }
    }
}

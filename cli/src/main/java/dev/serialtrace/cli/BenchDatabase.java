package dev.serialtrace.cli;

import dev.serialtrace.db.connect.Database;
import dev.serialtrace.db.demo.DemoDataGenerator;

import java.io.PrintWriter;
import java.time.LocalDate;

import static dev.serialtrace.db.jooq.Tables.UNIT;

/** What the benchmarks measure on: the database as it is, or, when it is empty, a fresh demo warehouse. */
final class BenchDatabase {
    private BenchDatabase() {
    }

    /** Fills an empty database with {@code units} demo units (seed 1, as of today); returns the units on file. */
    static long unitsOnFile(Database db, long units, PrintWriter err) {
        long onFile = db.dsl().fetchCount(UNIT);
        if (onFile == 0) {
            ProgressPrinter progress = new ProgressPrinter(err);
            new DemoDataGenerator(db.dataSource()).generate(new DemoDataGenerator.Options(units, 1, LocalDate.now()), progress);
            progress.finish();
            db.dsl().execute("analyze");
            onFile = db.dsl().fetchCount(UNIT);
        }
        return onFile;
    }
}

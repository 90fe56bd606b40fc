package dev.serialtrace.db.demo;

import dev.serialtrace.db.testing.TestDatabase;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;

/**
 * Timing harness, not a test: {@code java -cp … dev.serialtrace.db.demo.DemoDataTiming 20000 1000000}
 * generates each size into a fresh embedded database and prints units, events and seconds.
 */
public final class DemoDataTiming {
    private DemoDataTiming() {
    }

    public static void main(String[] args) throws Exception {
        for (String arg : args.length == 0 ? new String[]{"20000"} : args) {
            long units = Long.parseLong(arg.replace("_", ""));
            DataSource ds = TestDatabase.fresh();
            long[] lastPrint = {0};
            long start = System.nanoTime();
            DemoDataGenerator.Summary s = new DemoDataGenerator(ds).generate(
                    new DemoDataGenerator.Options(units, 42, LocalDate.of(2026, 11, 20)),
                    (phase, done, total) -> {
                        long now = System.nanoTime();
                        if (now - lastPrint[0] > 2_000_000_000L || done == total || done == 0) {
                            lastPrint[0] = now;
                            System.out.printf("  %6.1f s  %-30s %,d / %,d%n", (now - start) / 1e9, phase, done, total);
                        }
                    });
            System.out.printf("units=%,d events=%,d seconds=%.1f%n", s.units(), s.events(), s.elapsed().toMillis() / 1000.0);
            try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("select pg_size_pretty(pg_database_size(current_database()))")) {
                rs.next();
                System.out.println("database size " + rs.getString(1));
            }
            if (Boolean.getBoolean("demo.hold")) {
                System.out.println("holding: port " + TestDatabase.port() + " " + ds);
                Thread.sleep(900_000);
            }
        }
    }
}

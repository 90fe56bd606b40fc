package dev.serialtrace.db.demo;

import javax.sql.DataSource;

// PLACEHOLDER while the generator is written on the demo-data branch; replaced at merge.
public final class DemoDataGenerator {
    public record Options(long units, long seed, java.time.LocalDate asOf) {}
    @FunctionalInterface public interface Progress { void update(String phase, long done, long total); }
    public record Summary(long units, long events, java.time.Duration elapsed) {}
    public DemoDataGenerator(DataSource dataSource) {}
    public Summary generate(Options options, Progress progress) { throw new UnsupportedOperationException("not merged yet"); }
}

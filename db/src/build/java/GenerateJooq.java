import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Target;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Build step: applies the Flyway migrations to a throw-away embedded PostgreSQL and generates
 * jOOQ classes from the real schema (partitioned tables, functions and triggers included).
 * Skipped when a hash of the migrations matches the one stored beside the generated code.
 */
public class GenerateJooq {
    public static void main(String[] args) throws Exception {
        Path migrations = Path.of(args[0]);
        Path output = Path.of(args[1]);
        Path stamp = output.resolve(".migrations.sha256");
        String hash = hashOf(migrations);
        boolean complete = Files.exists(output.resolve("dev/serialtrace/db/jooq/SchemaVersion.java"));
        if (complete && Files.exists(stamp) && Files.readString(stamp).equals(hash)) {
            System.out.println("[jooq] migrations unchanged, generated code is current");
            return;
        }
        long started = System.nanoTime();
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            Flyway.configure()
                    .dataSource(pg.getPostgresDatabase())
                    .locations("filesystem:" + migrations.toAbsolutePath())
                    .load()
                    .migrate();
            String url = pg.getJdbcUrl("postgres", "postgres");
            GenerationTool.generate(new Configuration()
                    .withJdbc(new Jdbc().withDriver("org.postgresql.Driver").withUrl(url).withUser("postgres"))
                    .withGenerator(new Generator()
                            .withDatabase(new Database()
                                    .withName("org.jooq.meta.postgres.PostgresDatabase")
                                    .withInputSchema("public")
                                    .withOutputSchemaToDefault(true)
                                    .withIncludes(".*")
                                    // partitions are storage detail: code talks to the parent table
                                    .withExcludes("custody_event_(default|\\d{4}_\\d{2})|flyway_schema_history"
                                            + "|(gtrgm|gin_extract|gin_trgm|set_limit|show_limit|show_trgm|similarity|strict_word_similarity|word_similarity).*"))
                            .withGenerate(new Generate().withJavaTimeTypes(true).withRecords(true).withPojos(false)
                                    .withImplicitJoinPathsToMany(false).withDeprecated(false).withGeneratedAnnotation(false).withComments(true))
                            .withTarget(new Target().withPackageName("dev.serialtrace.db.jooq")
                                    .withDirectory(output.toString()).withClean(true))));
        }
        writeSchemaVersion(migrations, output);
        Files.writeString(stamp, hash);
        System.out.printf("[jooq] generated from migrations in %d ms%n", (System.nanoTime() - started) / 1_000_000);
    }

    /** The newest migration version as a constant, so opening a current database needs no Flyway scan. */
    private static void writeSchemaVersion(Path migrations, Path output) throws Exception {
        String latest;
        try (Stream<Path> s = Files.list(migrations)) {
            latest = s.map(p -> p.getFileName().toString()).filter(n -> n.matches("V[0-9._]+__.*\\.sql"))
                    .map(n -> n.substring(1, n.indexOf("__")).replace('_', '.'))
                    .max(java.util.Comparator.comparing(java.math.BigDecimal::new)).orElse("0");
        }
        Path file = output.resolve("dev/serialtrace/db/jooq/SchemaVersion.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "package dev.serialtrace.db.jooq;\n\n"
                + "/** Generated from the migrations: the schema version this build expects. */\n"
                + "public final class SchemaVersion {\n"
                + "    public static final String LATEST = \"" + latest + "\";\n\n"
                + "    private SchemaVersion() {\n    }\n}\n");
    }

    private static String hashOf(Path dir) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            sha.update(f.getFileName().toString().getBytes());
            sha.update(Files.readAllBytes(f));
        }
        sha.update(GenerateJooq.class.getName().getBytes());
        return HexFormat.of().formatHex(sha.digest());
    }
}

package dev.serialtrace.db.epcis;

import dev.serialtrace.db.testing.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.serialtrace.db.jooq.Tables.CUSTODY_EVENT;
import static dev.serialtrace.db.jooq.Tables.EPCIS_EVENT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Streaming, proved: a document larger than the whole heap of the JVM that imports it. The import
 * runs in a child JVM started with {@value #HEAP} (and the serial collector, so the limit is the
 * heap and nothing else); had the importer held the document, its events or one growing structure
 * per event, it would end with an OutOfMemoryError instead of writing every event.
 */
class BoundedMemoryImportTest {
    private static final String HEAP = "-Xmx16m";
    private static final long EVENTS = 40_000;
    /** What the heap must hold is two batches (one written, the next read): with the default 5,000 that is more than 16 MB. */
    private static final int BATCH = 1_000;

    @TempDir
    Path dir;

    @Test
    void aDocumentLargerThanTheHeapImportsWhole() throws Exception {
        Path doc = dir.resolve("big.jsonld");
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(doc), 1 << 16)) {
            SyntheticDocument.write(os, EpcisDocumentWriter.Format.JSONLD, EVENTS, "BM");
        }
        assertThat(Files.size(doc)).as("document size").isGreaterThan(16L << 20);

        PGSimpleDataSource ds = (PGSimpleDataSource) TestDatabase.fresh();
        Path log = dir.resolve("child.log");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP,
                "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                ImportInSmallHeap.class.getName(), ds.getURL(), ds.getUser(), doc.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // generous: this proves bounded memory, not speed (on a shared 2-core machine the child took over 5 minutes)
        assertThat(child.waitFor(15, TimeUnit.MINUTES)).as("child finished").isTrue();
        String output = Files.readString(log);
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).contains("imported " + EVENTS);

        DSLContext db = DSL.using(ds, SQLDialect.POSTGRES);
        assertThat(db.fetchCount(EPCIS_EVENT)).isEqualTo(EVENTS);
        assertThat(db.fetchCount(CUSTODY_EVENT)).isEqualTo(EVENTS);
    }

    /** The child: imports one file into one database, prints what it did. */
    public static final class ImportInSmallHeap {
        public static void main(String[] args) throws Exception {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(args[0]);
            ds.setUser(args[1]);
            EpcisImporter.Report r = new EpcisImporter(DSL.using(ds, SQLDialect.POSTGRES), Clock.systemUTC())
                    .importFile(Path.of(args[2]), new EpcisImporter.Options(false, false, "bounded-memory test", BATCH), (p, d, t) -> { },
                            () -> false);
            Runtime rt = Runtime.getRuntime();
            System.out.println("imported " + r.imported() + " failed " + r.failed() + " " + List.copyOf(r.failures())
                    + "; heap max " + (rt.maxMemory() >> 20) + " MB");
            System.exit(r.imported() == r.events() ? 0 : 1);
        }
    }
}

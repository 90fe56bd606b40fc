package dev.serialtrace.desktop.exchange;

import dev.serialtrace.db.epcis.EpcisDocumentWriter;
import dev.serialtrace.db.epcis.EpcisExporter;
import dev.serialtrace.db.epcis.EpcisImporter;
import dev.serialtrace.db.epcis.SerialReconciler;
import dev.serialtrace.db.testing.TestDatabase;
import dev.serialtrace.desktop.common.CurrentThreadTaskExecutor;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import static dev.serialtrace.db.jooq.Tables.CUSTODY_EVENT;
import static dev.serialtrace.db.jooq.Tables.UNIT;
import static org.assertj.core.api.Assertions.assertThat;

/** The Exchange screen's logic against a real database, without the toolkit. */
class ExchangeViewModelTest {
    @TempDir
    Path dir;
    private DSLContext dsl;
    private final List<String> opened = new ArrayList<>();
    private ExchangeViewModel vm;
    private boolean cancelAsked;

    @BeforeEach
    void screen() {
        dsl = DSL.using(TestDatabase.fresh(), SQLDialect.POSTGRES);
        vm = new ExchangeViewModel(new ExchangeViewModel.Services() {
            @Override
            public EpcisImporter.Report importFile(Path file, EpcisImporter.Options options, EpcisImporter.Progress progress,
                                                   BooleanSupplier cancelled) throws IOException {
                return new EpcisImporter(dsl, Clock.systemUTC()).importFile(file, options, progress, () -> {
                    cancelAsked |= cancelled.getAsBoolean();
                    return cancelled.getAsBoolean();
                });
            }

            @Override
            public SerialReconciler.Report reconcile(Path file) throws IOException {
                return new SerialReconciler(dsl).reconcile(file, 100);
            }

            @Override
            public long exportUnit(long unitId, EpcisDocumentWriter.Format format, boolean digitalLink, Path out) throws IOException {
                try (var os = Files.newOutputStream(out)) {
                    return new EpcisExporter(dsl, Clock.systemUTC()).export(new EpcisExporter.Selection.OfUnit(unitId),
                            new EpcisExporter.Options(format, digitalLink, "t"), os, n -> { }).events();
                }
            }
        }, new CurrentThreadTaskExecutor(), opened::add);
    }

    private Path document() throws IOException {
        Path file = dir.resolve("partner.jsonld");
        Files.writeString(file, """
                {"type":"EPCISDocument","schemaVersion":"2.0","creationDate":"2026-01-01T00:00:00Z","epcisBody":{"eventList":[
                 {"type":"ObjectEvent","eventTime":"2026-01-02T10:00:00+01:00","eventTimeZoneOffset":"+01:00","action":"ADD",
                  "bizStep":"commissioning","disposition":"active","epcList":["urn:epc:id:sgtin:0614141.000001.A1"],
                  "ilmd":{"cbvmda:lotNumber":"L1","cbvmda:itemExpirationDate":"2028-01-31"}},
                 {"type":"ObjectEvent","eventTime":"2026-01-03T10:00:00+01:00","eventTimeZoneOffset":"+01:00","action":"OBSERVE",
                  "bizStep":"receiving","disposition":"in_progress","epcList":["urn:epc:id:sgtin:0614141.000001.A1"]},
                 {"type":"ObjectEvent","eventTime":"2026-01-03T11:00:00+01:00","action":"OBSERVE","epcList":["urn:epc:id:sgtin:0614141.000001.A2"]}
                ]}}""");
        return file;
    }

    @Test
    void aDocumentWithABadEventImportsNothingAndNamesItThenTheGoodOnesWhenAsked() throws Exception {
        Path file = document();
        vm.importFile(file);
        assertThat(vm.statusProperty().get()).contains("3 events").contains("0 imported").contains("Nothing was imported");
        assertThat(vm.failures()).extracting(Object::toString).containsExactly("event #3: eventTimeZoneOffset: missing");
        assertThat(dsl.fetchCount(CUSTODY_EVENT)).isZero();
        assertThat(vm.runningProperty().get()).isFalse();

        vm.acceptPartialProperty().set(true);
        vm.importFile(file);
        assertThat(vm.statusProperty().get()).contains("2 imported").contains("1 refused");
        assertThat(dsl.fetchCount(CUSTODY_EVENT)).isEqualTo(2);
    }

    @Test
    void reconciliationCountsAndOpensOnlyOurUnits() throws Exception {
        vm.acceptPartialProperty().set(true);
        vm.importFile(document());
        Path list = dir.resolve("maker.csv");
        Files.writeString(list, "gtin,serial,lot,expiry\n00614141000012,A1,L2,2028-01-31\n00614141000012,A9,,\n");
        vm.reconcile(list);
        assertThat(vm.counts()).anyMatch(c -> c.startsWith("Never received") && c.endsWith(" 1"))
                .anyMatch(c -> c.startsWith("Lot differs") && c.endsWith(" 1"));
        String ours = dsl.select(UNIT.INTERNAL_ID).from(UNIT).fetchOne().value1();
        for (ExchangeViewModel.FindingRow row : vm.findings()) {
            vm.open(row);
        }
        assertThat(opened).containsExactly(ours); // the never-received serial has no dossier to open
    }

    @Test
    void exportWritesTheOpenUnitsHistory() throws Exception {
        vm.importFile(dir.resolve("none.jsonld")); // a missing file: the error is shown, nothing breaks
        assertThat(vm.errorProperty().get()).isNotEmpty();
        vm.acceptPartialProperty().set(true);
        vm.importFile(document());
        long unit = dsl.select(UNIT.ID).from(UNIT).fetchOne().value1();
        Path out = dir.resolve("unit.xml");
        vm.exportUnit(unit, EpcisDocumentWriter.Format.XML, false, out);
        assertThat(vm.statusProperty().get()).startsWith("2 events written");
        assertThat(Files.readString(out)).contains("<ObjectEvent>").contains("urn:epc:id:sgtin:");
    }
}

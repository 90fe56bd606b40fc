package dev.serialtrace.desktop.reports;

import dev.serialtrace.db.jooq.enums.BizStep;
import dev.serialtrace.db.jooq.enums.CaptureMethod;
import dev.serialtrace.db.jooq.enums.Disposition;
import dev.serialtrace.db.testing.TestDatabase;
import dev.serialtrace.db.unit.UnitFixture;
import dev.serialtrace.desktop.common.CurrentThreadTaskExecutor;
import dev.serialtrace.reports.ReportFormat;
import dev.serialtrace.reports.definitions.ReportCatalogue;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import javax.sql.DataSource;
import dev.serialtrace.db.testing.TestPeople;

import static dev.serialtrace.db.jooq.Tables.CUSTODY_EVENT;
import static org.assertj.core.api.Assertions.assertThat;

/** The report screen's view model on a real database, without the JavaFX toolkit. */
class ReportsViewModelTest {
    private ReportsViewModel vm;
    private String unit;

    @BeforeEach
    void warehouse() {
        DSLContext dsl = DSL.using(TestDatabase.fresh(), SQLDialect.POSTGRES);
        UnitFixture data = new UnitFixture(dsl);
        long id = data.unit(data.tv, "SN1", null);
        unit = data.internalId(id);
        for (int i = 0; i < 3; i++) {
            dsl.insertInto(CUSTODY_EVENT).set(CUSTODY_EVENT.UNIT_ID, id)
                    .set(CUSTODY_EVENT.OCCURRED_AT, OffsetDateTime.parse("2026-01-0" + (i + 1) + "T10:00:00Z"))
                    .set(CUSTODY_EVENT.OCCURRED_ZONE, "UTC").set(CUSTODY_EVENT.BIZ_STEP, i == 0 ? BizStep.receiving : BizStep.storing)
                    .set(CUSTODY_EVENT.DISPOSITION, Disposition.in_progress).set(CUSTODY_EVENT.CAPTURE_METHOD, CaptureMethod.scan)
                    .execute();
        }
        DatabaseReportEngine engine = new DatabaseReportEngine(dsl, Clock.systemUTC());
        vm = new ReportsViewModel(ReportCatalogue.standard(), () -> engine, new CurrentThreadTaskExecutor(), () -> "tester",
                ZoneId.of("UTC"));
    }

    @Test
    void reportThisFillsTheFormAndGeneratesAPreview() {
        vm.prepare("chain-of-custody", Map.of("units", unit));
        assertThat(vm.selectedProperty().get().name()).isEqualTo("chain-of-custody");
        assertThat(vm.value("units").get()).isEqualTo(unit);
        vm.generate();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.filledProperty().get().pages()).isEqualTo(1);
        assertThat(vm.reportIdProperty().get()).startsWith("ST-");
        assertThat(vm.pageImageProperty().get().getWidth()).isGreaterThan(800);
        assertThat(vm.statusProperty().get()).contains("1 pages", vm.reportIdProperty().get());
    }

    @Test
    void missingOrWrongParametersAreShownAndNothingRuns() {
        vm.prepare("chain-of-custody", Map.of());
        vm.generate();
        assertThat(vm.errorProperty().get()).contains("needs Units");
        assertThat(vm.filledProperty().get()).isNull();

        vm.prepare("chain-of-custody", Map.of("units", "NO-SUCH-UNIT"));
        vm.generate();
        assertThat(vm.errorProperty().get()).contains("'NO-SUCH-UNIT' names no unit");
        assertThat(vm.runningProperty().get()).isFalse();

        vm.prepare("firearms-record", Map.of("from", "2026-02-30", "to", "2026-03-01"));
        vm.generate();
        assertThat(vm.errorProperty().get()).contains("yyyy-MM-dd");
    }

    @Test
    void exportsWriteEachFormat(@TempDir Path dir) throws Exception {
        vm.prepare("chain-of-custody", Map.of("units", unit));
        vm.generate();
        for (ReportFormat f : ReportFormat.values()) {
            Path target = dir.resolve(vm.suggestedFileName(f));
            vm.export(f, target);
            assertThat(target).exists();
            assertThat(Files.size(target)).isPositive();
        }
        assertThat(Files.readString(dir.resolve(vm.suggestedFileName(ReportFormat.CSV))))
                .contains("Report id," + vm.reportIdProperty().get());
        assertThat(Files.readAllBytes(dir.resolve(vm.suggestedFileName(ReportFormat.PDF)))).startsWith("%PDF".getBytes());
    }

    @Test
    void theRecallFormsUnitsExportAsEpcisAndOtherReportsCannot(@TempDir Path dir) throws Exception {
        vm.prepare("chain-of-custody", Map.of("units", unit));
        assertThat(vm.canExportEpcis()).isFalse();

        vm.prepare("recall", Map.of("product", "TV-65"));   // no scope chosen: said, nothing written
        Path refused = dir.resolve("refused.jsonld");
        vm.exportEpcis(refused);
        assertThat(vm.errorProperty().get()).contains("choose exactly one scope");
        assertThat(refused).doesNotExist();

        vm.prepare("recall", Map.of("product", "TV-65", "serial-from", "SN1", "serial-to", "SN1"));
        assertThat(vm.canExportEpcis()).isTrue();
        Path out = dir.resolve("recall.jsonld");
        vm.exportEpcis(out);
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.statusProperty().get()).startsWith("Exported 3 events");
        String doc = Files.readString(out);
        assertThat(doc).contains("\"EPCISDocument\"").contains(".SN1");
        assertThat(doc.split("\"eventID\"", -1).length - 1).isEqualTo(3);
        assertThat(vm.runningProperty().get()).isFalse();
    }

    @Test
    void aGeneratedReportIsSignedWithPasswordAndTheSignatureIsShownForThatReport() {
        DataSource owner = TestDatabase.fresh();
        DSLContext dsl = DSL.using(owner, SQLDialect.POSTGRES);
        UnitFixture data = new UnitFixture(dsl);
        String u = data.internalId(data.unit(data.tv, "SN9", null));
        TestPeople.TestPerson cora = TestPeople.add(owner, "Cora", dev.serialtrace.db.access.GroupRole.COMPLIANCE);
        DSLContext asCora = DSL.using(cora.dataSource(), SQLDialect.POSTGRES);
        DatabaseReportEngine engine = new DatabaseReportEngine(asCora, Clock.systemUTC(), null, cora.dataSource(), cora.login());
        ReportsViewModel signing = new ReportsViewModel(ReportCatalogue.standard(), () -> engine, new CurrentThreadTaskExecutor(),
                cora::login, ZoneId.of("UTC"));
        signing.prepare("chain-of-custody", Map.of("units", u));
        signing.generate();
        assertThat(signing.approvalsProperty().get()).startsWith("Not approved");
        assertThat(signing.signedInUser()).as("the login is proposed, not the printed name").isEqualTo(cora.login());

        char[] wrong = "nope".toCharArray();
        signing.approve(dev.serialtrace.db.signature.SignatureMeaning.APPROVED, cora.login(), wrong);
        assertThat(signing.errorProperty().get()).startsWith("Not signed:");
        assertThat(wrong).containsOnly('\0');   // the password does not linger
        assertThat(signing.approvalsProperty().get()).startsWith("Not approved");

        signing.approve(dev.serialtrace.db.signature.SignatureMeaning.APPROVED, cora.login(), cora.passwordChars());
        assertThat(signing.errorProperty().get()).isEmpty();
        assertThat(signing.approvalsProperty().get()).startsWith("Signed: Cora Tester (" + cora.login() + "), approved, ");

        // the same report regenerated from the same data (same as-of) shows the signature
        signing.value(dev.serialtrace.reports.ReportArguments.AS_OF).set(signing.generatedAsOf());
        signing.generate();
        assertThat(signing.approvalsProperty().get()).startsWith("Signed: Cora Tester");
    }
}

package dev.serialtrace.desktop.integrity;

import dev.serialtrace.db.integrity.Anchor;
import dev.serialtrace.db.integrity.BreakKind;
import dev.serialtrace.db.integrity.ChainBreak;
import dev.serialtrace.db.integrity.VerificationReport;
import dev.serialtrace.desktop.common.BackgroundTask;
import dev.serialtrace.desktop.common.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class IntegrityViewModelTest {
    private final Anchor anchor = new Anchor(3, OffsetDateTime.parse("2026-11-27T03:00:00Z"), "cora", 99, 12, new byte[32]);
    private final ChainBreak altered = new ChainBreak(7L, "U7", 41L, 2, BreakKind.ALTERED, "event 41 no longer matches its hash", null);

    private final IntegrityViewModel.Checks checks = new IntegrityViewModel.Checks() {
        @Override
        public VerificationReport verifyUnit(String input) {
            if (!input.equals("U7")) {
                throw new IllegalArgumentException("no single unit matches \"" + input + "\"; use its internal id");
            }
            return new VerificationReport("unit 7", 1, 4, 0, List.of(altered), Optional.of(anchor), Duration.ofMillis(12));
        }

        @Override
        public VerificationReport verifyAll(BackgroundTask.Progress progress) {
            return new VerificationReport("all units", 3, 12, 2, List.of(), Optional.of(anchor), Duration.ofMillis(1500));
        }

        @Override
        public Anchor anchor() {
            return anchor;
        }

        @Override
        public dev.serialtrace.db.archive.ArchiveState archiveState() {
            return lifecycleState;
        }
    };
    private dev.serialtrace.db.archive.ArchiveState lifecycleState;
    private final IntegrityViewModel vm = new IntegrityViewModel(checks, new CurrentThreadTaskExecutor());

    @Test
    void aBrokenUnitListsEachBreakAndSaysHowMany() {
        vm.unitInputProperty().set(" U7 ");
        vm.verifyUnit();
        assertThat(vm.breaks()).containsExactly(altered);
        assertThat(vm.intactProperty().get()).isFalse();
        assertThat(vm.summaryProperty().get()).startsWith("unit 7: 1 break — 1 units, 4 events");
        assertThat(vm.anchorTextProperty().get()).contains("Newest anchor 3", "0000");
        assertThat(vm.runningProperty().get()).isFalse();
    }

    @Test
    void everythingIntactClearsEarlierBreaks() {
        vm.unitInputProperty().set("U7");
        vm.verifyUnit();
        vm.verifyAll();
        assertThat(vm.breaks()).isEmpty();
        assertThat(vm.intactProperty().get()).isTrue();
        assertThat(vm.summaryProperty().get()).contains("intact, no break", "12 events", "2 anchors");
    }

    @Test
    void anUnknownUnitIsSaidPlainlyAndNothingIsLost() {
        vm.unitInputProperty().set("U7");
        vm.verifyUnit();
        vm.unitInputProperty().set("nope");
        vm.verifyUnit();
        assertThat(vm.summaryProperty().get()).contains("Could not verify", "no single unit matches \"nope\"");
        assertThat(vm.breaks()).containsExactly(altered);
        vm.unitInputProperty().set("  ");
        vm.verifyUnit();
        assertThat(vm.summaryProperty().get()).isEqualTo("Scan or type the unit to verify.");
    }

    @Test
    void theScreenSaysWhichMonthsAreArchivedAndWhatRetentionHolds() {
        java.time.OffsetDateTime jan = java.time.OffsetDateTime.parse("2023-01-01T00:00Z");
        lifecycleState = new dev.serialtrace.db.archive.ArchiveState(List.of(
                new dev.serialtrace.db.archive.PartitionState("custody_event_2023_01", "archive", null, jan, jan.plusMonths(1), 10, 3L << 20, true),
                new dev.serialtrace.db.archive.PartitionState("custody_event_2023_02", "public", null, jan.plusMonths(1), jan.plusMonths(2), 10, 1L << 20, false)),
                Optional.empty(),
                List.of(new dev.serialtrace.db.archive.RetentionRule("DSCSA", "dscsa", "6 years", "21 USC 360eee-1"),
                        new dev.serialtrace.db.archive.RetentionRule("ATF", "atf", null, "27 CFR 478.129")));
        vm.refreshLifecycle();
        assertThat(vm.lifecycleProperty().get())
                .contains("1 month(s) archived (2023-01 – 2023-01, 3 MB)")
                .contains("no archive or purge run yet")
                .contains("DSCSA at least 6 years, ATF life of the business (never purged)");
    }
}

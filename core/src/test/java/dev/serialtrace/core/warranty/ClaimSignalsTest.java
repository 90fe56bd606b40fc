package dev.serialtrace.core.warranty;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static dev.serialtrace.core.warranty.ClaimSignals.Signal.*;
import static org.assertj.core.api.Assertions.assertThat;

class ClaimSignalsTest {
    private static final OffsetDateTime SOLD = OffsetDateTime.of(2026, 1, 10, 12, 0, 0, 0, ZoneOffset.UTC);
    private static final ClaimSignals.Sale SALE = new ClaimSignals.Sale(SOLD, 7, "US-South", "retail");

    @Test
    void anHonestClaimRaisesNothing() {
        assertThat(ClaimSignals.of(SALE, new ClaimSignals.Claim(SOLD.plusMonths(3), 7, "US-South", "retail"))).isEmpty();
    }

    @Test
    void eachWarningSignIsNamed() {
        assertThat(ClaimSignals.of(null, new ClaimSignals.Claim(SOLD, 7, null, null))).containsExactly(NEVER_SOLD);
        assertThat(ClaimSignals.of(SALE, new ClaimSignals.Claim(SOLD.minusDays(1), 9, "EU-West", "online")))
                .containsExactly(CLAIMED_BEFORE_SALE, OTHER_CLAIMANT, REGION_MISMATCH, CHANNEL_MISMATCH);
        assertThat(ClaimSignals.of(SALE, new ClaimSignals.Claim(SOLD.plusDays(5), 7, null, null))).isEmpty();
    }
}

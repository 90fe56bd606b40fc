package dev.serialtrace.core.warranty;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Warning signs on a warranty claim, judged against the unit's sale. */
public final class ClaimSignals {

    /** Our sale of the unit: when, to whom, where it went. */
    public record Sale(OffsetDateTime soldAt, long customerId, String region, String channel) {
    }

    /** The claim as filed. */
    public record Claim(OffsetDateTime openedAt, long claimantId, String region, String channel) {
    }

    public enum Signal {
        NEVER_SOLD("never sold by us"),
        CLAIMED_BEFORE_SALE("claimed before we sold it"),
        OTHER_CLAIMANT("claimed by someone other than the buyer"),
        REGION_MISMATCH("claimed in a region other than the one shipped to"),
        CHANNEL_MISMATCH("claimed through a channel other than the one sold through");

        private final String description;

        Signal(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private ClaimSignals() {
    }

    /** {@code sale} is null when we never shipped the unit to a customer. */
    public static List<Signal> of(Sale sale, Claim claim) {
        List<Signal> signals = new ArrayList<>();
        if (sale == null) {
            signals.add(Signal.NEVER_SOLD);
            return signals;
        }
        if (claim.openedAt().isBefore(sale.soldAt())) {
            signals.add(Signal.CLAIMED_BEFORE_SALE);
        }
        if (claim.claimantId() != sale.customerId()) {
            signals.add(Signal.OTHER_CLAIMANT);
        }
        if (differ(claim.region(), sale.region())) {
            signals.add(Signal.REGION_MISMATCH);
        }
        if (differ(claim.channel(), sale.channel())) {
            signals.add(Signal.CHANNEL_MISMATCH);
        }
        return signals;
    }

    private static boolean differ(String a, String b) {
        return a != null && b != null && !Objects.equals(a, b);
    }
}

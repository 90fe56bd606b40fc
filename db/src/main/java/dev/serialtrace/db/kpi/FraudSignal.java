package dev.serialtrace.db.kpi;

import java.time.OffsetDateTime;

/** A fraud or leakage signal and its evidence in words; {@code unitId} is null for a serial unknown to us. */
public record FraudSignal(Kind kind, OffsetDateTime at, Long unitId, String serial, String reference, String evidence) {

    public enum Kind {
        CLAIM_NEVER_SOLD("Claim for a serial never sold"),
        CLAIM_OTHER_CUSTOMER("Claimed by another customer than the buyer"),
        CLAIM_OTHER_REGION("Claim from another region or channel than shipped to"),
        RETURN_OTHER_REGION("Return from another region or channel than shipped to"),
        RETURN_NEVER_SHIPPED("Return of a serial never shipped"),
        CLONE("Same serial in two places in an impossible time");

        private final String title;

        Kind(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }
}

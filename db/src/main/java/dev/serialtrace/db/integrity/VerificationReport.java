package dev.serialtrace.db.integrity;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What a verification checked and every break it found. */
public record VerificationReport(String scope, long units, long events, int anchorsChecked, List<ChainBreak> breaks,
                                 Optional<Anchor> newestAnchor, Duration elapsed) {
    public boolean intact() {
        return breaks.isEmpty();
    }

    public double eventsPerSecond() {
        double s = elapsed.toNanos() / 1e9;
        return s == 0 ? events : events / s;
    }
}

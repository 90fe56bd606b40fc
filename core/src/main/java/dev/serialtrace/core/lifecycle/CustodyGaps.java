package dev.serialtrace.core.lifecycle;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where a unit's chain of custody is broken: it left one place and next turned up somewhere
 * else, or nothing was recorded for longer than a unit normally sits still.
 */
public final class CustodyGaps {

    /** The facts of one event that continuity depends on. Locations are null when not given. */
    public record Step(OffsetDateTime occurredAt, Long fromLocation, Long toLocation) {
    }

    public enum Kind { LOCATION_JUMP, SILENCE }

    /** A gap just before the step at {@code index}. */
    public record Gap(int index, Kind kind, String description) {
    }

    private CustodyGaps() {
    }

    public static List<Gap> find(List<Step> steps, Duration longestSilence) {
        List<Gap> gaps = new ArrayList<>();
        Long lastKnownPlace = null;   // null once known means: outside our locations (shipped, delivered)
        boolean placeKnown = false;
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (i > 0) {
                Step previous = steps.get(i - 1);
                Duration silence = Duration.between(previous.occurredAt(), step.occurredAt());
                if (silence.compareTo(longestSilence) > 0) {
                    gaps.add(new Gap(i, Kind.SILENCE, "nothing recorded for " + silence.toDays() + " days"));
                }
                if (placeKnown && step.fromLocation() != null && !Objects.equals(step.fromLocation(), lastKnownPlace)) {
                    gaps.add(new Gap(i, Kind.LOCATION_JUMP, "left a place it was never recorded arriving at"));
                }
            }
            if (step.toLocation() != null || step.fromLocation() != null) {
                lastKnownPlace = step.toLocation();
                placeKnown = true;
            }
        }
        return gaps;
    }
}

package dev.serialtrace.desktop.unit;

import dev.serialtrace.db.unit.TimelineEntry;

import java.util.Set;

/** The timeline filter: which kinds of events to show. */
public enum TimelineKind {
    ALL("All events"),
    MOVEMENTS("Movements"),
    QUALITY("Quality & holds"),
    CUSTOMER("Sales & service"),
    FLAGGED("Flagged only");

    private static final Set<String> MOVEMENT_STEPS = Set.of("commissioning", "receiving", "accepting", "storing",
            "stocking", "picking", "packing", "unpacking", "shipping", "void_shipping");
    private static final Set<String> QUALITY_STEPS = Set.of("inspecting", "holding", "repairing", "decommissioning",
            "destroying", "cycle_counting", "sensor_reporting");
    private static final Set<String> CUSTOMER_STEPS = Set.of("retail_selling", "installing");

    private final String label;

    TimelineKind(String label) {
        this.label = label;
    }

    public boolean includes(TimelineEntry e) {
        switch (this) {
            case MOVEMENTS: return MOVEMENT_STEPS.contains(e.bizStep());
            case QUALITY: return QUALITY_STEPS.contains(e.bizStep());
            case CUSTOMER: return CUSTOMER_STEPS.contains(e.bizStep()) || "returned".equals(e.disposition());
            case FLAGGED: return e.flagged();
            default: return true;
        }
    }

    @Override
    public String toString() {
        return label;
    }
}

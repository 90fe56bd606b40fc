package dev.serialtrace.desktop.unit;

import dev.serialtrace.db.unit.TimelineEntry;
import dev.serialtrace.desktop.common.Formats;

import java.util.ArrayList;
import java.util.List;

/** One timeline line, ready to show: texts formatted, flags and gaps spelled out. */
public record TimelineRow(TimelineEntry entry, String when, String step, String disposition, String route,
                          String parties, String method, String flags, String gapBefore) {

    static TimelineRow of(TimelineEntry e, String gapBefore) {
        String route = Formats.orDash(e.fromLocation()) + " → " + Formats.orDash(e.toLocation());
        String parties = e.sourceParty() == null && e.destinationParty() == null ? ""
                : Formats.orDash(e.sourceParty()) + " → " + Formats.orDash(e.destinationParty());
        String method = e.captureMethod() + ("manual".equals(e.captureMethod()) && e.manualReason() != null
                ? " (" + e.manualReason() + ")" : "");
        List<String> flags = new ArrayList<>();
        if (e.illegalTransition()) {
            flags.add("illegal transition");
        }
        if (e.outOfOrder()) {
            flags.add("out of order");
        }
        if (e.correctsEventId() != null) {
            flags.add("corrects event " + e.correctsEventId());
        }
        return new TimelineRow(e, Formats.inZone(e.occurredAt(), e.occurredZone()), Formats.words(e.bizStep()),
                Formats.words(e.disposition()), route, parties, method, String.join(", ", flags), gapBefore);
    }

    public boolean flagged() {
        return entry.flagged();
    }

    public boolean hasGapBefore() {
        return gapBefore != null;
    }

    /** Everything about the event, for the detail pane. */
    public String details() {
        TimelineEntry e = entry;
        StringBuilder b = new StringBuilder();
        line(b, "Event", String.valueOf(e.eventId()));
        line(b, "Occurred", when);
        line(b, "Recorded", Formats.inZone(e.recordedAt(), e.occurredZone()));
        line(b, "Step / disposition", step + " / " + disposition);
        line(b, "From → to", route);
        line(b, "Parties", parties);
        line(b, "Documents", e.documents());
        line(b, "Capture", method);
        line(b, "Device", e.device());
        line(b, "Raw scan", e.rawScan() == null ? null : e.rawScan().replace("\u001d", "<GS>"));
        line(b, "Actor", e.actor());
        line(b, "Flags", flags.isEmpty() ? null : flags + (e.flagReason() == null ? "" : ": " + e.flagReason()));
        line(b, "Gap before", gapBefore);
        return b.toString().strip();
    }

    private static void line(StringBuilder b, String name, String value) {
        if (value != null && !value.isBlank()) {
            b.append(name).append(": ").append(value).append('\n');
        }
    }
}

package dev.serialtrace.desktop.search;

import dev.serialtrace.db.unit.UnitSummary;
import dev.serialtrace.desktop.common.Formats;

import java.time.ZoneId;

/** One line of the results table. */
public record SearchRow(UnitSummary unit, String match) {

    public String product() {
        return unit.productName() + " (" + unit.productSku() + ")";
    }

    public String status() {
        return Formats.words(unit.status());
    }

    public String lastEvent(ZoneId zone) {
        return unit.lastBizStep() == null ? "" : Formats.words(unit.lastBizStep()) + " · " + Formats.inZone(unit.lastEventAt(), zone);
    }
}

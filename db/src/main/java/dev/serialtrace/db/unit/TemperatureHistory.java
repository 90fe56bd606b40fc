package dev.serialtrace.db.unit;

import dev.serialtrace.core.coldchain.Exposure;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** Readings along the places a unit stayed, the product's allowed band, and the exposure. */
public record TemperatureHistory(BigDecimal min, BigDecimal max, List<Stay> stays, List<Reading> readings,
                                 Exposure.Result exposure) {

    public record Stay(String location, OffsetDateTime from, OffsetDateTime to) {
    }

    public record Reading(OffsetDateTime at, String location, BigDecimal celsius, boolean outOfBand) {
    }

    public boolean hasBand() {
        return min != null || max != null;
    }
}

package dev.serialtrace.db.unit;

import dev.serialtrace.core.coldchain.Exposure;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.serialtrace.db.jooq.Tables.CUSTODY_EVENT;
import static dev.serialtrace.db.jooq.Tables.LOCATION;
import static dev.serialtrace.db.jooq.Tables.PRODUCT;
import static dev.serialtrace.db.jooq.Tables.SENSOR_READING;
import static dev.serialtrace.db.jooq.Tables.UNIT;

/**
 * Temperature exposure: the unit's stays (from its custody events) joined with the readings of
 * those places, judged against the product's storage band.
 */
public final class TemperatureQuery {
    private final DSLContext dsl;
    private final Clock clock;

    public TemperatureQuery(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    public TemperatureHistory fetch(long unitId) {
        Record band = dsl.select(PRODUCT.STORAGE_TEMP_MIN, PRODUCT.STORAGE_TEMP_MAX).from(UNIT)
                .join(PRODUCT).on(PRODUCT.ID.eq(UNIT.PRODUCT_ID)).where(UNIT.ID.eq(unitId)).fetchOne();
        BigDecimal min = band == null ? null : band.get(PRODUCT.STORAGE_TEMP_MIN);
        BigDecimal max = band == null ? null : band.get(PRODUCT.STORAGE_TEMP_MAX);

        List<? extends Record> moves = dsl.select(CUSTODY_EVENT.OCCURRED_AT, CUSTODY_EVENT.TO_LOCATION_ID, LOCATION.PATH,
                        CUSTODY_EVENT.FROM_LOCATION_ID)
                .from(CUSTODY_EVENT).leftJoin(LOCATION).on(LOCATION.ID.eq(CUSTODY_EVENT.TO_LOCATION_ID))
                .where(CUSTODY_EVENT.UNIT_ID.eq(unitId))
                .orderBy(CUSTODY_EVENT.OCCURRED_AT, CUSTODY_EVENT.ID).fetch();

        List<TemperatureHistory.Stay> stays = new ArrayList<>();
        List<TemperatureHistory.Reading> readings = new ArrayList<>();
        List<Exposure.Reading> forExposure = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (int i = 0; i < moves.size(); i++) {
            Record m = moves.get(i);
            boolean moved = m.get(CUSTODY_EVENT.TO_LOCATION_ID) != null || m.get(CUSTODY_EVENT.FROM_LOCATION_ID) != null;
            Long place = m.get(CUSTODY_EVENT.TO_LOCATION_ID);
            if (!moved || place == null) {
                continue;
            }
            OffsetDateTime from = m.get(CUSTODY_EVENT.OCCURRED_AT);
            OffsetDateTime to = nextMove(moves, i).orElse(now);
            String path = m.get(LOCATION.PATH);
            int stayIndex = stays.size();
            stays.add(new TemperatureHistory.Stay(path, from, to));
            for (Record r : dsl.select(SENSOR_READING.READ_AT, SENSOR_READING.TEMPERATURE_C).from(SENSOR_READING)
                    .where(SENSOR_READING.LOCATION_ID.eq(place))
                    .and(SENSOR_READING.READ_AT.ge(from)).and(SENSOR_READING.READ_AT.lt(to))
                    .orderBy(SENSOR_READING.READ_AT).fetch()) {
                BigDecimal c = r.get(SENSOR_READING.TEMPERATURE_C);
                boolean out = (min != null && c.compareTo(min) < 0) || (max != null && c.compareTo(max) > 0);
                readings.add(new TemperatureHistory.Reading(r.get(SENSOR_READING.READ_AT), path, c, out));
                forExposure.add(new Exposure.Reading(stayIndex, r.get(SENSOR_READING.READ_AT), c, to));
            }
        }
        Exposure.Result exposure = Exposure.of(forExposure, min, max);
        return new TemperatureHistory(min, max, stays, readings, exposure);
    }

    /** When the unit next changed place (an event with any location), if it did. */
    private static Optional<OffsetDateTime> nextMove(List<? extends Record> moves, int i) {
        for (int j = i + 1; j < moves.size(); j++) {
            Record n = moves.get(j);
            if (n.get(CUSTODY_EVENT.TO_LOCATION_ID) != null || n.get(CUSTODY_EVENT.FROM_LOCATION_ID) != null) {
                return Optional.of(n.get(CUSTODY_EVENT.OCCURRED_AT));
            }
        }
        return Optional.empty();
    }
}

package dev.serialtrace.db.epcis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jooq.DSLContext;
import org.jooq.Record5;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.Optional;

import static dev.serialtrace.db.jooq.Tables.CUSTODY_EVENT;
import static dev.serialtrace.db.jooq.Tables.SENSOR_READING;

/**
 * The temperatures a unit saw in a cold location, as one EPCIS sensor element: minimum, maximum
 * and mean of the location's readings from the unit's previous event there up to the event that
 * takes it out.
 */
final class SensorSummary {
    private SensorSummary() {
    }

    static Optional<ObjectNode> of(DSLContext db, long locationId, long unitId, OffsetDateTime leftAt) {
        OffsetDateTime arrived = db.select(DSL.max(CUSTODY_EVENT.OCCURRED_AT)).from(CUSTODY_EVENT)
                .where(CUSTODY_EVENT.UNIT_ID.eq(unitId)).and(CUSTODY_EVENT.OCCURRED_AT.lt(leftAt))
                .and(CUSTODY_EVENT.OCCURRED_AT.ge(leftAt.minusYears(1)))
                .fetchOne(0, OffsetDateTime.class);
        OffsetDateTime from = arrived != null ? arrived : leftAt.minusDays(1);
        Record5<BigDecimal, BigDecimal, BigDecimal, OffsetDateTime, OffsetDateTime> r = db
                .select(DSL.min(SENSOR_READING.TEMPERATURE_C), DSL.max(SENSOR_READING.TEMPERATURE_C),
                        DSL.avg(SENSOR_READING.TEMPERATURE_C), DSL.min(SENSOR_READING.READ_AT), DSL.max(SENSOR_READING.READ_AT))
                .from(SENSOR_READING)
                .where(SENSOR_READING.LOCATION_ID.eq(locationId))
                .and(SENSOR_READING.READ_AT.between(from, leftAt))
                .fetchOne();
        if (r == null || r.value1() == null) {
            return Optional.empty();
        }
        ObjectNode element = EpcisEvents.MAPPER.createObjectNode();
        element.putObject("sensorMetadata").put("startTime", EpcisEvents.time(r.value4())).put("endTime", EpcisEvents.time(r.value5()));
        element.putArray("sensorReport").addObject()
                .put("type", "gs1:Temperature")
                .put("minValue", r.value1())
                .put("maxValue", r.value2())
                .put("meanValue", r.value3().setScale(2, RoundingMode.HALF_UP))
                .put("uom", "CEL");
        return Optional.of(element);
    }
}

package dev.serialtrace.db.unit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.serialtrace.db.jooq.tables.Location;
import dev.serialtrace.db.jooq.tables.Party;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import static dev.serialtrace.db.jooq.Tables.CUSTODY_EVENT;
import static dev.serialtrace.db.jooq.Tables.LOCATION;
import static dev.serialtrace.db.jooq.Tables.PARTY;

/** A unit's whole chain of custody, oldest first (by occurred time, then id). */
public final class UnitTimelineQuery {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Location FROM = LOCATION.as("from_loc");
    private static final Location TO = LOCATION.as("to_loc");
    private static final Party SOURCE = PARTY.as("source");
    private static final Party DEST = PARTY.as("dest");

    private final DSLContext dsl;

    public UnitTimelineQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<TimelineEntry> fetch(long unitId) {
        var e = CUSTODY_EVENT;
        List<TimelineEntry> entries = new ArrayList<>();
        // the history primary key (unit_id, occurred_at, id) serves this order directly
        for (Record r : dsl.select(e.ID, e.OCCURRED_AT, e.OCCURRED_ZONE, e.RECORDED_AT, e.BIZ_STEP, e.DISPOSITION,
                        FROM.PATH, e.FROM_LOCATION_ID, TO.PATH, e.TO_LOCATION_ID, SOURCE.NAME, DEST.NAME,
                        e.BIZ_TRANSACTIONS, e.CAPTURE_METHOD, e.RAW_SCAN, e.MANUAL_REASON, e.DEVICE, e.ACTOR,
                        e.CORRECTS_EVENT_ID, e.IS_ILLEGAL_TRANSITION, e.IS_OUT_OF_ORDER, e.FLAG_REASON)
                .from(e)
                .leftJoin(FROM).on(FROM.ID.eq(e.FROM_LOCATION_ID))
                .leftJoin(TO).on(TO.ID.eq(e.TO_LOCATION_ID))
                .leftJoin(SOURCE).on(SOURCE.ID.eq(e.SOURCE_PARTY_ID))
                .leftJoin(DEST).on(DEST.ID.eq(e.DESTINATION_PARTY_ID))
                .where(e.UNIT_ID.eq(unitId))
                .orderBy(e.OCCURRED_AT, e.ID)
                .fetch()) {
            entries.add(new TimelineEntry(
                    r.get(e.ID), r.get(e.OCCURRED_AT), r.get(e.OCCURRED_ZONE), r.get(e.RECORDED_AT),
                    r.get(e.BIZ_STEP).getLiteral(), r.get(e.DISPOSITION).getLiteral(),
                    r.get(FROM.PATH), r.get(e.FROM_LOCATION_ID), r.get(TO.PATH), r.get(e.TO_LOCATION_ID),
                    r.get(SOURCE.NAME), r.get(DEST.NAME), documents(r.get(e.BIZ_TRANSACTIONS)),
                    r.get(e.CAPTURE_METHOD).getLiteral(), r.get(e.RAW_SCAN), r.get(e.MANUAL_REASON), r.get(e.DEVICE),
                    r.get(e.ACTOR), r.get(e.CORRECTS_EVENT_ID), r.get(e.IS_ILLEGAL_TRANSITION), r.get(e.IS_OUT_OF_ORDER),
                    r.get(e.FLAG_REASON)));
        }
        return entries;
    }

    private static String documents(JSONB transactions) {
        if (transactions == null) {
            return "";
        }
        try {
            List<String> docs = new ArrayList<>();
            for (JsonNode t : JSON.readTree(transactions.data())) {
                docs.add(t.path("type").asText() + " " + t.path("id").asText());
            }
            return String.join(", ", docs);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}

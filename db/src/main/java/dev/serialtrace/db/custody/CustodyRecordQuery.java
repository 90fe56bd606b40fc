package dev.serialtrace.db.custody;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.serialtrace.db.jooq.tables.Location;
import dev.serialtrace.db.jooq.tables.Party;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.SelectJoinStep;
import org.jooq.impl.DSL;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.serialtrace.db.jooq.Tables.CUSTODY_EVENT;
import static dev.serialtrace.db.jooq.Tables.LOCATION;
import static dev.serialtrace.db.jooq.Tables.LOT;
import static dev.serialtrace.db.jooq.Tables.PARTY;
import static dev.serialtrace.db.jooq.Tables.PRODUCT;
import static dev.serialtrace.db.jooq.Tables.UNIT;

/**
 * The chain-of-custody record of units as a compliance report prints it: each unit's product
 * identifier and every custody event recorded up to a moment, with the parties' names, addresses
 * and licences (the DSCSA transaction information comes from the ownership changes among them).
 */
public final class CustodyRecordQuery {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Location FROM = LOCATION.as("from_loc");
    private static final Location TO = LOCATION.as("to_loc");
    private static final Party SOURCE = PARTY.as("source");
    private static final Party DEST = PARTY.as("dest");
    private static final Party MAKER = PARTY.as("maker");
    private static final Party HOLDER = PARTY.as("holder");

    private final DSLContext dsl;

    public CustodyRecordQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Who each unit is; in the order asked, unknown ids left out. */
    public List<UnitHead> heads(Collection<Long> unitIds) {
        Map<Long, UnitHead> byId = new LinkedHashMap<>();
        for (Record r : dsl.select(UNIT.ID, UNIT.INTERNAL_ID, UNIT.SERIAL, DSL.coalesce(UNIT.GTIN, PRODUCT.GTIN),
                        PRODUCT.NDC, LOT.LOT_CODE, DSL.coalesce(UNIT.EXPIRY, LOT.EXPIRY), PRODUCT.SKU, PRODUCT.NAME,
                        MAKER.NAME, PRODUCT.REGULATORY_TAGS, UNIT.STATUS, LOCATION.PATH, HOLDER.NAME,
                        UNIT.FIRST_EVENT_AT, UNIT.LAST_EVENT_AT, UNIT.HISTORY_KNOWN_FROM)
                .from(UNIT)
                .join(PRODUCT).on(PRODUCT.ID.eq(UNIT.PRODUCT_ID))
                .join(MAKER).on(MAKER.ID.eq(UNIT.MANUFACTURER_ID))
                .leftJoin(LOT).on(LOT.ID.eq(UNIT.LOT_ID))
                .leftJoin(LOCATION).on(LOCATION.ID.eq(UNIT.LOCATION_ID))
                .leftJoin(HOLDER).on(HOLDER.ID.eq(UNIT.HOLDER_PARTY_ID))
                .where(UNIT.ID.in(unitIds))
                .fetch()) {
            String[] tags = r.get(PRODUCT.REGULATORY_TAGS);
            byId.put(r.get(UNIT.ID), new UnitHead(r.get(UNIT.ID), r.get(UNIT.INTERNAL_ID), r.get(UNIT.SERIAL),
                    r.get(3, String.class), r.get(PRODUCT.NDC), r.get(LOT.LOT_CODE), r.get(6, LocalDate.class),
                    r.get(PRODUCT.SKU), r.get(PRODUCT.NAME), r.get(MAKER.NAME), tags == null ? List.of() : List.of(tags),
                    r.get(UNIT.STATUS) == null ? null : r.get(UNIT.STATUS).getLiteral(), r.get(LOCATION.PATH),
                    r.get(HOLDER.NAME), r.get(UNIT.FIRST_EVENT_AT), r.get(UNIT.LAST_EVENT_AT), r.get(UNIT.HISTORY_KNOWN_FROM)));
        }
        List<UnitHead> ordered = new ArrayList<>();
        for (Long id : unitIds) {
            UnitHead h = byId.remove(id);
            if (h != null) {
                ordered.add(h);
            }
        }
        return ordered;
    }

    /**
     * Each unit's events recorded at or before {@code recordedUntil}, oldest first (occurred time, then
     * id), keyed by unit id (an empty list for a unit without any). One query for all of them, bounded by
     * their first and last event times so only those months' partitions are read: a query per unit cost
     * a round trip and a plan each (about 1 s for 1,430 units at 10M units). The events are held in
     * memory: ask for a few hundred units at a time.
     */
    public Map<Long, List<CustodyRecord>> events(List<UnitHead> units, OffsetDateTime recordedUntil) {
        Map<Long, List<CustodyRecord>> byUnit = new HashMap<>();
        List<Long> ids = new ArrayList<>();
        OffsetDateTime first = null;
        OffsetDateTime last = null;
        for (UnitHead u : units) {
            byUnit.put(u.unitId(), new ArrayList<>());
            if (u.firstEventAt() != null) {
                ids.add(u.unitId());
                first = first == null || u.firstEventAt().isBefore(first) ? u.firstEventAt() : first;
                last = last == null || u.lastEventAt().isAfter(last) ? u.lastEventAt() : last;
            }
        }
        if (ids.isEmpty()) {
            return byUnit;
        }
        var e = CUSTODY_EVENT;
        try (Cursor<Record> cursor = selectEvents()
                .where(e.UNIT_ID.in(ids))
                .and(e.OCCURRED_AT.between(first, last))   // prunes the months none of them has events in
                .and(e.RECORDED_AT.le(recordedUntil))
                .orderBy(e.UNIT_ID, e.OCCURRED_AT, e.ID)
                .fetchSize(2000)
                .fetchLazy()) {
            for (Record r : cursor) {
                byUnit.get(r.get(e.UNIT_ID)).add(record(r));
            }
        }
        return byUnit;
    }

    private SelectJoinStep<Record> selectEvents() {
        var e = CUSTODY_EVENT;
        return dsl.select(e.ID, e.UNIT_ID, e.OCCURRED_AT, e.OCCURRED_ZONE, e.RECORDED_AT, e.BIZ_STEP,
                        e.DISPOSITION, FROM.PATH, TO.PATH, SOURCE.NAME, SOURCE.ADDRESS, SOURCE.LICENCE_NUMBER, SOURCE.GLN,
                        DEST.NAME, DEST.ADDRESS, DEST.LICENCE_NUMBER, DEST.GLN, e.BIZ_TRANSACTIONS, e.CAPTURE_METHOD,
                        e.MANUAL_REASON, e.DEVICE, e.ACTOR, e.CORRECTS_EVENT_ID, e.IS_ILLEGAL_TRANSITION,
                        e.IS_OUT_OF_ORDER, e.FLAG_REASON)
                .from(e)
                .leftJoin(FROM).on(FROM.ID.eq(e.FROM_LOCATION_ID))
                .leftJoin(TO).on(TO.ID.eq(e.TO_LOCATION_ID))
                .leftJoin(SOURCE).on(SOURCE.ID.eq(e.SOURCE_PARTY_ID))
                .leftJoin(DEST).on(DEST.ID.eq(e.DESTINATION_PARTY_ID));
    }

    private static CustodyRecord record(Record r) {
        var e = CUSTODY_EVENT;
        return new CustodyRecord(r.get(e.UNIT_ID), r.get(e.ID), r.get(e.OCCURRED_AT), r.get(e.OCCURRED_ZONE),
                r.get(e.RECORDED_AT), r.get(e.BIZ_STEP).getLiteral(), r.get(e.DISPOSITION).getLiteral(),
                r.get(FROM.PATH), r.get(TO.PATH),
                party(r.get(SOURCE.NAME), r.get(SOURCE.ADDRESS), r.get(SOURCE.LICENCE_NUMBER), r.get(SOURCE.GLN)),
                party(r.get(DEST.NAME), r.get(DEST.ADDRESS), r.get(DEST.LICENCE_NUMBER), r.get(DEST.GLN)),
                documents(r.get(e.BIZ_TRANSACTIONS)), r.get(e.CAPTURE_METHOD).getLiteral(), r.get(e.MANUAL_REASON),
                r.get(e.DEVICE), r.get(e.ACTOR), r.get(e.CORRECTS_EVENT_ID), r.get(e.IS_ILLEGAL_TRANSITION),
                r.get(e.IS_OUT_OF_ORDER), r.get(e.FLAG_REASON));
    }

    private static PartyRef party(String name, String address, String licence, String gln) {
        return name == null ? null : new PartyRef(name, address, licence, gln == null ? null : gln.trim());
    }

    static String documents(JSONB transactions) {
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

    /** A unit's product identifier and where it stands now. */
    public record UnitHead(long unitId, String internalId, String serial, String gtin, String ndc, String lot,
                           LocalDate expiry, String productSku, String productName, String manufacturer,
                           List<String> regulatoryTags, String status, String location, String holder,
                           OffsetDateTime firstEventAt, OffsetDateTime lastEventAt, OffsetDateTime historyKnownFrom) {
        public boolean dscsa() {
            return regulatoryTags.contains("DSCSA");
        }
    }

    /** A trading partner as a transaction record names it. */
    public record PartyRef(String name, String address, String licence, String gln) {
    }

    /** One custody event with its places, parties and documents resolved. */
    public record CustodyRecord(long unitId, long eventId, OffsetDateTime occurredAt, String occurredZone,
                                OffsetDateTime recordedAt, String bizStep, String disposition, String fromLocation,
                                String toLocation, PartyRef source, PartyRef destination, String documents,
                                String captureMethod, String manualReason, String device, String actor,
                                Long correctsEventId, boolean illegalTransition, boolean outOfOrder, String flagReason) {
        public boolean flagged() {
            return illegalTransition || outOfOrder || correctsEventId != null;
        }

        /** An ownership change between two different partners: a DSCSA transaction. */
        public boolean transfersOwnership() {
            return source != null && destination != null && !source.name().equals(destination.name());
        }
    }
}

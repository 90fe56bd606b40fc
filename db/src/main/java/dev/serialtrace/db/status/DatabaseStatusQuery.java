package dev.serialtrace.db.status;

import dev.serialtrace.db.connect.Database;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.serialtrace.db.jooq.Tables.*;

/** Server, schema version and the size of each main table. */
public final class DatabaseStatusQuery {

    /** The main tables, in the order people read them. */
    private static final List<Table<?>> MAIN_TABLES = List.of(
            PRODUCT, PARTY, SITE, LOCATION, LOT, STOCK, UNIT, SALES_ORDER, SHIPMENT, RETURN_AUTHORISATION,
            WARRANTY_CLAIM, SENSOR_READING, SPOT_AUDIT, AUDIT_SCAN, CAPTURE_EXCEPTION, SYNC_LOG);

    private final Database database;

    public DatabaseStatusQuery(Database database) {
        this.database = database;
    }

    /** Everything, with exact row counts of every main table (seconds on a large database). */
    public DatabaseStatus fetch() {
        return fetch(MAIN_TABLES);
    }

    /** What a connection summary shows: units, events, newest event — not every table's count. */
    public DatabaseStatus fetchSummary() {
        return fetch(List.of(UNIT));
    }

    private DatabaseStatus fetch(List<Table<?>> tables) {
        DSLContext dsl = database.dsl();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Table<?> t : tables) {
            counts.put(t.getName(), (long) dsl.fetchCount(t));
        }
        // every event is counted on its unit by the database itself, so this equals count(*)
        // over the history without scanning it
        Long events = dsl.select(DSL.coalesce(DSL.sum(UNIT.EVENT_COUNT), DSL.inline(BigDecimal.ZERO)))
                .from(UNIT).fetchOne(0, Long.class);
        counts.put(CUSTODY_EVENT.getName(), events);
        return new DatabaseStatus(
                database.settings().url(),
                dsl.select(DSL.currentUser()).fetchOne(0, String.class),
                database.isEmbedded(),
                dsl.select(DSL.function("current_setting", String.class, DSL.inline("server_version"))).fetchOne(0, String.class),
                database.migrations().currentVersion().orElse("none"),
                counts,
                dsl.select(DSL.max(UNIT.LAST_EVENT_AT)).from(UNIT).fetchOne(0, OffsetDateTime.class),
                dsl.select(DSL.function("pg_database_size", Long.class, DSL.function("current_database", String.class)))
                        .fetchOne(0, Long.class));
    }
}

package dev.serialtrace.db.audit;

import dev.serialtrace.core.lifecycle.BizStep;
import dev.serialtrace.core.lifecycle.Disposition;
import dev.serialtrace.db.custody.CustodyCommands;
import dev.serialtrace.db.custody.NewCustodyEvent;
import dev.serialtrace.db.jooq.enums.LocationKind;
import dev.serialtrace.db.unit.UnitFixture;
import org.jooq.DSLContext;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static dev.serialtrace.db.jooq.Tables.LOCATION;
import static dev.serialtrace.db.jooq.Tables.SITE;
import static dev.serialtrace.db.jooq.Tables.STOCK;

/**
 * A hand-built warehouse for audit tests (also the desktop's): shelves NL/A/S1 and NL/A/S2 under
 * zone NL/A, a shelf NL/B/S9 elsewhere; four TVs and a unit that will move on S1, a pump and a kit
 * with one child on S2, a stray TV on S9, a shipped TV, and untracked stock of 3 pumps on S1.
 */
public final class AuditFixture {
    public static final OffsetDateTime T0 = OffsetDateTime.of(2026, 3, 2, 9, 0, 0, 0, ZoneOffset.UTC);
    public final UnitFixture data;
    public final DSLContext dsl;
    public final CustodyCommands commands;
    public final long site;
    public final long zoneA;
    public final long s1;
    public final long s2;
    public final long s9;
    public final long dock;
    public final long tv1, tv2, tv3, tv4, mover, pump5, kit, kitChild, stray, shipped;
    public final long stock;

    public AuditFixture(DSLContext dsl) {
        this.dsl = dsl;
        data = new UnitFixture(dsl);
        commands = new CustodyCommands(dsl);
        site = dsl.insertInto(SITE, SITE.CODE, SITE.NAME, SITE.PARTY_ID, SITE.TIME_ZONE)
                .values("NL", "Venlo", data.acme, "Europe/Amsterdam").returning(SITE.ID).fetchOne().getId();
        long nl = location(null, "NL", LocationKind.site);
        zoneA = location(nl, "NL/A", LocationKind.zone);
        s1 = location(zoneA, "NL/A/S1", LocationKind.shelf);
        s2 = location(zoneA, "NL/A/S2", LocationKind.shelf);
        long zoneB = location(nl, "NL/B", LocationKind.zone);
        s9 = location(zoneB, "NL/B/S9", LocationKind.shelf);
        dock = location(nl, "NL/DOCK", LocationKind.dock);
        tv1 = stored(data.unit(data.tv, "TVA-1001", null), s1);
        tv2 = stored(data.unit(data.tv, "TVA-1002", null), s1);
        tv3 = stored(data.unit(data.tv, "TVA-1003", null), s1);
        tv4 = stored(data.unit(data.tv, "TVA-1004", null), s1);
        mover = stored(data.unit(data.tv, "TVA-1005", null), s1);
        pump5 = stored(data.unit(data.pump, "PMP-5005", null), s2);
        kit = stored(data.unit(data.tv, "KIT-0001", null), s2);
        kitChild = stored(data.unit(data.pump, "PMP-5006", null), s2);
        record(kitChild, T0.plusHours(2), BizStep.packing, Disposition.sellable_accessible, s2, s2, kit);
        stray = stored(data.unit(data.tv, "TVA-9009", null), s9);
        shipped = stored(data.unit(data.tv, "TVA-7007", null), s2);
        record(shipped, T0.plusHours(3), BizStep.picking, Disposition.in_progress, s2, dock, null);
        record(shipped, T0.plusHours(4), BizStep.shipping, Disposition.in_transit, dock, null, null);
        stock = dsl.insertInto(STOCK, STOCK.PRODUCT_ID, STOCK.LOCATION_ID, STOCK.QUANTITY)
                .values(data.pump, s1, 3).returning(STOCK.ID).fetchOne().getId();
    }

    private long location(Long parent, String path, LocationKind kind) {
        return dsl.insertInto(LOCATION, LOCATION.SITE_ID, LOCATION.PARENT_ID, LOCATION.KIND, LOCATION.CODE, LOCATION.PATH)
                .values(site, parent, kind, path.substring(path.lastIndexOf('/') + 1), path)
                .returning(LOCATION.ID).fetchOne().getId();
    }

    /** One more television, received and put on {@code shelf}. */
    public long shelved(String serial, long shelf) {
        return stored(data.unit(data.tv, serial, null), shelf);
    }

    private long stored(long unit, long shelf) {
        record(unit, T0, BizStep.receiving, Disposition.in_progress, null, dock, null);
        record(unit, T0.plusHours(1), BizStep.storing, Disposition.sellable_accessible, dock, shelf, null);
        return unit;
    }

    public void record(long unit, OffsetDateTime at, BizStep step, Disposition d, Long from, Long to, Long parent) {
        commands.record(new NewCustodyEvent(unit, at, "Europe/Amsterdam", step, d, from, to, null, null, parent, List.of(),
                new NewCustodyEvent.Capture(NewCustodyEvent.Capture.Method.scan, null, null, null), null));
    }
}

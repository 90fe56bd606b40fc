package dev.serialtrace.reports.definitions;

import dev.serialtrace.core.coldchain.Exposure;
import dev.serialtrace.db.custody.CustodyRecordQuery;
import dev.serialtrace.db.custody.CustodyRecordQuery.UnitHead;
import dev.serialtrace.db.unit.TemperatureHistory;
import dev.serialtrace.db.unit.TemperatureQuery;
import dev.serialtrace.reports.ReportArguments;
import dev.serialtrace.reports.ReportContext;
import dev.serialtrace.reports.ReportDefinition;
import dev.serialtrace.reports.ReportInputException;
import dev.serialtrace.reports.ReportParameter;
import dev.serialtrace.reports.ReportRow.Section;
import dev.serialtrace.reports.RowSink;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static dev.serialtrace.db.jooq.Tables.LOT;
import static dev.serialtrace.db.jooq.Tables.UNIT;
import static dev.serialtrace.reports.definitions.Texts.NONE;
import static dev.serialtrace.reports.definitions.Texts.at;
import static dev.serialtrace.reports.definitions.Texts.join;

/**
 * Report 6: temperature exposure per unit or per lot — the allowed band, the places the unit
 * stayed, every reading there (out-of-band ones in red), each excursion and the minutes out of
 * range. Stays still open end at the as-of moment, so the same as-of gives the same minutes.
 */
public final class TemperatureExposureReport implements ReportDefinition {
    public static final String NAME = "temperature";
    static final int MAX_LOT_UNITS = 2_000;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "Temperature exposure";
    }

    @Override
    public String description() {
        return "Readings, allowed band, excursions and minutes out of range per unit or lot";
    }

    @Override
    public List<ReportParameter> parameters() {
        return List.of(
                ReportParameter.optional("units", "Units", ReportParameter.Type.UNITS, "internal ids, serials or scans"),
                ReportParameter.optional("lot", "Lot", ReportParameter.Type.LOT, "a lot code (every unit of the lot)"));
    }

    @Override
    public void validate(ReportArguments a) {
        ReportDefinition.super.validate(a);
        if (a.has("units") == a.has("lot")) {
            throw new ReportInputException("give either units (--units) or a lot (--lot), not both or neither");
        }
    }

    @Override
    public void produce(ReportContext ctx, ReportArguments args, RowSink sink) {
        List<Long> ids;
        if (args.has("lot")) {
            ids = ctx.dsl().select(UNIT.ID).from(UNIT).join(LOT).on(LOT.ID.eq(UNIT.LOT_ID))
                    .where(LOT.LOT_CODE.eq(args.text("lot"))).orderBy(UNIT.SERIAL_NORM).limit(MAX_LOT_UNITS + 1).fetch(UNIT.ID);
            if (ids.isEmpty()) {
                throw new ReportInputException("no unit in lot '" + args.text("lot") + "'");
            }
            if (ids.size() > MAX_LOT_UNITS) {
                throw new ReportInputException("lot '" + args.text("lot") + "' has more than " + MAX_LOT_UNITS
                        + " units; report a list of units instead");
            }
        } else {
            ids = UnitResolver.resolve(ctx.dsl(), args.list("units"));
        }
        List<UnitHead> heads = new CustodyRecordQuery(ctx.dsl()).heads(ids);
        TemperatureQuery query = new TemperatureQuery(ctx.dsl(), Clock.fixed(ctx.asOf().toInstant(), ctx.zone()));
        long unitsOut = 0;
        long totalMinutes = 0;
        for (int i = 0; i < heads.size(); i++) {
            UnitHead u = heads.get(i);
            TemperatureHistory h = query.fetch(u.unitId());
            Section head = Section.of("u" + i, "Unit " + u.internalId() + "  " + u.productName());
            sink.add(head.kv("Product identifier", join("    ", u.gtin() == null ? null : "GTIN " + u.gtin(),
                    "Serial " + u.serial(), u.lot() == null ? null : "Lot " + u.lot(), u.expiry() == null ? null : "Expiry " + u.expiry())));
            sink.add(head.kv("Allowed band", band(h.min(), h.max())));
            Exposure.Result x = h.exposure();
            sink.add(head.kv("Minutes out of range", String.valueOf(x.minutesOutOfRange())));
            sink.add(head.kv("Worst reading", x.worst() == null ? NONE : x.worst().toPlainString() + " °C"));
            if (x.minutesOutOfRange() > 0) {
                unitsOut++;
                totalMinutes += x.minutesOutOfRange();
            }
            Section exc = Section.ofB("u" + i + "-x", "Excursions  " + u.internalId(),
                    "From", "To", "Worst °C", "Minutes", "");
            if (x.excursions().isEmpty()) {
                sink.add(exc.text(h.hasBand() ? "No excursion." : "The product has no storage band; nothing to judge."));
            }
            for (Exposure.Excursion e : x.excursions()) {
                sink.add(exc.rowB(at(e.from(), ctx.zone()), at(e.to(), ctx.zone()), e.worst().toPlainString(),
                        String.valueOf(e.minutes()), ""));
            }
            Section stays = Section.ofB("u" + i + "-s", "Places stayed  " + u.internalId(), "Place and arrival", "Left (or as-of)", "Hours", "", "");
            for (TemperatureHistory.Stay s : h.stays()) {
                sink.add(stays.rowB(s.location() + "  from " + at(s.from(), ctx.zone()), at(s.to(), ctx.zone()),
                        String.valueOf(Duration.between(s.from(), s.to()).toHours()), "", ""));
            }
            Section readings = Section.of("u" + i + "-r", "Readings  " + u.internalId() + "  (" + h.readings().size() + ")",
                    "Read at", "Location", "°C", "In band", "");
            if (h.readings().isEmpty()) {
                sink.add(readings.text("No sensor readings where this unit stayed."));
            }
            for (TemperatureHistory.Reading r : h.readings()) {
                sink.add(readings.flaggedRow(r.outOfBand(), at(r.at(), ctx.zone()), r.location(), r.celsius().toPlainString(),
                        r.outOfBand() ? "OUT OF BAND" : "yes", ""));
            }
        }
        Section sum = Section.of("summary", "Summary");
        sink.add(sum.kv("Units", String.valueOf(heads.size())));
        sink.add(sum.kv("Units with excursions", String.valueOf(unitsOut)));
        sink.add(sum.kv("Minutes out of range (all units)", String.valueOf(totalMinutes)));
    }

    private static String band(BigDecimal min, BigDecimal max) {
        if (min == null && max == null) {
            return "none (not a cold-chain product)";
        }
        return (min == null ? "−∞" : min.toPlainString()) + " °C to " + (max == null ? "+∞" : max.toPlainString()) + " °C";
    }
}

package dev.serialtrace.reports.definitions;

import dev.serialtrace.core.identify.ParserOptions;
import dev.serialtrace.db.unit.LookupResult;
import dev.serialtrace.db.unit.UnitLookup;
import dev.serialtrace.db.unit.UnitSummary;
import dev.serialtrace.reports.ReportInputException;
import org.jooq.DSLContext;

import java.time.Clock;

import static dev.serialtrace.db.jooq.Tables.UNIT;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Turns the identifiers someone pasted (internal ids, serials, GS1 scans — any form the lookup
 * knows) into unit ids, in the order given; fails with every identifier that names no unit, or
 * more than one, so the person can fix the list at once.
 */
final class UnitResolver {
    static final int MAX_UNITS = 10_000;

    private UnitResolver() {
    }

    static List<Long> resolve(DSLContext dsl, List<String> identifiers) {
        if (identifiers.isEmpty()) {
            throw new ReportInputException("no unit given: paste internal ids, serials or scans, one per line");
        }
        if (identifiers.size() > MAX_UNITS) {
            throw new ReportInputException(identifiers.size() + " units given; at most " + MAX_UNITS + " per report");
        }
        // internal ids (what the app and exports use) in one query; anything else through the lookup
        Map<String, Long> byInternalId = new HashMap<>();
        dsl.select(UNIT.INTERNAL_ID, UNIT.ID).from(UNIT).where(UNIT.INTERNAL_ID.in(identifiers))
                .forEach(r -> byInternalId.put(r.value1(), r.value2()));
        UnitLookup lookup = new UnitLookup(dsl, ParserOptions.defaults(Clock.systemUTC()));
        LinkedHashSet<Long> ids = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (String raw : identifiers) {
            Long known = byInternalId.get(raw);
            if (known != null) {
                ids.add(known);
                continue;
            }
            LookupResult r = lookup.lookup(raw);
            if (r instanceof LookupResult.Found found) {
                if (found.units().size() == 1) {
                    ids.add(found.units().get(0).unitId());
                } else {
                    problems.add("'" + raw + "' matches " + found.units().size() + " units ("
                            + String.join(", ", found.units().stream().map(UnitSummary::internalId).toList())
                            + "): give the internal id or GTIN + serial");
                }
            } else if (r instanceof LookupResult.BadInput bad) {
                problems.add("'" + raw + "' is not an identifier: " + bad.message());
            } else {
                problems.add("'" + raw + "' names no unit");
            }
            if (problems.size() >= 20) {
                break;
            }
        }
        if (!problems.isEmpty()) {
            throw new ReportInputException("some units could not be identified; nothing was generated:\n  "
                    + String.join("\n  ", problems));
        }
        return new ArrayList<>(ids);
    }
}

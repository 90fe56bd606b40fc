package dev.serialtrace.db.unit;

import dev.serialtrace.core.unit.SerialNormalizer;
import dev.serialtrace.db.unit.SearchHit.Field;
import dev.serialtrace.db.unit.SearchHit.Match;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Record3;
import org.jooq.ResultQuery;
import org.jooq.Select;
import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.serialtrace.db.jooq.Tables.*;

/**
 * Partial search over manufacturer serials, internal ids and lot codes. Each kind of match is its
 * own small indexed branch with its own limit (equality and prefix on btrees, suffix and contains
 * on pg_trgm GIN), all in one round trip; ranking happens here: exact, prefix, suffix, contains,
 * then serial before internal id before lot, then the shorter value.
 */
public final class UnitSearch {
    /** Below three characters pg_trgm has no trigram to look up: only exact and prefix are searched. */
    private static final int TRIGRAM_MIN_LENGTH = 3;

    private final DSLContext dsl;

    public UnitSearch(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<SearchHit> search(String text, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        Select<Record3<Long, String, String>> query = candidatesQuery(text, limit);
        if (query == null) {
            return List.of();
        }
        String serial = SerialNormalizer.normalize(text);
        String lot = text.strip().toUpperCase(Locale.ROOT);
        List<Candidate> candidates = new ArrayList<>();
        for (Record3<Long, String, String> r : query.fetch()) {
            Field field = Field.valueOf(r.value2());
            String needle = field == Field.LOT ? lot : serial;
            candidates.add(new Candidate(r.value1(), field, classify(r.value3(), needle), r.value3()));
        }
        candidates.sort(Comparator.comparing(Candidate::match).thenComparing(Candidate::field)
                .thenComparingInt(c -> c.value().length()).thenComparing(Candidate::value)
                .thenComparingLong(Candidate::unitId));
        Map<Long, Candidate> best = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            if (best.size() == limit) {
                break;
            }
            best.putIfAbsent(c.unitId(), c);
        }
        Map<Long, UnitSummary> units = new HashMap<>();
        summariesQuery(best.keySet()).fetch(UnitSummaries::map).forEach(u -> units.put(u.unitId(), u));
        return best.values().stream()
                .map(c -> new SearchHit(units.get(c.unitId()), c.field(), c.match(), c.value())).toList();
    }

    /** The second query of a search: the chosen units in full. */
    public ResultQuery<Record> summariesQuery(Collection<Long> unitIds) {
        return UnitSummaries.where(dsl, UNIT.ID.eq(DSL.any(unitIds.toArray(Long[]::new))));
    }

    /** The one query that collects candidates (unit id, field, matched value); null for blank text. */
    public Select<Record3<Long, String, String>> candidatesQuery(String text, int limit) {
        String serial = SerialNormalizer.normalize(text);
        String lot = text.strip().toUpperCase(Locale.ROOT);
        if (serial.isEmpty()) {
            return null;
        }
        List<Select<Record3<Long, String, String>>> branches = new ArrayList<>();
        branches.add(units(Field.SERIAL, UNIT.SERIAL_NORM, UNIT.SERIAL_NORM.eq(DSL.inline(serial)), limit));
        branches.add(units(Field.SERIAL, UNIT.SERIAL_NORM, LikePatterns.startsWith(UNIT.SERIAL_NORM, serial), limit));
        branches.add(units(Field.INTERNAL_ID, UNIT.INTERNAL_ID, LikePatterns.startsWith(UNIT.INTERNAL_ID, serial), limit));
        branches.add(lotUnits(LikePatterns.startsWith(DSL.upper(LOT.LOT_CODE), lot), limit));
        if (serial.length() >= TRIGRAM_MIN_LENGTH) {
            branches.add(units(Field.SERIAL, UNIT.SERIAL_NORM, LikePatterns.endsWith(UNIT.SERIAL_NORM, serial), limit));
            branches.add(units(Field.SERIAL, UNIT.SERIAL_NORM, LikePatterns.contains(UNIT.SERIAL_NORM, serial), limit));
            branches.add(units(Field.INTERNAL_ID, UNIT.INTERNAL_ID, LikePatterns.contains(UNIT.INTERNAL_ID, serial), limit));
        }
        if (lot.length() >= TRIGRAM_MIN_LENGTH) {
            branches.add(lotUnits(LikePatterns.contains(DSL.upper(LOT.LOT_CODE), lot), limit));
        }
        Select<Record3<Long, String, String>> union = branches.get(0);
        for (int i = 1; i < branches.size(); i++) {
            union = union.unionAll(branches.get(i));
        }
        return union;
    }

    private Select<Record3<Long, String, String>> units(Field field, org.jooq.Field<String> value, Condition condition,
                                                        int limit) {
        return dsl.select(UNIT.ID, DSL.inline(field.name()), value).from(UNIT).where(condition).limit(DSL.inline(limit));
    }

    /** Units of lots that match: a lot can hold thousands, so the lots are limited too. */
    private Select<Record3<Long, String, String>> lotUnits(Condition lotCondition, int limit) {
        var lots = dsl.select(LOT.ID).from(LOT).where(lotCondition).limit(DSL.inline(limit));
        return dsl.select(UNIT.ID, DSL.inline(Field.LOT.name()), LOT.LOT_CODE)
                .from(UNIT).join(LOT).on(LOT.ID.eq(UNIT.LOT_ID))
                .where(UNIT.LOT_ID.in(lots)).limit(DSL.inline(limit));
    }

    static Match classify(String value, String needle) {
        String v = value.toUpperCase(Locale.ROOT);
        if (v.equals(needle)) {
            return Match.EXACT;
        }
        if (v.startsWith(needle)) {
            return Match.PREFIX;
        }
        return v.endsWith(needle) ? Match.SUFFIX : Match.CONTAINS;
    }

    private record Candidate(long unitId, Field field, Match match, String value) {
    }
}

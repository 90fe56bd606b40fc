package dev.serialtrace.db.unit;

import org.jooq.DSLContext;
import org.jooq.Record2;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static dev.serialtrace.db.jooq.Tables.UNIT;

/** Real units picked by a seeded random draw of ids, so two benchmark runs ask the same questions. */
public final class UnitSampler {
    private UnitSampler() {
    }

    public static List<UnitSummary> sample(DSLContext dsl, int count, long seed) {
        Record2<Long, Long> range = dsl.select(org.jooq.impl.DSL.min(UNIT.ID), org.jooq.impl.DSL.max(UNIT.ID)).from(UNIT).fetchOne();
        if (range == null || range.value1() == null) {
            return List.of();
        }
        Random random = new Random(seed);
        Set<Long> ids = new LinkedHashSet<>();
        long span = range.value2() - range.value1() + 1;
        for (int i = 0; i < count * 2 && ids.size() < Math.min(count * 2L, span); i++) {
            ids.add(range.value1() + (long) (random.nextDouble() * span));
        }
        List<UnitSummary> units = new ArrayList<>(UnitSummaries.where(dsl, UNIT.ID.in(ids)).orderBy(UNIT.ID).fetch(UnitSummaries::map));
        Collections.shuffle(units, random);
        return units.subList(0, Math.min(count, units.size()));
    }
}

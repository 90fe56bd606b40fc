package dev.serialtrace.db.unit;

import dev.serialtrace.db.testing.TestDatabase;
import dev.serialtrace.db.unit.SearchHit.Field;
import dev.serialtrace.db.unit.SearchHit.Match;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class UnitSearchTest {
    private UnitFixture data;
    private UnitSearch search;

    @BeforeEach
    void units() {
        data = new UnitFixture(DSL.using(TestDatabase.fresh(), SQLDialect.POSTGRES));
        search = new UnitSearch(data.dsl);
        data.unit(data.tv, "XABC1Y", null);
        data.unit(data.tv, "XYABC1", null);
        data.unit(data.tv, "ABC123", null);
        data.unit(data.tv, "abc-1", null);
        data.unit(data.pump, "Q-77", data.lot(data.pump, "abc1-2026", LocalDate.of(2027, 1, 31)));
        data.unit(data.pump, "NOTHING", null);
    }

    @Test
    void exactThenPrefixThenSuffixThenContains() {
        assertThat(search.search("ABC1", 10)).extracting(h -> h.unit().serial(), SearchHit::field, SearchHit::match).containsExactly(
                tuple("abc-1", Field.SERIAL, Match.EXACT),
                tuple("ABC123", Field.SERIAL, Match.PREFIX),
                tuple("Q-77", Field.LOT, Match.PREFIX),
                tuple("XYABC1", Field.SERIAL, Match.SUFFIX),
                tuple("XABC1Y", Field.SERIAL, Match.CONTAINS));
    }

    @Test
    void theLimitKeepsTheBest() {
        assertThat(search.search("abc1", 2)).extracting(h -> h.unit().serial()).containsExactly("abc-1", "ABC123");
    }

    @Test
    void internalIdsAreFoundByPrefix() {
        String id = data.internalId(data.unit(data.tv, "ZZZ", null));
        assertThat(search.search(id.substring(0, 7).toLowerCase(), 50)).extracting(SearchHit::field).contains(Field.INTERNAL_ID);
        assertThat(search.search(id, 5)).first().satisfies(h -> {
            assertThat(h.unit().internalId()).isEqualTo(id);
            assertThat(h.match()).isEqualTo(Match.EXACT);
        });
    }

    @Test
    void likeWildcardsInTheTextAreLiteral() {
        assertThat(search.search("%", 10)).isEmpty();
        assertThat(search.search("A_C", 10)).isEmpty();
    }
}

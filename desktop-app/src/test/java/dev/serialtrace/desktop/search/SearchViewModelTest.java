package dev.serialtrace.desktop.search;

import dev.serialtrace.core.identify.ParserOptions;
import dev.serialtrace.db.testing.TestDatabase;
import dev.serialtrace.db.unit.LookupResult;
import dev.serialtrace.db.unit.SearchHit;
import dev.serialtrace.db.unit.UnitFixture;
import dev.serialtrace.db.unit.UnitLookup;
import dev.serialtrace.db.unit.UnitSearch;
import dev.serialtrace.desktop.common.CurrentThreadTaskExecutor;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The search view model on a real database, without the JavaFX toolkit. */
class SearchViewModelTest {
    private final List<Long> opened = new ArrayList<>();
    private SearchViewModel vm;
    private long tv;

    @BeforeEach
    void warehouse() {
        DSLContext dsl = DSL.using(TestDatabase.fresh(), SQLDialect.POSTGRES);
        UnitFixture data = new UnitFixture(dsl);
        tv = data.unit(data.tv, "SN1", data.lot(data.tv, "AB12", LocalDate.of(2027, 12, 31)));
        data.unit(data.tv, "SNX-0001", null);
        data.unit(data.tv, "SNX-0002", null);
        UnitLookup lookup = new UnitLookup(dsl, ParserOptions.defaults(Clock.systemUTC()));
        UnitSearch search = new UnitSearch(dsl);
        vm = new SearchViewModel(new SearchViewModel.Finder() {
            @Override
            public LookupResult lookup(String raw) {
                return lookup.lookup(raw);
            }

            @Override
            public List<SearchHit> search(String text, int limit) {
                return search.search(text, limit);
            }
        }, new CurrentThreadTaskExecutor(), opened::add);
        vm.readyProperty().set(true);
    }

    @Test
    void aGs1ScanKeepsItsSeparatorsThroughTheTextFieldAndOpensTheUnit() {
        // as the search field holds it: GS shown as ␝; without it, lot AB12 and serial SN1 would run together
        vm.queryProperty().set("]d201" + UnitFixture.TV_GTIN + "10AB12\u241d21SN1");
        vm.submit();
        assertThat(opened).containsExactly(tv);
        assertThat(vm.messageProperty().get()).contains("gtin+serial");
    }

    @Test
    void aPartialSerialListsMatchesWithoutOpeningAny() {
        vm.queryProperty().set("SNX-000");
        vm.submit();
        assertThat(vm.results()).extracting(r -> r.unit().serial()).containsExactlyInAnyOrder("SNX-0001", "SNX-0002");
        assertThat(vm.messageProperty().get()).startsWith("2 units match in part");
        assertThat(opened).isEmpty();
    }

    @Test
    void escClearsEverything() {
        vm.queryProperty().set("SN9");
        vm.submit();
        vm.clear();
        assertThat(vm.queryProperty().get()).isEmpty();
        assertThat(vm.results()).isEmpty();
        assertThat(vm.didYouMean()).isEmpty();
    }
}

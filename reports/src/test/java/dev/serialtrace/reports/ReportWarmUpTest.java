package dev.serialtrace.reports;

import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The warm-up the app runs at start: real templates, several pages each, and no data read. */
class ReportWarmUpTest {
    @Test
    void fillsEachTimedTemplateOverSeveralPagesWithoutADatabase() {
        // a DSL with no connection: any query the warm-up ran would throw
        ReportService service = new ReportService(DSL.using(SQLDialect.POSTGRES), Clock.systemUTC());
        List<String> seen = new ArrayList<>();
        service.warmUp(filled -> seen.add(filled.print().getName() + ":" + (filled.pages() > 3) + ":" + filled.rows()));

        assertThat(seen).hasSize(3);
        assertThat(seen).allSatisfy(s -> assertThat(s).endsWith(":true:4086"));
        assertThat(seen).extracting(s -> s.substring(0, s.indexOf(':'))).doesNotHaveDuplicates();
    }
}

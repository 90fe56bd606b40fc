package dev.serialtrace.desktop.unit;

import dev.serialtrace.db.kpi.KpiCode;
import dev.serialtrace.db.kpi.KpiFilter;
import dev.serialtrace.db.kpi.KpiFixture;
import dev.serialtrace.db.kpi.KpiQuery;
import dev.serialtrace.db.kpi.KpiValue;
import dev.serialtrace.db.testing.TestDatabase;
import dev.serialtrace.db.unit.CustomerQueries;
import dev.serialtrace.db.unit.UnitDossierQuery;
import dev.serialtrace.db.unit.UnitIdentity;
import dev.serialtrace.desktop.common.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import static dev.serialtrace.db.jooq.Tables.CUSTOMER_QUERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A customer query answered from the dossier becomes a case of the customer-query resolution KPI. */
class CustomerQueryViewModelTest {

    @Test
    void aQueryAnsweredFromTheDossierIsRecordedAndCountedByTheKpi() {
        KpiFixture fx = new KpiFixture(TestDatabase.fresh());
        Clock clock = Clock.systemUTC();
        UnitIdentity l1 = new UnitDossierQuery(fx.dsl, clock).fetch(fx.l1).orElseThrow().identity();
        CustomerQueryViewModel vm = new CustomerQueryViewModel(() -> new CustomerQueries(fx.dsl),
                new CurrentThreadTaskExecutor(), clock, ZoneOffset.UTC);
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES);
        long back = Math.min(20, now.toLocalTime().toSecondOfDay() / 60);   // stays today just after midnight
        vm.start(l1, now.minusMinutes(back));
        assertThat(vm.customers()).extracting(CustomerQueries.Customer::name)
                .containsExactly("Retail Europe BV", "Web Shop US Inc.");
        assertThat(vm.answerProperty().get()).startsWith("Serial LT0001 (Laptop 14) is ");

        vm.receivedAtProperty().set("25:99");
        vm.save();
        assertThat(vm.errorProperty().get()).contains("HH:mm");
        vm.receivedAtProperty().set(now.plusHours(1).toLocalTime().isAfter(now.toLocalTime())
                ? now.plusHours(1).toLocalTime().toString() : "23:59");
        vm.save();
        assertThat(vm.errorProperty().get()).contains("later than now");
        assertThat(fx.dsl.fetchCount(CUSTOMER_QUERY)).isEqualTo(2);   // the fixture's two; nothing written

        vm.receivedAtProperty().set(now.minusMinutes(back).toLocalTime().toString());
        vm.customerProperty().set(vm.customers().get(0));
        vm.save();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.savedProperty().get()).startsWith("Recorded: answered " + back + " min");
        var row = fx.dsl.selectFrom(CUSTOMER_QUERY).where(CUSTOMER_QUERY.ANSWER.startsWith("Serial LT0001")).fetchOne();
        assertThat(row.getUnitId()).isEqualTo(fx.l1);
        assertThat(row.getChannel()).isEqualTo("phone");
        assertThat(row.getCustomerId()).isNotNull();

        LocalDate today = LocalDate.now(clock);
        KpiValue v = new KpiQuery(fx.dsl).compute(KpiFilter.of(today, today)).stream()
                .filter(k -> k.kpi() == KpiCode.QUERY_RESOLUTION).findFirst().orElseThrow();
        assertThat(v.denominator()).isEqualTo(1);
        assertThat(v.value()).isCloseTo(back, within(1.0));
    }
}

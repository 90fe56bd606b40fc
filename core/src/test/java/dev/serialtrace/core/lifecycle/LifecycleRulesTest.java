package dev.serialtrace.core.lifecycle;

import org.junit.jupiter.api.Test;

import static dev.serialtrace.core.lifecycle.BizStep.*;
import static org.assertj.core.api.Assertions.assertThat;

class LifecycleRulesTest {

    @Test
    void aShippedUnitCannotBePickedAgainWithoutAReturn() {
        assertThat(LifecycleRules.violation(shipping, Disposition.in_transit, picking))
                .hasValueSatisfying(reason -> assertThat(reason).contains("picking").contains("shipped"));
        assertThat(LifecycleRules.violation(shipping, Disposition.in_transit, receiving)).isEmpty();
        assertThat(LifecycleRules.violation(receiving, Disposition.returned, picking)).isEmpty();
    }

    @Test
    void aNewUnitStartsByCommissioningOrReceiving() {
        assertThat(LifecycleRules.violation(null, null, receiving)).isEmpty();
        assertThat(LifecycleRules.violation(null, null, shipping)).isPresent();
    }

    @Test
    void aDestroyedUnitTakesNoFurtherSteps() {
        assertThat(LifecycleRules.violation(destroying, Disposition.destroyed, storing)).isPresent();
        assertThat(LifecycleRules.violation(destroying, Disposition.destroyed, cycle_counting)).isEmpty();
    }

    @Test
    void stockCannotShipWithoutBeingPicked() {
        assertThat(LifecycleRules.violation(storing, Disposition.sellable_accessible, shipping)).isPresent();
        assertThat(LifecycleRules.violation(packing, Disposition.in_progress, shipping)).isEmpty();
    }
}

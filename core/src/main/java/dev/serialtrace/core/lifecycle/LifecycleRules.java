package dev.serialtrace.core.lifecycle;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which business step may follow a unit's current state. An illegal step is still recorded
 * (real warehouses produce them) but flagged with the reason this class gives.
 */
public final class LifecycleRules {

    /** Where a unit stands, as far as the next step is concerned. */
    public enum Phase { NEW, IN_STOCK, OUTBOUND, SHIPPED, AT_CUSTOMER, GONE }

    private static final Set<BizStep> ANY_TIME = EnumSet.of(BizStep.sensor_reporting, BizStep.inspecting,
            BizStep.holding, BizStep.cycle_counting);

    private LifecycleRules() {
    }

    public static Phase phaseOf(BizStep lastStep, Disposition lastDisposition) {
        if (lastStep == null) {
            return Phase.NEW;
        }
        switch (lastDisposition) {
            case destroyed: case stolen: case dispensed:
                return Phase.GONE;
            case retail_sold:
                return Phase.AT_CUSTOMER;
            case in_transit:
                return lastStep == BizStep.shipping ? Phase.SHIPPED : Phase.IN_STOCK;
            default:
                break;
        }
        switch (lastStep) {
            case picking: case packing:
                return Phase.OUTBOUND;
            case retail_selling: case installing:
                return Phase.AT_CUSTOMER;
            case destroying: case decommissioning:
                return Phase.GONE;
            default:
                return Phase.IN_STOCK;
        }
    }

    /** Empty when {@code next} may follow; otherwise why it may not. */
    public static Optional<String> violation(BizStep lastStep, Disposition lastDisposition, BizStep next) {
        Phase phase = phaseOf(lastStep, lastDisposition);
        if (ANY_TIME.contains(next) && phase != Phase.NEW) {
            return Optional.empty();
        }
        boolean legal;
        switch (phase) {
            case NEW:
                legal = next == BizStep.commissioning || next == BizStep.receiving;
                break;
            case IN_STOCK:
                legal = next != BizStep.commissioning && next != BizStep.receiving
                        && next != BizStep.shipping && next != BizStep.void_shipping;
                break;
            case OUTBOUND:
                legal = next != BizStep.commissioning && next != BizStep.receiving && next != BizStep.void_shipping;
                break;
            case SHIPPED:
                legal = next == BizStep.receiving || next == BizStep.void_shipping || next == BizStep.accepting
                        || next == BizStep.retail_selling || next == BizStep.installing;
                break;
            case AT_CUSTOMER:
                legal = next == BizStep.receiving || next == BizStep.repairing || next == BizStep.installing
                        || next == BizStep.decommissioning;
                break;
            default: // GONE
                legal = false;
        }
        return legal ? Optional.empty()
                : Optional.of(next + " is not allowed after " + lastStep + "/" + lastDisposition
                        + " (" + phase.name().toLowerCase().replace('_', ' ') + ")");
    }
}

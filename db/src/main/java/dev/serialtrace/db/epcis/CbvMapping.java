package dev.serialtrace.db.epcis;

import dev.serialtrace.core.epcis.Cbv;
import dev.serialtrace.core.lifecycle.BizStep;
import dev.serialtrace.core.lifecycle.Disposition;

import java.util.Map;
import java.util.Optional;

/**
 * CBV 2.0 steps and dispositions that Serialtrace's history has no value of its own for, recorded
 * as the nearest one it has (the event as received is kept whole in {@code epcis_event.payload}).
 */
final class CbvMapping {
    private static final Map<String, BizStep> STEPS = Map.ofEntries(
            Map.entry("arriving", BizStep.receiving), Map.entry("assembling", BizStep.packing),
            Map.entry("collecting", BizStep.receiving), Map.entry("consigning", BizStep.shipping),
            Map.entry("creating_class_instance", BizStep.commissioning), Map.entry("departing", BizStep.shipping),
            Map.entry("disassembling", BizStep.unpacking), Map.entry("dispensing", BizStep.retail_selling),
            Map.entry("encoding", BizStep.commissioning), Map.entry("entering_exiting", BizStep.inspecting),
            Map.entry("killing", BizStep.decommissioning), Map.entry("loading", BizStep.shipping),
            Map.entry("other", BizStep.inspecting), Map.entry("removing", BizStep.decommissioning),
            Map.entry("repackaging", BizStep.packing), Map.entry("replacing", BizStep.repairing),
            Map.entry("reserving", BizStep.holding), Map.entry("sampling", BizStep.inspecting),
            Map.entry("staging_outbound", BizStep.picking), Map.entry("stock_taking", BizStep.cycle_counting),
            Map.entry("transporting", BizStep.shipping), Map.entry("unloading", BizStep.receiving),
            Map.entry("void_shipping", BizStep.void_shipping));
    private static final Map<String, Disposition> DISPOSITIONS = Map.ofEntries(
            Map.entry("available", Disposition.sellable_accessible), Map.entry("completeness_verified", Disposition.active),
            Map.entry("completeness_inferred", Disposition.active), Map.entry("conformant", Disposition.active),
            Map.entry("container_closed", Disposition.active), Map.entry("container_open", Disposition.active),
            Map.entry("disposed", Disposition.destroyed), Map.entry("encoded", Disposition.active),
            Map.entry("inactive", Disposition.non_sellable_other), Map.entry("mismatch_instance", Disposition.unknown),
            Map.entry("mismatch_class", Disposition.unknown), Map.entry("mismatch_quantity", Disposition.unknown),
            Map.entry("needs_replacement", Disposition.damaged), Map.entry("no_pedigree_match", Disposition.non_sellable_other),
            Map.entry("non_conformant", Disposition.non_sellable_other), Map.entry("partially_dispensed", Disposition.dispensed),
            Map.entry("reserved", Disposition.sellable_not_accessible), Map.entry("unavailable", Disposition.sellable_not_accessible),
            Map.entry("returned", Disposition.returned));

    private CbvMapping() {
    }

    static Optional<?> term(Cbv.Vocabulary vocabulary, String value) {
        return vocabulary == Cbv.Vocabulary.BIZ_STEP ? step(value) : disposition(value);
    }

    static Optional<BizStep> step(String value) {
        return Cbv.bizStep(value).or(() -> Cbv.Vocabulary.BIZ_STEP.term(value).map(t -> STEPS.get(t.toLowerCase())));
    }

    static Optional<Disposition> disposition(String value) {
        return Cbv.disposition(value).or(() -> Cbv.Vocabulary.DISPOSITION.term(value).map(t -> DISPOSITIONS.get(t.toLowerCase())));
    }
}

package dev.serialtrace.core.lifecycle;

/** GS1 CBV business steps Serialtrace records (names match the database enum). */
public enum BizStep {
    commissioning, receiving, accepting, inspecting, storing, stocking, picking, packing, unpacking,
    shipping, void_shipping, holding, repairing, decommissioning, destroying, cycle_counting,
    retail_selling, installing, sensor_reporting
}

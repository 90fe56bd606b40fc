package dev.serialtrace.core.lifecycle;

/** GS1 CBV dispositions (names match the database enum). */
public enum Disposition {
    in_progress, active, sellable_accessible, sellable_not_accessible, non_sellable_other, in_transit,
    returned, recalled, damaged, destroyed, expired, stolen, dispensed, retail_sold, unknown
}

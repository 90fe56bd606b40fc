package dev.serialtrace.core.identify.hibc;

import java.time.LocalDate;

/**
 * What a HIBC Supplier Labeling symbol carried. Any field may be null: a primary-only symbol has no
 * lot, a secondary-only symbol has no product.
 *
 * @param productCode labeler identification code + product/catalogue number + unit of measure
 */
public record HibcData(String labeler, String productCode, String lot, String serial,
                       LocalDate expiry, LocalDate productionDate, Integer quantity) {
}

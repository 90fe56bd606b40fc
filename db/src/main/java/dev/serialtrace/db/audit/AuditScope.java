package dev.serialtrace.db.audit;

import java.util.List;

/**
 * What an audit counts: the locations (a subtree, or a sample of it), optionally only one product
 * or category.
 *
 * @param rootPath    the location subtree it was planned from, e.g. {@code NL/A01}
 * @param productId   only this product, or null
 * @param category    only this product category, or null
 * @param sample      how the locations were chosen ("subtree", "random 5", "risk-weighted 5")
 * @param locationIds the locations counted
 */
public record AuditScope(String rootPath, Long productId, String category, String sample, List<Long> locationIds) {
    public AuditScope {
        locationIds = List.copyOf(locationIds);
        if (locationIds.isEmpty()) {
            throw new IllegalArgumentException("an audit needs at least one location");
        }
    }
}

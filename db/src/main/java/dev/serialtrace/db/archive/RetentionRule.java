package dev.serialtrace.db.archive;

/**
 * How long custody history is kept: {@code minimumAge} null means for the life of the business;
 * {@code appliesToTag} null means every product (the company default).
 */
public record RetentionRule(String regulation, String appliesToTag, String minimumAge, String citation) {
    public String describeAge() {
        return minimumAge == null ? "life of the business (never purged)" : "at least " + minimumAge;
    }

    public String describeScope() {
        return appliesToTag == null ? "every product" : "products tagged " + appliesToTag;
    }
}

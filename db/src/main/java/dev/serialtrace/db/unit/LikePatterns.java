package dev.serialtrace.db.unit;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * LIKE conditions with the pattern inlined, not bound: PostgreSQL can then plan a prefix as a
 * range on a text_pattern_ops index, and never falls back to a generic plan that cannot.
 */
final class LikePatterns {
    private LikePatterns() {
    }

    static Condition startsWith(Field<String> field, String text) {
        return field.like(DSL.inline(escape(text) + "%"));
    }

    static Condition endsWith(Field<String> field, String text) {
        return field.like(DSL.inline("%" + escape(text)));
    }

    static Condition contains(Field<String> field, String text) {
        return field.like(DSL.inline("%" + escape(text) + "%"));
    }

    /** Backslash is PostgreSQL's default LIKE escape. */
    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}

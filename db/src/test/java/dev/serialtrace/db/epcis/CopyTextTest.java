package dev.serialtrace.db.epcis;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rows of COPY text format: separators, nulls and escapes, in UTF-8. */
class CopyTextTest {
    @Test
    void splitsColumnsWithNullsAndEscapes() {
        byte[] row = "1\t\\N\ta\\tb\\\\c\\nd\tÜber \\\\N\t\n".getBytes(StandardCharsets.UTF_8);
        assertThat(CopyText.split(row, 5)).containsExactly("1", null, "a\tb\\c\nd", "Über \\N", "");
    }

    @Test
    void aRowOfTheWrongWidthIsAnError() {
        assertThatThrownBy(() -> CopyText.split("1\t2".getBytes(StandardCharsets.UTF_8), 3)).isInstanceOf(IllegalStateException.class);
    }
}

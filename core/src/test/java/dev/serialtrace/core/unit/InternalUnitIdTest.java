package dev.serialtrace.core.unit;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InternalUnitIdTest {

    @Property
    void everyIdReadsBackToItsNumber(@ForAll @LongRange(min = 1, max = InternalUnitId.MAX_NUMBER) long n) {
        String text = InternalUnitId.format(n);
        assertThat(text).hasSize(9).startsWith("U");
        assertThat(InternalUnitId.parse(text)).contains(new InternalUnitId(n));
    }

    @Property
    void everySingleCharacterSubstitutionIsCaught(@ForAll @LongRange(min = 1, max = InternalUnitId.MAX_NUMBER) long n) {
        String text = InternalUnitId.format(n);
        for (int pos = 1; pos < text.length(); pos++) {
            for (char c : InternalUnitId.ALPHABET.toCharArray()) {
                if (c == text.charAt(pos)) {
                    continue;
                }
                String typo = text.substring(0, pos) + c + text.substring(pos + 1);
                assertThat(InternalUnitId.parse(typo)).as(typo).isEmpty();
            }
        }
    }

    @Test
    void readsIdsAsPeopleTypeThem() {
        String text = InternalUnitId.format(1234567);
        String spoken = text.toLowerCase().replace('0', 'o').replace('1', 'l');
        String hyphenated = text.substring(0, 4) + "-" + text.substring(4);
        assertThat(InternalUnitId.parse(spoken)).contains(new InternalUnitId(1234567));
        assertThat(InternalUnitId.parse(hyphenated)).contains(new InternalUnitId(1234567));
    }

    @Test
    void rejectsWrongShapes() {
        assertThat(InternalUnitId.parse("")).isEmpty();
        assertThat(InternalUnitId.parse("X00000010")).isEmpty();
        assertThat(InternalUnitId.parse("U000000")).isEmpty();
        assertThatThrownBy(() -> new InternalUnitId(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void normalizerMatchesTheDatabaseRule() {
        assertThat(SerialNormalizer.normalize(" lt-2025 a4k7-9b2x ")).isEqualTo("LT2025A4K79B2X");
    }
}

package dev.serialtrace.core.unit;

import dev.serialtrace.core.unit.SerialVariants.Slip;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SerialVariantsTest {

    @Test
    void foldingMapsEachConfusableGroupToItsDigit() {
        assertThat(SerialVariants.fold("OILSBZ-0123")).isEqualTo("011582-0123");
    }

    @Test
    void everySingleSlipOfTheRealSerialIsAmongTheKeysOfTheCapture() {
        String real = "TV8K2025X4M9";
        for (String captured : new String[] {"TV8K2O25X4M9", "TV8K2052X4M9", "TV8K225X4M9", "TV8K20225X4M9", "TVBK2025X4M9"}) {
            assertThat(SerialVariants.candidateKeys(captured)).as(captured).contains(SerialVariants.fold(real));
        }
    }

    @Test
    void keysStayBoundedForLongInput() {
        assertThat(SerialVariants.candidateKeys("A".repeat(SerialVariants.MAX_LENGTH + 1))).isEmpty();
        assertThat(SerialVariants.candidateKeys("ABCDEFGHJK")).hasSizeLessThan(400);
    }

    @Test
    void explainsAMisreadCharacter() {
        var e = SerialVariants.explain("SN00O1", "SN0001").orElseThrow();
        assertThat(e.slip()).isEqualTo(Slip.CONFUSABLE);
        assertThat(e.reason()).isEqualTo("0 read as O at position 5");
        assertThat(e.edits()).isEqualTo(1);
    }

    @Test
    void explainsASwap() {
        var e = SerialVariants.explain("AB1243", "AB1234").orElseThrow();
        assertThat(e.slip()).isEqualTo(Slip.TRANSPOSITION);
        assertThat(e.reason()).isEqualTo("characters 5 and 6 swapped");
    }

    @Test
    void explainsAMissingCharacter() {
        var e = SerialVariants.explain("AB124", "AB1234").orElseThrow();
        assertThat(e.slip()).isEqualTo(Slip.MISSING);
        assertThat(e.reason()).isEqualTo("'3' missing at position 5");
    }

    @Test
    void explainsAnExtraCharacter() {
        var e = SerialVariants.explain("AXB1234", "AB1234").orElseThrow();
        assertThat(e.slip()).isEqualTo(Slip.EXTRA);
        assertThat(e.reason()).isEqualTo("extra 'X' at position 2");
    }

    @Test
    void explainsASlipTogetherWithAMisread() {
        var e = SerialVariants.explain("O1243", "01234").orElseThrow();
        assertThat(e.slip()).isEqualTo(Slip.TRANSPOSITION);
        assertThat(e.edits()).isEqualTo(2);
        assertThat(e.reason()).isEqualTo("characters 4 and 5 swapped; 0 read as O at position 1");
    }

    @Test
    void refusesWhatIsNotOneSlipApart() {
        assertThat(SerialVariants.explain("AB1234", "AB1234")).isEmpty();
        assertThat(SerialVariants.explain("AB1234", "AB9934")).isEmpty();
        assertThat(SerialVariants.explain("AB12", "AB1234")).isEmpty();
    }
}

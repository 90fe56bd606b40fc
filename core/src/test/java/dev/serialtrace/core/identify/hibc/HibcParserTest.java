package dev.serialtrace.core.identify.hibc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serialtrace.core.identify.format.CheckScheme;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HibcParserTest {

    private static String withCheck(String data) {
        return data + CheckScheme.HIBC_MOD43.compute(data);
    }

    @Test
    void primaryFromPublishedExample() {
        HibcData d = HibcParser.parse("+A123BJC5D6E71G", 0);
        assertThat(d.labeler()).isEqualTo("A123");
        assertThat(d.productCode()).isEqualTo("A123BJC5D6E71");
        assertThat(d.lot()).isNull();
    }

    @Test
    void wrongCheckCharacterIsReportedAtItsPosition() {
        assertThatThrownBy(() -> HibcParser.parse("+A123BJC5D6E71H", 0))
                .isInstanceOfSatisfying(HibcException.class, e -> {
                    assertThat(e.position()).isEqualTo(14);
                    assertThat(e.getMessage()).contains("'G'");
                });
    }

    @ParameterizedTest
    @CsvSource({
            // secondary data (after '+', before link+check) | lot | serial | expiry
            "$LOT123, LOT123, , ",
            "$+SER123, , SER123, ",
            "$$0527LOT1, LOT1, , 2027-05-31",
            "$$2053127LOT1, LOT1, , 2027-05-31",
            "$$3270531LOT1, LOT1, , 2027-05-31",
            "$$427053112LOT1, LOT1, , 2027-05-31",
            "$$527151LOT1, LOT1, , 2027-05-31",
            "$$+3270531SER9, , SER9, 2027-05-31",
            "$$7LOT1, LOT1, , ",
            "27151LOT1, LOT1, , 2027-05-31",
            "$$8100527LOT1, LOT1, , 2027-05-31",
    })
    void secondaryForms(String secondary, String lot, String serial, LocalDate expiry) {
        HibcData standalone = HibcParser.parse(withCheck("+" + secondary + "G"), 0);
        HibcData concatenated = HibcParser.parse(withCheck("+A123BJC5D6E71/" + secondary), 0);
        for (HibcData d : new HibcData[] {standalone, concatenated}) {
            assertThat(d.lot()).isEqualTo(lot);
            assertThat(d.serial()).isEqualTo(serial);
            assertThat(d.expiry()).isEqualTo(expiry);
        }
        assertThat(concatenated.productCode()).isEqualTo("A123BJC5D6E71");
        assertThat(standalone.productCode()).isNull();
    }

    @Test
    void supplementaryProductionDateAndSerial() {
        HibcData d = HibcParser.parse(withCheck("+A123BJC5D6E71/$LOT5/16D20240131/SABC9"), 0);
        assertThat(d.lot()).isEqualTo("LOT5");
        assertThat(d.productionDate()).isEqualTo(LocalDate.of(2024, 1, 31));
        assertThat(d.serial()).isEqualTo("ABC9");
    }

    @Test
    void impossibleDatesAndBadFlags() {
        assertThatThrownBy(() -> HibcParser.parse(withCheck("+$$3271332LOT1G"), 0))
                .isInstanceOfSatisfying(HibcException.class, e -> assertThat(e.position()).isEqualTo(4));
        assertThatThrownBy(() -> HibcParser.parse(withCheck("+$$X1G"), 0)).isInstanceOf(HibcException.class);
        assertThatThrownBy(() -> HibcParser.parse(withCheck("+1A23B1"), 0)).isInstanceOf(HibcException.class);
        assertThatThrownBy(() -> HibcParser.parse("+a123bjc5d6e71g", 0)).isInstanceOf(HibcException.class);
    }
}

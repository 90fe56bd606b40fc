package dev.serialtrace.core.identify.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each scheme against published examples. */
class CheckSchemeTest {

    @ParameterizedTest
    @CsvSource({
            "GS1_MOD10, 24012345678905",   // DOMAIN.md, engine test_ai_validateParity
            "GS1_MOD10, 12345678901231",
            "GS1_MOD10, 2112233789657",     // GTIN-13 (engine)
            "GS1_MOD10, 416000336108",      // GTIN-12 (engine)
            "GS1_MOD10, 02345680",          // GTIN-8 (engine)
            "GS1_MOD10, 123456789012345675",// SSCC (engine)
            "LUHN, 79927398713",            // ISO/IEC 7812 textbook example
            "LUHN, 4111111111111111",       // well-known test card number
            "HIBC_MOD43, +A123BJC5D6E71G",  // HIBC LIC example (scanner manuals)
            "HIBC_MOD43, +A1234BJC5D6E71K",
            "HIBC_MOD43, 07000503F",
            "ISO7064_MOD37_2, A999914123458J", // ISBT 128 donation identification number example
    })
    void acceptsPublishedExamples(CheckScheme scheme, String valid) {
        assertThat(scheme.isValid(valid)).isTrue();
        assertThat(scheme.compute(valid.substring(0, valid.length() - 1))).isEqualTo(valid.substring(valid.length() - 1));
    }

    @ParameterizedTest
    @CsvSource({
            "GS1_MOD10, 24012345678909", "GS1_MOD10, 2112233789658", "GS1_MOD10, 416000336107",
            "GS1_MOD10, 02345689", "LUHN, 79927398710", "HIBC_MOD43, +A123BJC5D6E71H",
            "ISO7064_MOD37_2, A999914123458K", "GS1_MOD10, 1", "LUHN, 12A4",
    })
    void rejectsAlteredExamples(CheckScheme scheme, String invalid) {
        assertThat(scheme.isValid(invalid)).isFalse();
    }

    @Test
    void gs1Mod10MatchesDomainDefinition() {
        // weights 3,1,3,1… from the rightmost data digit; check = (10 − sum mod 10) mod 10
        assertThat(CheckScheme.GS1_MOD10.compute("2401234567890")).isEqualTo("5");
        assertThat(CheckScheme.GS1_MOD10.compute("0950600013435")).isEqualTo("2");
    }

    @Test
    void mod37CanYieldAsterisk() {
        String data = findDataWithCheck('*');
        assertThat(CheckScheme.ISO7064_MOD37_2.isValid(data + "*")).isTrue();
    }

    @Test
    void nonePassesEverythingAndCodesMatchTheDatabaseEnum() {
        assertThat(CheckScheme.NONE.isValid("anything")).isTrue();
        assertThat(CheckScheme.values()).extracting(CheckScheme::code)
                .containsExactly("none", "gs1_mod10", "luhn", "hibc_mod43", "iso7064_mod37_2");
        assertThat(CheckScheme.fromCode("iso7064_mod37_2")).isEqualTo(CheckScheme.ISO7064_MOD37_2);
    }

    private static String findDataWithCheck(char check) {
        for (int i = 0; ; i++) {
            String data = Integer.toString(i, 36).toUpperCase();
            if (CheckScheme.ISO7064_MOD37_2.compute(data).charAt(0) == check) {
                return data;
            }
        }
    }
}

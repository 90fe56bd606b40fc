package dev.serialtrace.core.identify.gs1;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AiDictionaryTest {

    @Test
    void readsFlagsComponentsAndRules() {
        AiDefinition gtin = AiDictionary.lookup("01").orElseThrow();
        assertThat(gtin.predefinedLength()).isTrue();
        assertThat(gtin.components()).singleElement().satisfies(c -> {
            assertThat(c.charset()).isEqualTo('N');
            assertThat(c.maxLength()).isEqualTo(14);
            assertThat(c.linters()).contains("csum");
        });
        assertThat(gtin.dlQualifiers()).containsExactly(List.of("22", "10", "21"), List.of("235"));
        AiDefinition serial = AiDictionary.lookup("21").orElseThrow();
        assertThat(serial.predefinedLength()).isFalse();
        assertThat(serial.requires()).containsExactly(List.of("01", "03", "8006"));
        assertThat(serial.excludes()).containsExactly("235");
        assertThat(AiDictionary.lookup("250").orElseThrow().requires()).hasSize(2);
        AiDefinition gdti = AiDictionary.lookup("253").orElseThrow();
        assertThat(gdti.minLength()).isEqualTo(13);
        assertThat(gdti.maxLength()).isEqualTo(30);
        assertThat(AiDictionary.lookup("8030").orElseThrow().requires().get(0)).contains("01+21");
    }

    @Test
    void expandsRangesAndKeepsPrefixFreedom() {
        assertThat(AiDictionary.lookup("3103")).isPresent();
        assertThat(AiDictionary.lookup("3106")).isEmpty();
        assertThat(AiDictionary.lookup("95")).isPresent();
        assertThat(AiDictionary.prefixOf("3712345", 0)).map(AiDefinition::ai).contains("37");
        assertThat(AiDictionary.all().keySet()).noneMatch(a -> AiDictionary.all().keySet().stream()
                .anyMatch(b -> !a.equals(b) && b.startsWith(a)));
    }

    @Test
    void predefinedLengthAisAreThoseOfTheGeneralSpecifications() {
        // 00, 01–03, 11–17, 20, 31nn–36nn and 41n need no separator; everything else does (e.g. 7003, 8006)
        assertThat(AiDictionary.all().values().stream().filter(AiDefinition::predefinedLength).map(AiDefinition::ai))
                .allMatch(ai -> ai.matches("0[0-3]|1[1-7]|20|3[1-6]\\d\\d|41\\d"));
        assertThat(AiDictionary.lookup("7003").orElseThrow().predefinedLength()).isFalse();
        assertThat(AiDictionary.lookup("8006").orElseThrow().predefinedLength()).isFalse();
    }
}

package dev.serialtrace.core.identify.gs1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Vectors of the GS1 Syntax Engine's test_ai_processAIdata (ai.c); "^" is FNC1, the first one implied by the symbology. */
class ElementStringEngineVectorsTest {
    private final ElementStringParser parser = new ElementStringParser(null, EngineForm.REFERENCE);

    @ParameterizedTest
    @CsvSource({
            "^991234",
            "^0112345678901231",
            "^0112345678901231^",
            "^0112345678901231991234",
            "^0112345678901231^991234",
            "^2421", "^24212", "^242123", "^2421234", "^24212345", "^242123456",
            "^242123456^10ABC123",
            "^242123456^",
            "^81111234",
            "^81111234^10ABC123",
            "^800112341234512398",
            "^800112341234512398^0112345678901231",
            "^7007211225211231",
            "^7007211225",
            "^800302112345678900ABC",
            "^800302112345678900",
            "^800302112345678900^10ABC123",
            "^800302112345678900ABCDEFGHIJKLMNOP",
            "^7230121234567890123456789012345678",
            "^7230123",
    })
    void acceptsWhatTheEngineAccepts(String data) {
        assertThat(parser.parse(EngineForm.scanned(data), 0)).isNotEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "^",
            "^891234",
            "^99~ABC",
            "^99ABC~",
            "^01A2345678901231",
            "^011234567890123A",
            "^0112345678901234",
            "^011234567890123",
            "^01123456789012312",
            "^011234567890123^",
            "^01123456789012345^",
            "^01123456789012345^991234",
            "^2421234567",
            "^8111123",
            "^811112345",
            "^80011234123451239",
            "^8001123412345123981",
            "^80011234123451239^0112345678901231",
            "^8001123412345123981^01123456789012312",
            "^70072112252", "^700721122521", "^7007211225211", "^70072112252112", "^700721122521123",
            "^70072112252212311",
            "^800302112345678901ABC",
            "^800302112345678900ABCDEFGHIJKLMNOPQ",
            "^72301212345678901234567890123456789",
            "^723012",
    })
    void rejectsWhatTheEngineRejects(String data) {
        assertThatThrownBy(() -> parser.parse(EngineForm.scanned(data), 0)).isInstanceOf(Gs1SyntaxException.class);
    }

    @Test
    void errorPointsAtTheCheckDigit() {
        assertThatThrownBy(() -> parser.parse("0112345678901234", 0))
                .isInstanceOfSatisfying(Gs1SyntaxException.class, e -> {
                    assertThat(e.position()).isEqualTo(15);
                    assertThat(e.ai()).isEqualTo("01");
                    assertThat(e.getMessage()).contains("check digit").contains("expected 1");
                });
    }

    @Test
    void errorPointsAtTheBadCharacterAndTheUnknownAi() {
        assertThatThrownBy(() -> parser.parse("99AB~C", 0))
                .isInstanceOfSatisfying(Gs1SyntaxException.class, e -> assertThat(e.position()).isEqualTo(4));
        assertThatThrownBy(() -> parser.parse("0112345678901231891234", 0))
                .isInstanceOfSatisfying(Gs1SyntaxException.class, e -> assertThat(e.position()).isEqualTo(16));
    }

    @Test
    void variableLengthFieldsRunTogetherCannotBeSplit() {
        // (10) swallows "21SN1": too long is only caught when it exceeds 20; here it is one lot value
        assertThat(parser.parse("10LOT121SN1", 0)).singleElement().extracting(ParsedAi::value).isEqualTo("LOT121SN1");
    }

    @Test
    void substituteCharacterActsAsFnc1() {
        ElementStringParser withTilde = new ElementStringParser('~', EngineForm.REFERENCE);
        assertThat(EngineForm.of(withTilde.parse("10ABC~21XYZ~", 0))).isEqualTo("^10ABC^21XYZ");
    }
}

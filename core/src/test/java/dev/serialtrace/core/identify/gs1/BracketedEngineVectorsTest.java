package dev.serialtrace.core.identify.gs1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Vectors of the GS1 Syntax Engine's test_ai_parseAIdata and test_ai_linters (ai.c). */
class BracketedEngineVectorsTest {
    private final BracketedParser parser = new BracketedParser(EngineForm.REFERENCE);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "(01)12345678901231|^0112345678901231",
            "(10)12345|^1012345",
            "(01)12345678901231(10)12345|^01123456789012311012345",
            "(3100)123456(10)12345|^31001234561012345",
            "(10)12345(11)991225|^1012345^11991225",
            "(3900)12345(11)991225|^390012345^11991225",
            "(10)12345\\(11)991225|^1012345(11)991225",
            "(10)12345\\(|^1012345(",
    })
    void convertsLikeTheEngine(String bracketed, String expected) {
        assertThat(EngineForm.of(parser.parse(bracketed))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "(10)(11)98765", "(10)12345(11)", "(1A)12345", "1(12345", "12345", "()12345", "(1)12345",
            "(12345)12345", "(15", "(1", "(", "(01)123456789012312(10)12345", "(10)12345^", "(17)9(90)217",
    })
    void rejectsLikeTheEngine(String bracketed) {
        assertThatThrownBy(() -> parser.parse(bracketed)).isInstanceOf(Gs1SyntaxException.class);
    }

    /** Linter vectors: the engine's expected error, and where we point (index into the input). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "(00)A23456789012345675|NON_DIGIT_CHARACTER|4",
            "(10) |INVALID_CSET82_CHARACTER|4",
            "(8010)123456_|INVALID_CSET39_CHARACTER|12",
            "(00)123456789012345670|INCORRECT_CHECK_DIGIT|21",
            "(4326)201300|ILLEGAL_MONTH|8",
            "(4326)201200|ILLEGAL_DAY|10",
            "(4324)2012252400|ILLEGAL_HOUR|12",
            "(4324)2012252360|ILLEGAL_MINUTE|14",
            "(8008)201225230060|ILLEGAL_SECOND|16",
            "(8026)123456789012310099|ZERO_PIECE_NUMBER|20",
            "(8026)123456789012310100|ZERO_TOTAL_PIECES|22",
            "(8026)123456789012310302|PIECE_NUMBER_EXCEEDS_TOTAL|20",
            "(8001)12340000012311|ILLEGAL_ZERO_VALUE|10",
            "(8003)112345678901281234567890123456|NOT_ZERO|6",
            "(8011)023456789012|ILLEGAL_ZERO_PREFIX|6",
            "(4321)2|NOT_ZERO_OR_ONE|6",
            "(4330)000000X|NOT_HYPHEN|12",
            "(01)95012345678902(3103)000123|INCORRECT_CHECK_DIGIT|17",
            "(01)95012345678903(11)131313|ILLEGAL_MONTH|24",
    })
    void lintersFailWhereTheEngineFails(String bracketed, String engineError, int position) {
        assertThatThrownBy(() -> parser.parse(bracketed))
                .as(engineError)
                .isInstanceOfSatisfying(Gs1SyntaxException.class, e -> assertThat(e.position()).isEqualTo(position));
    }

    @ParameterizedTest
    @CsvSource({"(00)123456789012345675", "(01)95012345678903(3103)000123", "(11)200229", "(11)200600", "(17)000229"})
    void lintersPassWhereTheEnginePasses(String bracketed) {
        assertThat(parser.parse(bracketed)).isNotEmpty();
    }

    /** lint_yymmd0 unit vectors (engine's test_lint_yymmd0), through AI (11). */
    @ParameterizedTest
    @CsvSource({
            "200132,4", "200230,4", "200332,4", "200431,4", "200532,4", "200631,4", "200732,4", "200832,4",
            "200931,4", "201032,4", "201131,4", "201232,4", "210229,4", "220229,4", "230229,4", "240230,4",
            "000230,4", "040230,4", "960230,4", "200010,2", "201310,2", "209910,2",
    })
    void yymmd0RejectsImpossibleDates(String date, int offset) {
        assertThatThrownBy(() -> parser.parse("(11)" + date))
                .isInstanceOfSatisfying(Gs1SyntaxException.class, e -> assertThat(e.position()).isEqualTo(4 + offset));
    }

    @ParameterizedTest
    @CsvSource({"000606", "250606", "500606", "750606", "990606", "200131", "200229", "210228", "240229",
            "000229", "040229", "960229", "200600"})
    void yymmd0AcceptsRealDates(String date) {
        assertThat(parser.parse("(11)" + date)).isNotEmpty();
    }
}

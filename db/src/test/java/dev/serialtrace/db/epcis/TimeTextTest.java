package dev.serialtrace.db.epcis;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hand-written time parser and printer agree with java.time on every shape they take. */
class TimeTextTest {
    @ParameterizedTest
    @ValueSource(strings = {"2024-03-01T10:15:00+01:00", "2024-03-01T10:15:00.1Z", "2022-02-16T20:33:31.116000-06:00",
            "2024-03-01T10:15:00.123456789+05:30", "2024-02-29T23:59:59.999-00:00", "2024-03-01T10:15+01:00",
            "2024-03-01T10:15:00+14:00", "0001-01-01T00:00:00Z"})
    void parsesAsJavaTimeDoes(String text) {
        assertThat(EpcisEvents.parseTime(text)).isEqualTo(OffsetDateTime.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-13-01T10:15:00+01:00", "2024-03-01 10:15:00+01:00", "2024-03-01T10:15:00+0100", "2024-03-01T10:15:00",
            "2024-03-01T25:15:00Z", "yesterday"})
    void refusesWhatJavaTimeRefuses(String text) {
        assertThatThrownBy(() -> EpcisEvents.parseTime(text)).isInstanceOf(DateTimeParseException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-03 10:15:00.123+01", "2026-11-03 10:15:00+00", "2026-11-03 10:15:00.5-03:30", "1900-01-01 00:00:00+00:19:32"})
    void readsTheCopyFormOfTimestamptz(String text) {
        String iso = text.replace(' ', 'T');
        iso = iso.matches(".*[+-]\\d\\d$") ? iso + ":00" : iso;
        assertThat(CopyText.timestamp(text)).isEqualTo(OffsetDateTime.parse(iso));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-01T10:15:00.123+01:00", "2024-03-01T10:15:00Z", "2024-03-01T10:15:00.999999-06:00",
            "0999-12-31T23:59:59.001+05:45"})
    void printsAsTheFormatterDid(String text) {
        OffsetDateTime t = OffsetDateTime.parse(text);
        assertThat(EpcisEvents.time(t)).isEqualTo(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").format(t));
    }
}

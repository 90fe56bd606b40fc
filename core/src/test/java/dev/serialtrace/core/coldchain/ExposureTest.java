package dev.serialtrace.core.coldchain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExposureTest {
    private static final OffsetDateTime T = OffsetDateTime.of(2026, 2, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final BigDecimal MIN = new BigDecimal("2"), MAX = new BigDecimal("8");

    private static Exposure.Reading r(int stay, int minute, String c) {
        return new Exposure.Reading(stay, T.plusMinutes(minute), new BigDecimal(c), T.plusMinutes(90));
    }

    @Test
    void countsMinutesOutOfBandAndGroupsExcursions() {
        var readings = List.of(r(0, 0, "5.0"), r(0, 15, "9.5"), r(0, 30, "11.2"), r(0, 45, "6.0"),
                r(0, 60, "1.0"), r(0, 75, "4.0"));
        Exposure.Result result = Exposure.of(readings, MIN, MAX);

        assertThat(result.minutesOutOfRange()).isEqualTo(45);
        assertThat(result.worst()).isEqualByComparingTo("11.2");
        assertThat(result.excursions()).hasSize(2);
        assertThat(result.excursions().get(0).minutes()).isEqualTo(30);
        assertThat(result.excursions().get(0).worst()).isEqualByComparingTo("11.2");
        assertThat(result.excursions().get(1).worst()).isEqualByComparingTo("1.0");
    }

    @Test
    void aSilentSensorCountsAtMostAnHourPerReading() {
        var readings = List.of(new Exposure.Reading(0, T, new BigDecimal("12"), T.plusHours(10)));
        assertThat(Exposure.of(readings, MIN, MAX).minutesOutOfRange()).isEqualTo(60);
    }

    @Test
    void aStayEndsTheLastReadingOfIt() {
        var readings = List.of(new Exposure.Reading(0, T, new BigDecimal("12"), T.plusMinutes(20)),
                new Exposure.Reading(1, T.plusHours(5), new BigDecimal("5"), T.plusHours(6)));
        assertThat(Exposure.of(readings, MIN, MAX).minutesOutOfRange()).isEqualTo(20);
    }

    @Test
    void inBandReadingsMeanNoExposure() {
        var readings = List.of(r(0, 0, "2"), r(0, 30, "8"), r(1, 60, "4.4"));
        Exposure.Result result = Exposure.of(readings, MIN, MAX);
        assertThat(result.minutesOutOfRange()).isZero();
        assertThat(result.worst()).isNull();
        assertThat(result.excursions()).isEmpty();
    }
}

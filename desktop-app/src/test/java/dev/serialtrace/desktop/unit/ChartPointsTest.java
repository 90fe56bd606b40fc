package dev.serialtrace.desktop.unit;

import dev.serialtrace.db.unit.TemperatureHistory;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChartPointsTest {
    @Test
    void thinningKeepsEveryExtremeAndStaysInTimeOrder() {
        OffsetDateTime t = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        List<TemperatureHistory.Reading> readings = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String c = i == 1234 ? "14.5" : i == 2222 ? "-1.0" : "5.0";
            readings.add(new TemperatureHistory.Reading(t.plusMinutes(15L * i), "COLD", new BigDecimal(c), !"5.0".equals(c)));
        }
        List<TemperatureHistory.Reading> thin = ChartPoints.thin(readings, 300);
        assertThat(thin.size()).isLessThanOrEqualTo(300);
        assertThat(thin).extracting(r -> r.celsius().toPlainString()).contains("14.5", "-1.0");
        for (int i = 1; i < thin.size(); i++) {
            assertThat(thin.get(i).at()).isAfterOrEqualTo(thin.get(i - 1).at());
        }
    }

    @Test
    void fewReadingsStayAsTheyAre() {
        var one = List.of(new TemperatureHistory.Reading(OffsetDateTime.now(), "X", BigDecimal.ONE, false));
        assertThat(ChartPoints.thin(one, 300)).isSameAs(one);
    }
}

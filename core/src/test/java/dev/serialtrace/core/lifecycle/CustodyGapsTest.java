package dev.serialtrace.core.lifecycle;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CustodyGapsTest {
    private static final OffsetDateTime T = OffsetDateTime.of(2026, 1, 1, 8, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void anUnbrokenChainHasNoGaps() {
        var steps = List.of(new CustodyGaps.Step(T, null, 1L), new CustodyGaps.Step(T.plusHours(1), 1L, 2L),
                new CustodyGaps.Step(T.plusDays(2), 2L, null), new CustodyGaps.Step(T.plusDays(9), null, 5L));
        assertThat(CustodyGaps.find(steps, Duration.ofDays(90))).isEmpty();
    }

    @Test
    void leavingAPlaceItNeverArrivedAtIsAGap() {
        var steps = List.of(new CustodyGaps.Step(T, null, 1L), new CustodyGaps.Step(T.plusHours(1), 3L, 4L));
        assertThat(CustodyGaps.find(steps, Duration.ofDays(90)))
                .singleElement().satisfies(g -> {
                    assertThat(g.index()).isEqualTo(1);
                    assertThat(g.kind()).isEqualTo(CustodyGaps.Kind.LOCATION_JUMP);
                });
    }

    @Test
    void turningUpOnAShelfAfterLeavingTheBuildingIsAGap() {
        var steps = List.of(new CustodyGaps.Step(T, null, 1L), new CustodyGaps.Step(T.plusHours(1), 1L, null),
                new CustodyGaps.Step(T.plusHours(2), 2L, 3L));
        assertThat(CustodyGaps.find(steps, Duration.ofDays(90))).extracting(CustodyGaps.Gap::index).containsExactly(2);
    }

    @Test
    void aLongSilenceIsAGap() {
        var steps = List.of(new CustodyGaps.Step(T, null, 1L), new CustodyGaps.Step(T.plusDays(200), null, null));
        assertThat(CustodyGaps.find(steps, Duration.ofDays(90)))
                .singleElement().satisfies(g -> assertThat(g.description()).contains("200 days"));
    }
}

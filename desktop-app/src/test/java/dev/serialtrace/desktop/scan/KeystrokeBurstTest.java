package dev.serialtrace.desktop.scan;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class KeystrokeBurstTest {
    private final KeystrokeBurst burst = new KeystrokeBurst(Duration.ofMillis(35));

    private Optional<KeystrokeBurst.Capture> type(String text, long gapMillis, long startMillis, char terminator) {
        long t = startMillis * 1_000_000;
        for (char c : text.toCharArray()) {
            burst.key(c, t);
            t += gapMillis * 1_000_000;
        }
        return burst.key(terminator, t);
    }

    @Test
    void aFastBurstEndingInEnterIsAScanGsIncluded() {
        assertThat(type("]d20109506000134352\u001d21SN1", 4, 0, '\r'))
                .contains(new KeystrokeBurst.Capture("]d20109506000134352\u001d21SN1", true));
    }

    @Test
    void humanTypingIsCapturedButNotAsAScan() {
        assertThat(type("U00002KQ7", 140, 0, '\r')).hasValueSatisfying(c -> {
            assertThat(c.text()).isEqualTo("U00002KQ7");
            assertThat(c.scanned()).isFalse();
        });
    }

    @Test
    void oneSlowPauseInsideTheBurstMakesItTyped() {
        long t = 0;
        for (int i = 0; i < 8; i++) {
            burst.key((char) ('A' + i), t);
            t += (i == 4 ? 200 : 3) * 1_000_000L;
        }
        assertThat(burst.key('\t', t)).hasValueSatisfying(c -> assertThat(c.scanned()).isFalse());
    }

    @Test
    void aScanTheWindowWasTooBusyToTakeMidBurstIsStillAScan() {
        long t = 0;
        for (int i = 0; i < 8; i++) {
            burst.key((char) ('A' + i), t);
            t += i == 3 ? 180_000_000L : i < 3 ? 3_000_000L : 20_000L;   // the rest was waiting in the queue
        }
        assertThat(burst.key('\r', t)).hasValueSatisfying(c -> assertThat(c.scanned()).isTrue());
    }

    @Test
    void aPauseIsExcusedOnlyWhenTheKeyAfterItWasQueued() {
        long t = 0;
        for (int i = 0; i < 8; i++) {
            burst.key((char) ('A' + i), t);
            t += i == 7 ? 150_000_000L : 3_000_000L;
        }
        assertThat(burst.key('\r', t)).hasValueSatisfying(c -> assertThat(c.scanned()).isFalse());   // Enter 150 ms later: a person
        for (int i = 0; i < 8; i++) {
            burst.key((char) ('A' + i), t);
            t += 3_000_000L;
        }
        t += 150_000_000L;
        burst.key('H', t);
        assertThat(burst.key('\r', t + 30_000)).hasValueSatisfying(c -> assertThat(c.scanned()).isTrue());
    }

    @Test
    void twoPersonsPausesAreNotExcusedByOneQueuedKey() {
        long t = 0;
        long[] gaps = {140, 3, 3, 160, 3, 3, 3};   // after each pause the next key comes at a scanner's pace, not queued
        for (int i = 0; i < 8; i++) {
            burst.key((char) ('A' + i), t);
            t += (i < gaps.length ? gaps[i] : 3) * 1_000_000L;
        }
        assertThat(burst.key('\r', t)).hasValueSatisfying(c -> assertThat(c.scanned()).isFalse());
    }

    @Test
    void anAbandonedFragmentDoesNotPrefixTheNextScan() {
        type("XY", 5, 0, 'Z');   // no terminator: 'Z' is just another key
        assertThat(type("SN-000123", 3, 10_000, '\r')).contains(new KeystrokeBurst.Capture("SN-000123", true));
    }

    @Test
    void aLoneEnterCapturesNothing() {
        assertThat(burst.key('\r', 0)).isEmpty();
    }
}

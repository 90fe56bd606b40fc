package dev.serialtrace.db.demo;

import java.util.SplittableRandom;

/**
 * Temperature readings of the 2-8 °C cold rooms, one sensor per shelf, every 15-30 minutes over
 * the whole history. The temperature wanders around 5 °C; now and then a door left open or a
 * compressor fault causes an excursion above 8 °C for an hour or two.
 */
final class ColdChain {
    private ColdChain() {
    }

    static CopyBuffer readings(MasterData master, long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x636F6C64L);
        CopyBuffer rows = new CopyBuffer("sensor_reading", "location_id, read_at, temperature_c");
        long start = master.historyStartDay * 86_400;
        long end = (master.lastDay + 1) * 86_400;
        for (MasterData.Site site : master.sites) {
            for (long location : site.cold) {
                int hundredths = 480 + random.nextInt(60);
                int excursionLeft = 0;
                int excursionPeak = 0;
                for (long t = start + random.nextInt(900); t < end; t += 900 + random.nextInt(901)) {
                    if (excursionLeft == 0 && random.nextInt(4_000) == 0) {
                        excursionLeft = 4 + random.nextInt(8);
                        excursionPeak = 900 + random.nextInt(350);
                    }
                    if (excursionLeft > 0) {
                        // rises fast, then recovers as the door closes / compressor restarts
                        hundredths = excursionLeft > 2 ? Math.min(excursionPeak, hundredths + 150 + random.nextInt(150))
                                : Math.max(520, hundredths - 250);
                        excursionLeft--;
                    } else {
                        hundredths += random.nextInt(41) - 20;
                        hundredths += (500 - hundredths) / 8;   // thermostat pulls back to 5 °C
                        hundredths = Math.max(260, Math.min(760, hundredths));
                    }
                    rows.num(location).time(t).centi(hundredths).endRow();
                }
            }
        }
        return rows;
    }
}

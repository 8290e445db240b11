package dev.camelextend.simulator;

import java.time.Instant;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The simulator's own timestamp formatting (package-private, hence this package). */
class SimSupportTest {

    @Test
    void formatTimeIsExactlyInstantToString() {
        Random random = new Random(7);
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            long seconds = Math.floorMod(random.nextLong(), max);
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant t = Instant.ofEpochSecond(seconds, nano);
            assertEquals(t.toString(), SimSupport.formatTime(t));
        }
        for (String edge : new String[] { "1970-01-01T00:00:00Z", "2000-02-29T23:59:59.999999999Z",
                "1900-03-01T00:00:00.001Z", "0000-01-01T00:00:00Z", "2026-11-28T09:00:00.000001Z" }) {
            assertEquals(edge, SimSupport.formatTime(Instant.parse(edge)));
        }
        // outside 0..9999 it is Instant.toString itself
        Instant far = Instant.parse("+10000-01-01T00:00:00Z");
        assertEquals(far.toString(), SimSupport.formatTime(far));
        Instant before = Instant.parse("-0001-12-31T00:00:00Z");
        assertEquals(before.toString(), SimSupport.formatTime(before));
    }
}

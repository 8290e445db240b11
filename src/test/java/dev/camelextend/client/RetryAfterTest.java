package dev.camelextend.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryAfterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);

    private static Duration parse(String value) {
        return RetryAfter.parse(value, CLOCK);
    }

    @Test
    void readsDelaySeconds() {
        assertEquals(Duration.ofSeconds(120), parse("120"));
        assertEquals(Duration.ZERO, parse("0"));
        assertEquals(Duration.ofSeconds(5), parse("  5\t"), "surrounding whitespace is allowed");
        assertEquals(Duration.ofSeconds(5), parse("0000000000000000000000005"), "leading zeros are just digits");
    }

    @Test
    void readsAnHttpDate() {
        assertEquals(Duration.ofSeconds(90), parse("Mon, 02 Mar 2026 10:01:30 GMT"));
        assertEquals(Duration.ofSeconds(90), parse(" Mon, 02 Mar 2026 10:01:30 GMT "));
    }

    @Test
    void aDateInThePastMeansNow() {
        assertEquals(Duration.ZERO, parse("Sun, 01 Mar 2026 10:00:00 GMT"));
    }

    @Test
    void hugeDelaysAreClampedToMax() {
        for (String value : List.of("9300000000", "99999999999999999999999", "Fri, 31 Dec 9999 23:59:59 GMT",
                String.valueOf(RetryAfter.MAX.toSeconds() + 1))) {
            Duration delay = assertDoesNotThrow(() -> parse(value), value);
            assertEquals(RetryAfter.MAX, delay, value);
            assertDoesNotThrow(delay::toNanos, value);
            assertDoesNotThrow(delay::toMillis, value);
        }
        assertEquals(RetryAfter.MAX, parse(String.valueOf(RetryAfter.MAX.toSeconds())), "MAX itself is kept");
        assertEquals(Duration.ofDays(365), RetryAfter.MAX);
    }

    @Test
    void anythingElseIsUnreadableAndNothingThrows() {
        List<String> hostile = List.of("", " ", "-1", "1e9", "+5", "5.0", "0x10", "1 2", "٣", "١٢٠", "５",
                "Mon, 32 Foo 2026 10:00:00 GMT", "Mon, 02 Mar 2026 25:00:00 GMT", "Tue, 02 Mar 2026 10:00:00 GMT",
                "Mon, 02 Mar 2026", "GMT", "\u0000", "Infinity", "NaN", "-9223372036854775808",
                "Mon, 02 Mar 99999 10:00:00 GMT");
        for (String value : hostile) {
            assertNull(assertDoesNotThrow(() -> parse(value), value), value);
        }
        assertNull(parse(null));
    }

    @Test
    void onlyAsciiDigitsAreDelaySeconds() {
        assertNull(parse("٣"), "an Arabic-Indic three is not delay-seconds");
        assertNull(parse("12٣"));
    }

    @Test
    void everyReadableAnswerIsSafeToConvert() {
        for (String value : List.of("0", "1", "59", "86400", "9223372036", "9223372037", "9223372036854775807",
                "9223372036854775808", "Sat, 01 Jan 0000 00:00:00 GMT", "Fri, 31 Dec 9999 23:59:59 GMT")) {
            Duration delay = assertDoesNotThrow(() -> parse(value), value);
            if (delay != null) {
                assertTrue(!delay.isNegative() && delay.compareTo(RetryAfter.MAX) <= 0, value + " -> " + delay);
                assertDoesNotThrow(delay::toNanos, value);
            }
        }
    }
}

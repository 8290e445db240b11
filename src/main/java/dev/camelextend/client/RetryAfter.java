package dev.camelextend.client;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Parses an HTTP {@code Retry-After} value: delay-seconds or an HTTP-date (RFC 9110 section 10.2.3). The header comes
 * from the network, so nothing it holds may throw here or later: every delay returned is clamped to {@link #MAX}, which
 * callers can turn into nanoseconds or milliseconds, add to a clock reading, or schedule on.
 */
final class RetryAfter {

    /**
     * The longest delay {@link #parse} returns; any longer one is read as this. It is far above any sane
     * {@code maxRetryAfter}, so a caller told to wait longer still fails at once, and it stays well inside what
     * {@link Duration#toNanos} and a {@link System#nanoTime} sum can hold.
     */
    static final Duration MAX = Duration.ofDays(365);

    private static final long MAX_SECONDS = MAX.toSeconds();

    private RetryAfter() {
    }

    /**
     * @return the delay to wait, from zero (a date in the past) to {@link #MAX}, or null when the header is absent or
     *         unreadable; never throws
     */
    static Duration parse(String value, Clock clock) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (v.isEmpty()) {
            return null;
        }
        if (isAsciiDigits(v)) {
            return delaySeconds(v);
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration delay = Duration.between(clock.instant(), at.toInstant());
            if (delay.isNegative()) {
                return Duration.ZERO;
            }
            return delay.compareTo(MAX) > 0 ? MAX : delay;
        } catch (DateTimeException | ArithmeticException unreadable) {
            return null;
        }
    }

    /** Only 0-9: {@link Character#isDigit} and {@link Long#parseLong} would also take other scripts' digits. */
    private static boolean isAsciiDigits(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Reads the digits with saturation at {@link #MAX}, however many there are. */
    private static Duration delaySeconds(String digits) {
        long seconds = 0;
        for (int i = 0; i < digits.length(); i++) {
            seconds = seconds * 10 + (digits.charAt(i) - '0');
            if (seconds > MAX_SECONDS) {
                return MAX;
            }
        }
        return Duration.ofSeconds(seconds);
    }
}

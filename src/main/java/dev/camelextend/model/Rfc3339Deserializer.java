package dev.camelextend.model;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

/**
 * The {@link OffsetDateTime} deserialiser of {@link ExtendJson}'s mapper: JavaTimeModule's own, with a fast path in
 * front for the one shape Extend sends, {@code yyyy-MM-ddTHH:mm:ss[.S{1,9}](Z|+HH:MM|-HH:MM)}.
 * <p>
 * JavaTimeModule reads a timestamp with {@code DateTimeFormatter.ISO_OFFSET_DATE_TIME}, whose general parse (a field
 * map, copied and resolved per value) was half of the CPU time of mapping a run. The fast path reads the digits of that
 * shape straight from the parser's buffer and builds the same {@code OffsetDateTime} (same local date-time, same
 * offset as sent); it is eager, so a malformed timestamp still fails {@code readValue}, as before. Everything else
 * goes to JavaTimeModule's deserialiser unchanged, and with it every error and every leniency: another shape (lower
 * case, no seconds, an offset without colon or with seconds, blanks, numbers, epoch numbers in a string), a value out
 * of range (month 13, 30 February, hour 24), {@code ADJUST_DATES_TO_CONTEXT_TIME_ZONE} enabled, or a property or type
 * with a {@code @JsonFormat} of its own.
 * <p>
 * Not public: the mapper is given an instance, so nothing finds it by reflection (native images included).
 */
final class Rfc3339Deserializer extends DelegatingDeserializer {

    private static final long serialVersionUID = 1L;

    /** The digits of a fraction of 1 to 9 digits make nanoseconds when multiplied by this, by count of digits. */
    private static final int[] NANO_SCALE = { 0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10,
        1 };

    /** Shortest shape: {@code 2025-04-28T17:01:40Z}. */
    private static final int MIN_LENGTH = 20;

    /** Longest shape: {@code 2025-04-28T17:01:40.123456789+02:00}. */
    private static final int MAX_LENGTH = 35;

    private static final int MAX_OFFSET_SECONDS = 18 * 3600;

    Rfc3339Deserializer(JsonDeserializer<?> javaTimeModules) {
        super(javaTimeModules);
    }

    /**
     * The module that puts this deserialiser in front of the {@link OffsetDateTime} one of JavaTimeModule (which must
     * be registered too).
     */
    static SimpleModule module() {
        SimpleModule module = new SimpleModule("camel-extend-rfc3339");
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            private static final long serialVersionUID = 1L;

            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                if (description.getBeanClass() == OffsetDateTime.class
                    && deserializer instanceof InstantDeserializer) {
                    return new Rfc3339Deserializer(deserializer);
                }
                return deserializer;
            }
        });
        return module;
    }

    /**
     * A contextual JavaTimeModule deserialiser other than the one wrapped has a format of its own: it gets the value
     * alone.
     */
    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
        return newDelegatee;
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.hasToken(JsonToken.VALUE_STRING)
            && !ctxt.isEnabled(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)) {
            OffsetDateTime value = parse(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            if (value != null) {
                return value;
            }
        }
        return _delegatee.deserialize(p, ctxt);
    }

    /**
     * Reads {@code yyyy-MM-ddTHH:mm:ss[.S{1,9}](Z|+HH:MM|-HH:MM)}.
     *
     * @return the timestamp, or {@code null} when the text has another shape or a field is out of range (JavaTimeModule
     *         decides then)
     */
    static OffsetDateTime parse(char[] text, int offset, int length) {
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            return null;
        }
        final int at = offset;
        final int end = offset + length;
        int year = digits4(text, at);
        int month = digits2(text, at + 5);
        int day = digits2(text, at + 8);
        int hour = digits2(text, at + 11);
        int minute = digits2(text, at + 14);
        int second = digits2(text, at + 17);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
            || minute > 59 || second < 0 || second > 59 || text[at + 4] != '-' || text[at + 7] != '-'
            || text[at + 10] != 'T' || text[at + 13] != ':' || text[at + 16] != ':') {
            return null;
        }
        int i = at + 19;
        int nano = 0;
        if (text[i] == '.') {
            int first = ++i;
            while (i < end && i - first < 9 && isDigit(text[i])) {
                nano = nano * 10 + (text[i++] - '0');
            }
            int count = i - first;
            if (count == 0) {
                return null;
            }
            nano *= NANO_SCALE[count];
        }
        ZoneOffset zone;
        if (i == end - 1 && text[i] == 'Z') {
            zone = ZoneOffset.UTC;
        } else if (i == end - 6 && (text[i] == '+' || text[i] == '-') && text[i + 3] == ':') {
            int hours = digits2(text, i + 1);
            int minutes = digits2(text, i + 4);
            if (hours < 0 || minutes < 0 || minutes > 59) {
                return null;
            }
            int seconds = hours * 3600 + minutes * 60;
            if (seconds > MAX_OFFSET_SECONDS || seconds == 0 && text[i] == '-') {
                return null;
            }
            zone = ZoneOffset.ofTotalSeconds(text[i] == '-' ? -seconds : seconds);
        } else {
            return null;
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, nano, zone);
        } catch (DateTimeException noSuchDay) { // 30 February, 31 April, 29 February of a common year
            return null;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The value of 2 digits, or -1. */
    private static int digits2(char[] text, int at) {
        char a = text[at];
        char b = text[at + 1];
        if (!isDigit(a) || !isDigit(b)) {
            return -1;
        }
        return (a - '0') * 10 + (b - '0');
    }

    /** The value of 4 digits, or -1. */
    private static int digits4(char[] text, int at) {
        int high = digits2(text, at);
        int low = digits2(text, at + 2);
        return high < 0 || low < 0 ? -1 : high * 100 + low;
    }
}

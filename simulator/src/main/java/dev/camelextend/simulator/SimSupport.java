// Owns: small helpers every part of the simulator shares: the JSON mapper, JSON parsing and writing (timestamps, trees
// from a writer), query parsing, path percent-decoding, random ID strings, the constant-time key comparison and daemon
// thread factories.
package dev.camelextend.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;

/** Static helpers shared by the simulator's classes. */
final class SimSupport {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
    static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private SimSupport() {
    }

    /** The body as JSON, or null when it is empty or not JSON. */
    static JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? null : MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /** Writes JSON to a generator; the renderers of runs are written this way, for trees and for streamed answers. */
    @FunctionalInterface
    interface JsonWriter {
        void write(JsonGenerator g) throws IOException;
    }

    /** What {@code writer} writes, as a tree (one object). */
    static ObjectNode tree(JsonWriter writer) {
        try (TokenBuffer buffer = new TokenBuffer(MAPPER, false)) {
            writer.write(buffer);
            return MAPPER.readTree(buffer.asParser());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code "field": "2026-11-28T09:00:00Z"}, or {@code "field": null}. */
    static void putTime(JsonGenerator g, String field, Instant t) throws IOException {
        if (t == null) {
            g.writeNullField(field);
        } else {
            g.writeStringField(field, formatTime(t));
        }
    }

    /**
     * Exactly {@link Instant#toString()} (ISO-8601 in UTC, the fraction in groups of three digits and left out when
     * zero), computed with integer arithmetic: {@code Instant.toString} goes through a DateTimeFormatter, which showed
     * as a large share of a list page in a profile. Years outside 0..9999 fall back to it.
     */
    static String formatTime(Instant t) {
        long seconds = t.getEpochSecond();
        long days = Math.floorDiv(seconds, 86_400);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        // civil date from days since 1970-01-01 (H. Hinnant's days_from_civil, inverted)
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        if (year < 0 || year > 9999) {
            return t.toString();
        }
        StringBuilder sb = new StringBuilder(30);
        pad(sb, (int) year, 4).append('-');
        pad(sb, month, 2).append('-');
        pad(sb, day, 2).append('T');
        pad(sb, secondOfDay / 3600, 2).append(':');
        pad(sb, secondOfDay / 60 % 60, 2).append(':');
        pad(sb, secondOfDay % 60, 2);
        int nano = t.getNano();
        if (nano != 0) {
            sb.append('.');
            if (nano % 1_000_000 == 0) {
                pad(sb, nano / 1_000_000, 3);
            } else if (nano % 1000 == 0) {
                pad(sb, nano / 1000, 6);
            } else {
                pad(sb, nano, 9);
            }
        }
        return sb.append('Z').toString();
    }

    private static StringBuilder pad(StringBuilder sb, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(digits);
    }

    static String textOrNull(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    static ObjectNode toObject(Map<String, ?> metadata) {
        return metadata == null ? MAPPER.createObjectNode() : MAPPER.valueToTree(metadata);
    }

    /** {@code a=1&b=x%20y} as a map (last value wins); throws IllegalArgumentException on a bad escape. */
    static Map<String, String> parseQuery(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.put(k, v);
        }
        return q;
    }

    /** RFC 3986 percent-decoding of one path segment ('+' stays '+'). */
    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    throw new IllegalArgumentException("bad escape");
                }
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    static String randomString(Random random, String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** Daemon threads named {@code prefix1}, {@code prefix2}, ... */
    static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}

package dev.camelextend.model;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.camelextend.support.FakeExtendServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fast path for timestamps gives what JavaTimeModule alone gives: the same value with the same offset, or a
 * failure where JavaTimeModule fails.
 */
class Rfc3339DeserializerTest {

    private static final ObjectMapper MAPPER = ExtendJson.newObjectMapper();

    /** ExtendJson's mapper as it was before the fast path: the reference. */
    private static final ObjectMapper JAVA_TIME_MODULE_ONLY = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Read by the fast path. */
    private static final List<String> EXTEND_SHAPES = List.of(
            "2025-04-28T17:01:39.285Z", "2025-04-28T17:01:40Z", "2025-04-28T17:02:05.120Z", "2024-03-21T16:45:00Z",
            "2026-11-28T10:00:00.5+02:00", "2026-11-28T03:30:00-05:30", "2026-11-28T03:30:00+00:00",
            "2024-02-29T23:59:59.999999999+18:00", "0000-01-01T00:00:00-18:00", "9999-12-31T23:59:59.1+05:45",
            "2025-04-28T17:01:39.000000001Z", "2025-04-28T17:01:39.12345678Z");

    /** Not read by the fast path: JavaTimeModule decides, whether it reads them or fails. */
    private static final List<String> OTHER_TEXTS = List.of(
            "", " ", " 2025-04-28T17:01:40Z", "2025-04-28T17:01:40Z ", "2025-04-28t17:01:40z", "2025-04-28T17:01Z",
            "2025-04-28T17:01:40+0200", "2025-04-28T17:01:40+02", "2025-04-28T17:01:40+02:00:30", "2025-04-28T17:01:40-00:00",
            "2025-04-28T17:01:40.Z", "2025-04-28T17:01:40.1234567891Z", "2025-04-28T17:01:40", "2025-04-28",
            "+12025-04-28T17:01:40Z", "2025-13-28T17:01:40Z", "2025-00-28T17:01:40Z", "2025-02-29T17:01:40Z",
            "2025-04-31T17:01:40Z", "2025-04-00T17:01:40Z", "2025-04-32T17:01:40Z", "2025-04-28T24:00:00Z",
            "2025-04-28T17:60:40Z", "2025-04-28T17:01:60Z", "2025-04-28T17:01:40+19:00", "2025-04-28T17:01:40+18:01",
            "2025-04-28T17:01:40+02:60", "2025-04-28T17:01:40Y", "2025-04-28T17:01:40ZZ", "2025-04-28 17:01:40Z",
            "2025/04/28T17:01:40Z", "2O25-04-28T17:01:40Z", "2025-04-28T17:01:4OZ", "1714323699", "1714323699.285",
            "-1714323699", "not a timestamp", "2025-04-28T17:01:40.285+02:00[Europe/Paris]");

    private static String json(String text) {
        return "\"" + text + "\"";
    }

    @Test
    void theMapperUsesTheFastPathForOffsetDateTime() throws Exception {
        JsonDeserializer<Object> deserializer = ((DefaultDeserializationContext) MAPPER.getDeserializationContext())
                .createDummyInstance(MAPPER.getDeserializationConfig())
                .findRootValueDeserializer(MAPPER.constructType(OffsetDateTime.class));
        assertInstanceOf(Rfc3339Deserializer.class, deserializer);
    }

    @Test
    void extendsShapesAreReadByTheFastPathAsJavaTimeModuleReadsThem() throws Exception {
        for (String text : EXTEND_SHAPES) {
            OffsetDateTime fast = Rfc3339Deserializer.parse(text.toCharArray(), 0, text.length());
            assertNotNull(fast, text);
            OffsetDateTime expected = JAVA_TIME_MODULE_ONLY.readValue(json(text), OffsetDateTime.class);
            assertSameTimestamp(expected, fast, text);
            assertSameTimestamp(expected, MAPPER.readValue(json(text), OffsetDateTime.class), text);
            assertSameTimestamp(OffsetDateTime.parse(text), fast, text);
        }
    }

    @Test
    void otherTextsAreLeftToJavaTimeModuleWithItsValueOrItsFailure() throws Exception {
        for (String text : OTHER_TEXTS) {
            assertNull(Rfc3339Deserializer.parse(text.toCharArray(), 0, text.length()), text);
            assertSameOutcome(json(text));
        }
    }

    @Test
    void theFastPathReadsTheParsersBufferAtItsOffset() {
        char[] buffer = "xx\"2026-11-28T03:30:00-05:30\"yy".toCharArray();
        OffsetDateTime read = Rfc3339Deserializer.parse(buffer, 3, 25);
        assertEquals(OffsetDateTime.parse("2026-11-28T03:30:00-05:30"), read);
        assertNull(Rfc3339Deserializer.parse(buffer, 3, 24), "a text cut short is not a timestamp");
    }

    @Test
    void escapesAreReadAsTheTextTheyStandFor() throws Exception {
        assertSameOutcome("\"\\u0032025-04-28T17:01:40.5\\u002B02:00\"");
        assertEquals(OffsetDateTime.parse("2025-04-28T17:01:40.5+02:00"),
                MAPPER.readValue("\"\\u0032025-04-28T17:01:40.5\\u002B02:00\"", OffsetDateTime.class));
    }

    @Test
    void nonStringTokensAreLeftToJavaTimeModule() throws Exception {
        for (String json : List.of("1714323699285", "1714323699.285", "null", "[\"2025-04-28T17:01:40Z\"]", "true",
                "{\"a\":1}", "[]")) {
            assertSameOutcome(json);
        }
    }

    @Test
    void randomTimestampsOfTheShapeAreReadAsJavaTimeModuleReadsThem() throws Exception {
        Random random = new Random(42);
        for (int i = 0; i < 5_000; i++) {
            String text = randomTimestamp(random);
            assertSameOutcome(json(text));
        }
    }

    /** Fields in and out of range, fractions of 0 to 10 digits, offsets Z, +-HH:MM in and out of range. */
    private static String randomTimestamp(Random random) {
        StringBuilder s = new StringBuilder();
        s.append(String.format("%04d-%02d-%02dT%02d:%02d:%02d", random.nextInt(10_000), random.nextInt(14),
                random.nextInt(33), random.nextInt(25), random.nextInt(61), random.nextInt(61)));
        int fraction = random.nextInt(11);
        if (fraction > 0 || random.nextInt(4) == 0) {
            s.append('.');
            for (int d = 0; d < fraction; d++) {
                s.append((char) ('0' + random.nextInt(10)));
            }
        }
        switch (random.nextInt(3)) {
            case 0 -> s.append('Z');
            case 1 -> s.append(String.format("+%02d:%02d", random.nextInt(20), random.nextInt(61)));
            default -> s.append(String.format("-%02d:%02d", random.nextInt(20), random.nextInt(61)));
        }
        return s.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = { "initialRunAt", "startTime", "endTime", "reviewedAt" })
    void aMalformedTimestampOfARunStillFailsReadValue(String property) throws Exception {
        String body = FakeExtendServer.fixture("workflow-run-cancelled.json");
        for (String bad : List.of("2025-04-31T17:01:40Z", "2025-04-28T25:01:40Z", "yesterday", "2025-04-28T17:01:40+2:00")) {
            String malformed = body.replaceFirst("\"" + property + "\": (null|\"[^\"]*\")",
                    "\"" + property + "\": \"" + bad + "\"");
            assertTrue(malformed.contains(bad), property);
            Exception fast = assertThrows(Exception.class, () -> MAPPER.readValue(malformed, WorkflowRun.class), bad);
            Exception reference = assertThrows(Exception.class,
                    () -> JAVA_TIME_MODULE_ONLY.readValue(malformed, WorkflowRun.class), bad);
            assertSame(reference.getClass(), fast.getClass(), bad);
            assertEquals(reference.getMessage(), fast.getMessage(), bad);
            assertInstanceOf(InvalidFormatException.class, fast, bad);
        }
    }

    @Test
    void aFormatOfTheirOwnIsHonoured() throws Exception {
        record Stamped(@JsonFormat(pattern = "dd.MM.yyyy HH:mm xxx")
                       OffsetDateTime at) {
        }
        Stamped read = MAPPER.readValue("{\"at\":\"28.04.2025 17:01 +02:00\"}", Stamped.class);
        assertEquals(OffsetDateTime.of(2025, 4, 28, 17, 1, 0, 0, ZoneOffset.ofHours(2)), read.at());
    }

    @Test
    void adjustingToTheContextTimeZoneIsLeftToJavaTimeModule() throws Exception {
        String text = json("2026-11-28T10:00:00.5+02:00");
        OffsetDateTime adjusted = MAPPER.readerFor(OffsetDateTime.class)
                .with(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE).readValue(text);
        OffsetDateTime reference = JAVA_TIME_MODULE_ONLY.readerFor(OffsetDateTime.class)
                .with(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE).readValue(text);
        assertSameTimestamp(reference, adjusted, text);
        assertEquals(ZoneOffset.UTC, adjusted.getOffset());
    }

    private static void assertSameOutcome(String json) {
        Object expected;
        try {
            expected = JAVA_TIME_MODULE_ONLY.readValue(json, OffsetDateTime.class);
        } catch (Exception e) {
            expected = e;
        }
        Object actual;
        try {
            actual = MAPPER.readValue(json, OffsetDateTime.class);
        } catch (Exception e) {
            actual = e;
        }
        if (expected instanceof Exception e) {
            assertInstanceOf(e.getClass(), actual, json + " fails with JavaTimeModule alone: " + e);
            assertEquals(e.getMessage(), ((Exception) actual).getMessage(), json);
        } else if (expected == null) {
            assertNull(actual, json);
        } else {
            assertInstanceOf(OffsetDateTime.class, actual, json);
            assertSameTimestamp((OffsetDateTime) expected, (OffsetDateTime) actual, json);
        }
    }

    private static void assertSameTimestamp(OffsetDateTime expected, OffsetDateTime actual, String text) {
        assertEquals(expected, actual, text);
        assertEquals(expected.getOffset(), actual.getOffset(), text);
        assertEquals(expected.toInstant(), actual.toInstant(), text);
        assertEquals(expected.toString(), actual.toString(), text);
    }
}

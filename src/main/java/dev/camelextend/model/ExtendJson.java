package dev.camelextend.model;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Factory for the Jackson {@link ObjectMapper} used to read and write the Extend wire model.
 * <p>
 * The mapper:
 * <ul>
 * <li>registers {@link JavaTimeModule}, so RFC 3339 timestamps bind to {@link java.time.OffsetDateTime}; the
 * shape Extend sends ({@code 2025-04-28T17:01:39.285Z}, {@code ...+02:00}) is read by a fast path of the same result,
 * everything else by JavaTimeModule itself;</li>
 * <li>keeps the offset exactly as sent ({@code ADJUST_DATES_TO_CONTEXT_TIME_ZONE} disabled);</li>
 * <li>hands the values it reads to the model's setters by plain calls, not by reflection (where Jackson chose
 * those setters; the rules for nulls, coercions and errors stay Jackson's);</li>
 * <li>writes timestamps as ISO-8601 text, not numbers ({@code WRITE_DATES_AS_TIMESTAMPS} disabled);</li>
 * <li>does not fail on unknown properties (the model classes keep them in {@code additionalProperties}
 * anyway);</li>
 * <li>is strict about what a document is: trailing tokens after the value and duplicate keys fail, so an answer
 * that could be read two ways (two {@code id}s, a second object after the first) is never read as either;</li>
 * <li>leaves the default inclusion, so {@code null} fields are written as {@code null} and round-trip.</li>
 * </ul>
 * Each call returns a new, independent mapper; a configured mapper is thread-safe and should be reused.
 */
public final class ExtendJson {

    private ExtendJson() {
    }

    /**
     * Creates a new mapper configured for the Extend wire model.
     *
     * @return a new {@link ObjectMapper}
     */
    public static ObjectMapper newObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(Rfc3339Deserializer.module())
                .addModule(DirectSetters.module())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }
}

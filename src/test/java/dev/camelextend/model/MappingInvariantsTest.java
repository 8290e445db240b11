package dev.camelextend.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.camelextend.support.FakeExtendServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the cheaper mapping of a run must not change: the runs read and the JSON written are those of JavaTimeModule
 * alone, the unknown-properties map made on first use is one map for every caller, and the Java serialised form still
 * carries it.
 */
class MappingInvariantsTest {

    private static final ObjectMapper MAPPER = ExtendJson.newObjectMapper();

    /** ExtendJson's mapper as it was before the timestamp fast path. */
    private static final ObjectMapper JAVA_TIME_MODULE_ONLY = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final String[] ALL_TIMESTAMPS = { "initialRunAt", "reviewedAt", "startTime", "endTime" };

    @ParameterizedTest
    @ValueSource(strings = { "workflow-run-cancelled.json", "workflow-run-processing.json" })
    void aFixtureIsWrittenBackAsJavaTimeModuleAloneWritesIt(String fixture) throws Exception {
        String body = FakeExtendServer.fixture(fixture);
        String written = MAPPER.writeValueAsString(MAPPER.readValue(body, WorkflowRun.class));

        assertEquals(JAVA_TIME_MODULE_ONLY.writeValueAsString(JAVA_TIME_MODULE_ONLY.readValue(body, WorkflowRun.class)),
                written);
        assertEquals(written, MAPPER.writeValueAsString(MAPPER.readValue(written, WorkflowRun.class)), "stable");
        assertEquals(MAPPER.readTree(written), JAVA_TIME_MODULE_ONLY.readTree(
                JAVA_TIME_MODULE_ONLY.writeValueAsString(JAVA_TIME_MODULE_ONLY.readValue(written, WorkflowRun.class))));
    }

    @Test
    void timestampsWithOffsetsAndFractionsAreWrittenBackAsJavaTimeModuleAloneWritesThem() throws Exception {
        ObjectNode tree = (ObjectNode) MAPPER.readTree(FakeExtendServer.fixture("workflow-run-cancelled.json"));
        List<String> texts = List.of("2026-11-28T10:00:00.5+02:00", "2026-11-28T03:30:00-05:30",
                "2026-11-28T09:00:00.000000001+00:00", "2026-11-28T09:00:00.100Z");
        for (int i = 0; i < ALL_TIMESTAMPS.length; i++) {
            tree.put(ALL_TIMESTAMPS[i], texts.get(i));
        }
        ((ObjectNode) tree.get("workflow")).put("createdAt", "2024-03-21T16:45:00.999999999-18:00");
        byte[] body = MAPPER.writeValueAsBytes(tree);

        WorkflowRun run = MAPPER.readValue(body, WorkflowRun.class);
        WorkflowRun reference = JAVA_TIME_MODULE_ONLY.readValue(body, WorkflowRun.class);
        assertEquals(reference.getInitialRunAt(), run.getInitialRunAt());
        assertEquals(reference.getEndTime().getOffset(), run.getEndTime().getOffset());
        assertEquals(reference.getWorkflow().getCreatedAt(), run.getWorkflow().getCreatedAt());
        assertEquals(JAVA_TIME_MODULE_ONLY.writeValueAsString(reference), MAPPER.writeValueAsString(run));
    }

    /** Odd values for each kind of property: coerced, defaulted or refused exactly as by Jackson's own setters. */
    @Test
    void oddValuesAreCoercedOrRefusedAsByJavaTimeModuleAndReflectionAlone() throws Exception {
        String[][] replacements = {
            { "reviewed", "null" }, { "reviewed", "\"true\"" }, { "reviewed", "1" }, { "reviewed", "\"maybe\"" },
            { "id", "123" }, { "id", "true" }, { "id", "{}" }, { "id", "[]" }, { "id", "null" },
            { "workflow", "\"x\"" }, { "workflow", "[]" }, { "workflow", "null" }, { "workflow", "\"\"" },
            { "files", "{}" }, { "files", "\"x\"" }, { "files", "null" }, { "files", "[null]" }, { "files", "[1]" },
            { "stepRuns", "[null]" }, { "stepRuns", "[{\"result\": null, \"files\": null}]" },
            { "stepRuns", "[{\"result\": 5}]" }, { "stepRuns", "[{\"step\": \"x\"}]" },
            { "metadata", "[]" }, { "metadata", "null" }, { "metadata", "{\"a\": {\"b\": [1, null]}}" },
            { "usage", "{\"credits\": \"3.5\"}" }, { "usage", "{\"credits\": \"abc\"}" },
            { "usage", "{\"credits\": true}" }, { "usage", "{\"breakdown\": [{\"charges\": [{\"pages\": [\"1\", 2.0]}]}]}" },
            { "startTime", "1714323699" }, { "startTime", "1714323699.285" }, { "startTime", "\"\"" },
            { "startTime", "\" \"" }, { "startTime", "null" }, { "startTime", "\"1714323699\"" }, { "startTime", "[]" },
            { "startTime", "{}" }, { "startTime", "true" },
            { "files", "[{\"metadata\": {\"pageCount\": \"12\"}}]" }, { "files", "[{\"metadata\": {\"pageCount\": 1.5}}]" },
            { "files", "[{\"metadata\": {\"pageCount\": \"x\"}}]" },
            { "files", "[{\"metadata\": {\"parentSplit\": {\"startPage\": null, \"endPage\": \"2\"}}}]" },
            { "status", "5" }, { "status", "[]" },
        };
        String body = FakeExtendServer.fixture("workflow-run-processing.json");
        for (String[] replacement : replacements) {
            ObjectNode tree = (ObjectNode) MAPPER.readTree(body);
            tree.set(replacement[0], MAPPER.readTree(replacement[1]));
            String json = MAPPER.writeValueAsString(tree);
            assertEquals(outcome(JAVA_TIME_MODULE_ONLY, json), outcome(MAPPER, json), json);
        }
    }

    /** The JSON the run read is written back as, or the failure's type and message. */
    private static String outcome(ObjectMapper mapper, String json) {
        try {
            return mapper.writeValueAsString(mapper.readValue(json, WorkflowRun.class));
        } catch (Exception e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    @Test
    void aNewObjectHasOneModifiableUnknownPropertiesMapThatIsWrittenBack() throws Exception {
        WorkflowStep step = new WorkflowStep();
        Map<String, Object> extra = step.getAdditionalProperties();
        assertTrue(extra.isEmpty());
        assertSame(extra, step.getAdditionalProperties(), "the same map on every call");
        extra.put("version", "3");
        step.setAdditionalProperty("attempt", 2);
        assertEquals(List.of("version", "attempt"), new ArrayList<>(step.getAdditionalProperties().keySet()));

        JsonNode written = MAPPER.valueToTree(step);
        assertEquals("3", written.path("version").asText());
        assertEquals(2, written.path("attempt").asInt());
        assertEquals("{\"object\":null,\"id\":null,\"name\":null,\"type\":null}",
                MAPPER.writeValueAsString(new WorkflowStep()), "no unknown properties, nothing more written");
    }

    /**
     * As before the map was made on first use: for a property of that name Jackson sets ExtendObject's field itself (the
     * field is the inferred mutator of the getter's property), so the entries of the object sent become the unknown
     * properties, and those after it join them.
     */
    @Test
    void aPropertyNamedAdditionalPropertiesStillMergesIntoTheMap() throws Exception {
        WorkflowStep step = MAPPER.readValue("{\"name\":\"Parse\",\"additionalProperties\":{\"a\":1},\"b\":2}",
                WorkflowStep.class);
        assertEquals(Map.of("a", 1, "b", 2), step.getAdditionalProperties());
        assertEquals("{\"object\":null,\"id\":null,\"name\":\"Parse\",\"type\":null,\"a\":1,\"b\":2}",
                MAPPER.writeValueAsString(step));
    }

    @Test
    void threadsAskingForTheUnknownPropertiesMapFirstAllGetTheSameMap() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 200; round++) {
                WorkflowRun run = MAPPER.readValue(FakeExtendServer.fixture("workflow-run-processing.json"),
                        WorkflowRun.class);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Map<String, Object>>> maps = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    maps.add(pool.submit(() -> {
                        start.await();
                        return run.getAdditionalProperties();
                    }));
                }
                start.countDown();
                Set<Map<String, Object>> distinct = ConcurrentHashMap.newKeySet();
                Map<String, Object> first = maps.get(0).get(10, TimeUnit.SECONDS);
                for (Future<Map<String, Object>> map : maps) {
                    assertSame(first, map.get(10, TimeUnit.SECONDS), "round " + round);
                    distinct.add(map.get());
                }
                assertEquals(1, distinct.size());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void threadsMappingAtOnceReadTheSameRuns() throws Exception {
        byte[] body = FakeExtendServer.fixture("workflow-run-cancelled.json").getBytes(StandardCharsets.UTF_8);
        String expected = MAPPER.writeValueAsString(MAPPER.readValue(body, WorkflowRun.class));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> written = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                written.add(pool.submit(() -> MAPPER.writeValueAsString(MAPPER.readValue(body, WorkflowRun.class))));
            }
            for (Future<String> one : written) {
                assertEquals(expected, one.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theJavaSerialisedFormStillCarriesTheUnknownPropertiesMap() throws Exception {
        WorkflowRun run = MAPPER.readValue(FakeExtendServer.fixture("workflow-run-cancelled.json"), WorkflowRun.class);
        WorkflowRun copy = javaCopy(run);

        assertNotNull(mapField(copy), "written as a map even when none had been made");
        assertNotNull(mapField(copy.getWorkflow().getCreatedBy()));
        assertTrue(copy.getAdditionalProperties().isEmpty());
        assertEquals(MAPPER.writeValueAsString(run), MAPPER.writeValueAsString(copy));
        assertEquals(run.getEndTime(), copy.getEndTime());
        assertEquals(run.getEndTime().getOffset(), copy.getEndTime().getOffset());

        ObjectNode tree = (ObjectNode) MAPPER.readTree(FakeExtendServer.fixture("workflow-run-cancelled.json"));
        tree.putObject("futureBlock").put("answer", 42);
        ((ObjectNode) tree.get("workflow")).put("description", "new field");
        WorkflowRun withUnknowns = javaCopy(MAPPER.treeToValue(tree, WorkflowRun.class));
        assertEquals(Map.of("futureBlock", Map.of("answer", 42)), withUnknowns.getAdditionalProperties());
        assertEquals(Map.of("description", "new field"), withUnknowns.getWorkflow().getAdditionalProperties());
        withUnknowns.getWorkflow().getAdditionalProperties().put("more", true);
        assertEquals(true, MAPPER.valueToTree(withUnknowns).path("workflow").path("more").asBoolean());
    }

    private static Object mapField(ExtendObject object) throws ReflectiveOperationException {
        Field field = ExtendObject.class.getDeclaredField("additionalProperties");
        field.setAccessible(true);
        return field.get(object);
    }

    private static WorkflowRun javaCopy(WorkflowRun run) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(run);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return assertInstanceOf(WorkflowRun.class, in.readObject());
        }
    }
}

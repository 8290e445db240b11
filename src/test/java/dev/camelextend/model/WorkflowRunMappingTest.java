package dev.camelextend.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.camelextend.support.FakeExtendServer.fixture;
import static dev.camelextend.model.WorkflowRunStatus.CANCELLED;
import static dev.camelextend.model.WorkflowRunStatus.CANCELLING;
import static dev.camelextend.model.WorkflowRunStatus.FAILED;
import static dev.camelextend.model.WorkflowRunStatus.NEEDS_REVIEW;
import static dev.camelextend.model.WorkflowRunStatus.PENDING;
import static dev.camelextend.model.WorkflowRunStatus.PROCESSED;
import static dev.camelextend.model.WorkflowRunStatus.PROCESSING;
import static dev.camelextend.model.WorkflowRunStatus.REJECTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class WorkflowRunMappingTest {

    private static final String CANCELLED_FIXTURE = "workflow-run-cancelled.json";
    private static final String PROCESSING_FIXTURE = "workflow-run-processing.json";

    private static ObjectMapper mapper;

    @BeforeAll
    static void createMapper() {
        mapper = ExtendJson.newObjectMapper();
    }

    private static WorkflowRun read(String path) throws IOException {
        return mapper.readValue(fixture(path), WorkflowRun.class);
    }

    private static void assertTimestamp(String expected, OffsetDateTime actual) {
        assertNotNull(actual, "timestamp " + expected);
        OffsetDateTime exp = OffsetDateTime.parse(expected);
        assertEquals(exp.toInstant(), actual.toInstant(), "instant of " + expected);
        assertEquals(exp.getOffset(), actual.getOffset(), "offset of " + expected);
        assertEquals(exp, actual);
    }

    private static void assertDecimal(String expected, BigDecimal actual) {
        assertNotNull(actual, "decimal " + expected);
        assertEquals(new BigDecimal(expected), actual);
    }

    // ---------------------------------------------------------------- cancelled fixture

    @Test
    void cancelledFixtureTopLevelFields() throws Exception {
        WorkflowRun run = read(CANCELLED_FIXTURE);

        assertEquals("workflow_run", run.getObject());
        assertEquals("workflow_run_xKm9pNv3qWsY_jL2tR5Dh", run.getId());
        assertEquals("https://dashboard.extend.ai/workflows/workflow_run_xKm9pNv3qWsY_jL2tR5Dh", run.getDashboardUrl());
        assertSame(CANCELLED, run.getStatus());
        assertEquals("CANCELLED", run.getRawStatus());
        assertEquals("batch_7Ws31-F5", run.getBatchId());
        assertNull(run.getFailureReason());
        assertNull(run.getFailureMessage());
        assertNull(run.getReviewedByUser());
        assertFalse(run.isReviewed());
        assertNull(run.getRejectionNote());
        assertNull(run.getReviewedAt());
        assertTrue(run.getAdditionalProperties().isEmpty(), "no unknown fields in fixture: " + run.getAdditionalProperties());
    }

    @Test
    void cancelledFixtureTimestampsKeepInstantAndOffset() throws Exception {
        WorkflowRun run = read(CANCELLED_FIXTURE);

        assertTimestamp("2025-04-28T17:01:39.285Z", run.getInitialRunAt());
        assertEquals(Instant.parse("2025-04-28T17:01:39.285Z"), run.getInitialRunAt().toInstant());
        assertEquals(285_000_000, run.getInitialRunAt().getNano());
        assertEquals(ZoneOffset.UTC, run.getInitialRunAt().getOffset());
        assertTimestamp("2025-04-28T17:01:40Z", run.getStartTime());
        assertTimestamp("2025-04-28T17:02:05.120Z", run.getEndTime());
        assertEquals(120_000_000, run.getEndTime().getNano());
    }

    @Test
    void cancelledFixtureWorkflowAndVersion() throws Exception {
        WorkflowRun run = read(CANCELLED_FIXTURE);

        WorkflowSummary wf = run.getWorkflow();
        assertNotNull(wf);
        assertEquals("workflow", wf.getObject());
        assertEquals("workflow_BMlfq_yWM3sT-ZzvCnA3f", wf.getId());
        assertEquals("Invoice Processing", wf.getName());
        assertTimestamp("2024-03-21T16:45:00Z", wf.getCreatedAt());
        assertTimestamp("2024-03-21T16:45:00Z", wf.getUpdatedAt());
        CreatedBy by = wf.getCreatedBy();
        assertNotNull(by);
        assertEquals("api_key", by.getType());
        assertEquals("ingest-pipeline", by.getName());
        assertNull(by.getEmail());
        assertTrue(wf.getAdditionalProperties().isEmpty());

        WorkflowVersionSummary v = run.getWorkflowVersion();
        assertNotNull(v);
        assertEquals("workflow_version", v.getObject());
        assertEquals("workflow_version_Zk9mNP12Qw4-yTv8BdR3H", v.getId());
        assertEquals("1", v.getVersion());
        assertEquals("Production v1", v.getName());
        assertTimestamp("2024-03-21T16:45:00Z", v.getCreatedAt());
        assertNull(v.getCreatedBy());
        assertTrue(v.getAdditionalProperties().isEmpty());
    }

    @Test
    void cancelledFixtureMetadataMap() throws Exception {
        WorkflowRun run = read(CANCELLED_FIXTURE);

        Map<String, Object> md = run.getMetadata();
        assertNotNull(md);
        assertEquals(2, md.size(), md.toString());
        assertEquals("cust_42", md.get("customerId"));
        assertEquals(List.of("invoices", "eu"), md.get("extend:usage_tags"));
    }

    @Test
    void cancelledFixtureFiles() throws Exception {
        WorkflowRun run = read(CANCELLED_FIXTURE);

        assertEquals(1, run.getFiles().size());
        FileSummary f = run.getFiles().get(0);
        assertEquals("file", f.getObject());
        assertEquals("file_xK9mLPqRtN3vS8wF5hB2cQ", f.getId());
        assertEquals("Invoices.pdf", f.getName());
        assertEquals("PDF", f.getType());
        assertNull(f.getParentFileId());
        assertNotNull(f.getMetadata());
        assertEquals(Integer.valueOf(12), f.getMetadata().getPageCount());
        assertNull(f.getMetadata().getParentSplit());
        assertTimestamp("2024-03-21T16:45:00Z", f.getCreatedAt());
        assertTimestamp("2024-03-21T16:45:00Z", f.getUpdatedAt());
        assertTrue(f.getAdditionalProperties().isEmpty());
    }

    @Test
    void cancelledFixtureStepRuns() throws Exception {
        WorkflowRun run = read(CANCELLED_FIXTURE);

        assertEquals(2, run.getStepRuns().size());

        StepRun parse = run.getStepRuns().get(0);
        assertEquals("workflow_step_run", parse.getObject());
        assertEquals("workflow_step_run_q3Lm8Xw2", parse.getId());
        assertEquals("workflow_run_xKm9pNv3qWsY_jL2tR5Dh", parse.getWorkflowRunId());
        assertSame(StepRunStatus.PROCESSED, parse.getStatus());
        assertEquals("PROCESSED", parse.getRawStatus());
        assertEquals("PARSE", parse.getStepType());
        assertNotNull(parse.getFiles());
        assertTrue(parse.getFiles().isEmpty());
        WorkflowStep step = parse.getStep();
        assertEquals("workflow_step", step.getObject());
        assertEquals("workflow_step_a1", step.getId());
        assertEquals("Parse invoice", step.getName());
        assertEquals("PARSE", step.getType());
        JsonNode result = parse.getResult();
        assertNotNull(result);
        assertTrue(result.isObject());
        assertEquals("parse_run_7Hq2", result.path("parseRun").path("id").asText());
        assertEquals("parse_run", result.path("parseRun").path("object").asText());
        assertEquals(1, result.size());

        StepRun extract = run.getStepRuns().get(1);
        assertEquals("workflow_step_run", extract.getObject());
        assertEquals("workflow_step_run_r9Tn4Yz1", extract.getId());
        assertEquals("workflow_run_xKm9pNv3qWsY_jL2tR5Dh", extract.getWorkflowRunId());
        assertSame(StepRunStatus.CANCELLED, extract.getStatus());
        assertEquals("CANCELLED", extract.getRawStatus());
        assertEquals("EXTRACT", extract.getStepType());
        assertTrue(extract.getFiles().isEmpty());
        assertEquals("workflow_step", extract.getStep().getObject());
        assertEquals("workflow_step_b2", extract.getStep().getId());
        assertEquals("Extract totals", extract.getStep().getName());
        assertNull(extract.getStep().getType(), "step.type is absent in the fixture");
        assertNull(extract.getResult(), "JSON null result must be Java null, not NullNode");
    }

    @Test
    void cancelledFixtureUsage() throws Exception {
        WorkflowRun run = read(CANCELLED_FIXTURE);

        RunUsage usage = run.getUsage();
        assertNotNull(usage);
        assertDecimal("3.5", usage.getCredits());
        assertDecimal("3.5", usage.getTotalCredits());
        assertEquals(1, usage.getBreakdown().size());
        UsageBreakdownEntry e = usage.getBreakdown().get(0);
        assertEquals("parse_run", e.getObject());
        assertEquals("parse_run_7Hq2", e.getId());
        assertDecimal("3.5", e.getCredits());
        assertNull(e.getCharges());
    }

    // ---------------------------------------------------------------- processing fixture

    @Test
    void processingFixtureAllFields() throws Exception {
        WorkflowRun run = read(PROCESSING_FIXTURE);

        assertEquals("workflow_run", run.getObject());
        assertEquals("workflow_run_Pq7aWm2Zx9Rt_Lk4Nb8Vc", run.getId());
        assertEquals("https://dashboard.extend.ai/workflows/workflow_run_Pq7aWm2Zx9Rt_Lk4Nb8Vc", run.getDashboardUrl());
        assertSame(PROCESSING, run.getStatus());
        assertEquals("PROCESSING", run.getRawStatus());
        assertTrue(run.getStatus().isCancellable());

        WorkflowSummary wf = run.getWorkflow();
        assertEquals("workflow", wf.getObject());
        assertEquals("workflow_BMlfq_yWM3sT-ZzvCnA3f", wf.getId());
        assertEquals("Invoice Processing", wf.getName());
        assertTimestamp("2024-03-21T16:45:00Z", wf.getCreatedAt());
        assertTimestamp("2024-03-21T16:45:00Z", wf.getUpdatedAt());
        assertNull(wf.getCreatedBy(), "createdBy is absent");

        WorkflowVersionSummary v = run.getWorkflowVersion();
        assertEquals("workflow_version", v.getObject());
        assertEquals("workflow_version_Zk9mNP12Qw4-yTv8BdR3H", v.getId());
        assertEquals("draft", v.getVersion());
        assertNull(v.getName());
        assertTimestamp("2024-03-21T16:45:00Z", v.getCreatedAt());
        assertNull(v.getCreatedBy());

        assertNotNull(run.getMetadata());
        assertTrue(run.getMetadata().isEmpty());
        assertNull(run.getBatchId());
        assertNotNull(run.getFiles());
        assertTrue(run.getFiles().isEmpty());
        assertNull(run.getFailureReason());
        assertNull(run.getFailureMessage());
        assertTimestamp("2026-11-28T09:00:00Z", run.getInitialRunAt());
        assertNull(run.getReviewedByUser());
        assertFalse(run.isReviewed());
        assertNull(run.getRejectionNote());
        assertNull(run.getReviewedAt());
        assertTimestamp("2026-11-28T09:00:01Z", run.getStartTime());
        assertNull(run.getEndTime());
        assertNotNull(run.getStepRuns());
        assertTrue(run.getStepRuns().isEmpty());
        assertNull(run.getUsage());
        assertTrue(run.getAdditionalProperties().isEmpty());
    }

    // ---------------------------------------------------------------- open enum

    @Test
    void unknownStatusIsUnknownWithRawTextKept() throws Exception {
        ObjectNode tree = (ObjectNode) mapper.readTree(fixture(CANCELLED_FIXTURE));
        tree.put("status", "ARCHIVED");
        ((ObjectNode) tree.withArray("stepRuns").get(0)).put("status", "SKIPPED");

        WorkflowRun run = mapper.treeToValue(tree, WorkflowRun.class);

        assertSame(WorkflowRunStatus.UNKNOWN, run.getStatus());
        assertEquals("ARCHIVED", run.getRawStatus());
        assertFalse(run.getStatus().isTerminal());
        assertFalse(run.getStatus().isCancellable());
        assertFalse(run.getStatus().isCancelledOrCancelling());
        assertSame(StepRunStatus.UNKNOWN, run.getStepRuns().get(0).getStatus());
        assertEquals("SKIPPED", run.getStepRuns().get(0).getRawStatus());
        assertFalse(run.getAdditionalProperties().containsKey("status"));

        JsonNode written = mapper.valueToTree(run);
        assertEquals("ARCHIVED", written.get("status").asText(), "raw status is written back");
        assertEquals("SKIPPED", written.get("stepRuns").get(0).get("status").asText());
        assertFalse(written.has("rawStatus"), written.toString());
    }

    @Test
    void nullOrMissingStatusIsUnknown() throws Exception {
        ObjectNode tree = (ObjectNode) mapper.readTree(fixture(PROCESSING_FIXTURE));
        tree.putNull("status");
        WorkflowRun nullStatus = mapper.treeToValue(tree, WorkflowRun.class);
        assertSame(WorkflowRunStatus.UNKNOWN, nullStatus.getStatus());
        assertNull(nullStatus.getRawStatus());

        tree.remove("status");
        WorkflowRun missing = mapper.treeToValue(tree, WorkflowRun.class);
        assertSame(WorkflowRunStatus.UNKNOWN, missing.getStatus());
        assertNull(missing.getRawStatus());
    }

    @Test
    void statusFromValue() throws Exception {
        for (WorkflowRunStatus s : WorkflowRunStatus.values()) {
            assertSame(s, WorkflowRunStatus.fromValue(s.name()));
        }
        for (StepRunStatus s : StepRunStatus.values()) {
            assertSame(s, StepRunStatus.fromValue(s.name()));
        }
        assertSame(WorkflowRunStatus.UNKNOWN, WorkflowRunStatus.fromValue(null));
        assertSame(WorkflowRunStatus.UNKNOWN, WorkflowRunStatus.fromValue("ARCHIVED"));
        assertSame(WorkflowRunStatus.UNKNOWN, WorkflowRunStatus.fromValue("cancelled"));
        assertSame(WorkflowRunStatus.UNKNOWN, WorkflowRunStatus.fromValue(""));
        assertSame(StepRunStatus.UNKNOWN, StepRunStatus.fromValue(null));
        assertSame(StepRunStatus.WAITING, StepRunStatus.fromValue("WAITING"));
        assertSame(StepRunStatus.UNKNOWN, StepRunStatus.fromValue("SKIPPED"));

        // the @JsonCreator is used when the enum is bound directly
        assertSame(CANCELLING, mapper.readValue("\"CANCELLING\"", WorkflowRunStatus.class));
        assertSame(WorkflowRunStatus.UNKNOWN, mapper.readValue("\"ARCHIVED\"", WorkflowRunStatus.class));
        assertSame(StepRunStatus.UNKNOWN, mapper.readValue("\"SKIPPED\"", StepRunStatus.class));
    }

    @ParameterizedTest
    @EnumSource(WorkflowRunStatus.class)
    void statusHelperTruthTable(WorkflowRunStatus s) {
        Set<WorkflowRunStatus> terminal = EnumSet.of(PROCESSED, FAILED, CANCELLED, NEEDS_REVIEW, REJECTED);
        Set<WorkflowRunStatus> cancellable = EnumSet.of(PENDING, PROCESSING);
        Set<WorkflowRunStatus> cancelledOrCancelling = EnumSet.of(CANCELLED, CANCELLING);

        assertEquals(terminal.contains(s), s.isTerminal(), s + ".isTerminal()");
        assertEquals(cancellable.contains(s), s.isCancellable(), s + ".isCancellable()");
        assertEquals(cancelledOrCancelling.contains(s), s.isCancelledOrCancelling(), s + ".isCancelledOrCancelling()");
    }

    @Test
    void statusHelperSpotChecks() {
        // explicit rows, independent of the sets used above
        assertTrue(CANCELLED.isTerminal());
        assertTrue(NEEDS_REVIEW.isTerminal());
        assertFalse(CANCELLING.isTerminal());
        assertFalse(PENDING.isTerminal());
        assertTrue(PENDING.isCancellable());
        assertFalse(CANCELLING.isCancellable());
        assertFalse(WorkflowRunStatus.UNKNOWN.isCancellable());
        assertTrue(CANCELLING.isCancelledOrCancelling());
        assertFalse(FAILED.isCancelledOrCancelling());
        assertEquals(9, WorkflowRunStatus.values().length);
        assertEquals(7, StepRunStatus.values().length);
    }

    // ---------------------------------------------------------------- unknown properties

    @Test
    void unknownPropertiesAreKeptAndWrittenBack() throws Exception {
        ObjectNode tree = (ObjectNode) mapper.readTree(fixture(CANCELLED_FIXTURE));
        tree.put("createdAt", "2025-04-28T17:01:00Z");                       // CLI declares it
        tree.putObject("futureBlock").put("answer", 42).putArray("tags").add("x");
        tree.putNull("futureNull");
        ((ObjectNode) tree.get("workflow")).put("description", "new field");
        ((ObjectNode) tree.get("workflow").get("createdBy")).put("keyPrefix", "sk_");
        ((ObjectNode) tree.get("workflowVersion")).put("isLatest", true);
        ((ObjectNode) tree.withArray("files").get(0)).put("sizeBytes", 1234);
        ((ObjectNode) tree.withArray("files").get(0).get("metadata")).put("language", "en");
        ObjectNode step0 = (ObjectNode) tree.withArray("stepRuns").get(0);
        step0.put("attempt", 2);
        ((ObjectNode) step0.get("step")).put("version", "3");
        ObjectNode usage = (ObjectNode) tree.get("usage");
        usage.put("currency", "credits");
        ObjectNode entry = (ObjectNode) usage.withArray("breakdown").get(0);
        entry.put("label", "parse");
        ObjectNode charge = entry.putArray("charges").addObject();
        charge.put("product", "parse").put("unit", "page").put("quantity", 12).put("credits", 3.5).put("tier", "std");
        charge.putArray("pages").add(1).add(2);

        WorkflowRun run = mapper.treeToValue(tree, WorkflowRun.class);

        Map<String, Object> extra = run.getAdditionalProperties();
        assertEquals(List.of("createdAt", "futureBlock", "futureNull"), new ArrayList<>(extra.keySet()));
        assertEquals("2025-04-28T17:01:00Z", extra.get("createdAt"));
        assertEquals(Map.of("answer", 42, "tags", List.of("x")), extra.get("futureBlock"));
        assertTrue(extra.containsKey("futureNull"));
        assertNull(extra.get("futureNull"));
        assertEquals(Map.of("description", "new field"), run.getWorkflow().getAdditionalProperties());
        assertEquals(Map.of("keyPrefix", "sk_"), run.getWorkflow().getCreatedBy().getAdditionalProperties());
        assertEquals(Map.of("isLatest", true), run.getWorkflowVersion().getAdditionalProperties());
        assertEquals(Map.of("sizeBytes", 1234), run.getFiles().get(0).getAdditionalProperties());
        assertEquals(Map.of("language", "en"), run.getFiles().get(0).getMetadata().getAdditionalProperties());
        assertEquals(Map.of("attempt", 2), run.getStepRuns().get(0).getAdditionalProperties());
        assertEquals(Map.of("version", "3"), run.getStepRuns().get(0).getStep().getAdditionalProperties());
        assertEquals(Map.of("currency", "credits"), run.getUsage().getAdditionalProperties());
        UsageBreakdownEntry e = run.getUsage().getBreakdown().get(0);
        assertEquals(Map.of("label", "parse"), e.getAdditionalProperties());
        UsageCharge c = e.getCharges().get(0);
        assertEquals("parse", c.getProduct());
        assertEquals("page", c.getUnit());
        assertDecimal("12", c.getQuantity());
        assertDecimal("3.5", c.getCredits());
        assertEquals(List.of(1, 2), c.getPages());
        assertEquals(Map.of("tier", "std"), c.getAdditionalProperties());
        // known fields are still bound
        assertEquals("Invoice Processing", run.getWorkflow().getName());
        assertSame(CANCELLED, run.getStatus());

        JsonNode written = mapper.valueToTree(run);
        assertJsonEquivalent(tree, written, "$");
        assertFalse(written.has("additionalProperties"), written.toString());
        assertFalse(written.get("workflow").has("additionalProperties"));
        assertEquals(42, written.path("futureBlock").path("answer").asInt());
        assertTrue(written.get("futureNull").isNull());
        assertEquals("sk_", written.path("workflow").path("createdBy").path("keyPrefix").asText());
        assertEquals("std", written.path("usage").path("breakdown").path(0).path("charges").path(0).path("tier").asText());
    }

    @Test
    void parentSplitIsBound() throws Exception {
        String json = "{\"pageCount\":3,\"parentSplit\":{\"id\":\"split_1\",\"type\":\"invoice\",\"identifier\":\"inv-7\","
                      + "\"startPage\":4,\"endPage\":6,\"confidence\":0.9}}";
        FileMetadata md = mapper.readValue(json, FileMetadata.class);
        assertEquals(Integer.valueOf(3), md.getPageCount());
        ParentSplit ps = md.getParentSplit();
        assertEquals("split_1", ps.getId());
        assertEquals("invoice", ps.getType());
        assertEquals("inv-7", ps.getIdentifier());
        assertEquals(Integer.valueOf(4), ps.getStartPage());
        assertEquals(Integer.valueOf(6), ps.getEndPage());
        assertEquals(Map.of("confidence", 0.9), ps.getAdditionalProperties());
        assertJsonEquivalent(mapper.readTree(json), mapper.valueToTree(md), "$");
    }

    @Test
    void userCreatedByIsBound() throws Exception {
        CreatedBy by = mapper.readValue("{\"type\":\"user\",\"email\":\"ana@example.com\"}", CreatedBy.class);
        assertEquals("user", by.getType());
        assertEquals("ana@example.com", by.getEmail());
        assertNull(by.getName());
    }

    // ---------------------------------------------------------------- serialisation

    @ParameterizedTest
    @ValueSource(strings = { CANCELLED_FIXTURE, PROCESSING_FIXTURE })
    void fixturesRoundTrip(String path) throws Exception {
        JsonNode original = mapper.readTree(fixture(path));
        WorkflowRun run = mapper.treeToValue(original, WorkflowRun.class);

        String text = mapper.writeValueAsString(run);
        JsonNode written = mapper.readTree(text);
        assertJsonEquivalent(original, written, "$");
        // nulls are written, not dropped
        assertTrue(written.has("failureReason") && written.get("failureReason").isNull(), text);
        assertTrue(written.has("reviewedAt") && written.get("reviewedAt").isNull(), text);
        // and reading the output again gives the same output
        assertEquals(text, mapper.writeValueAsString(mapper.readValue(text, WorkflowRun.class)));
    }

    @Test
    void timestampsAreWrittenAsIsoTextWithTheirOffset() throws Exception {
        ObjectNode tree = (ObjectNode) mapper.readTree(fixture(PROCESSING_FIXTURE));
        tree.put("initialRunAt", "2026-11-28T10:00:00.5+02:00");
        tree.put("endTime", "2026-11-28T03:30:00-05:30");

        WorkflowRun run = mapper.treeToValue(tree, WorkflowRun.class);
        assertEquals(ZoneOffset.ofHours(2), run.getInitialRunAt().getOffset(), "offset must not be adjusted to UTC");
        assertEquals(10, run.getInitialRunAt().getHour());
        assertEquals(Instant.parse("2026-11-28T08:00:00.500Z"), run.getInitialRunAt().toInstant());
        assertEquals(ZoneOffset.ofHoursMinutes(-5, -30), run.getEndTime().getOffset());

        JsonNode written = mapper.valueToTree(run);
        assertTrue(written.get("initialRunAt").isTextual(), "timestamps are text, not numbers");
        assertEquals("2026-11-28T10:00:00.5+02:00", written.get("initialRunAt").asText());
        assertEquals("2026-11-28T03:30:00-05:30", written.get("endTime").asText());
        assertEquals("2026-11-28T09:00:01Z", written.get("startTime").asText());
    }

    @Test
    void resultNullNodeBecomesJavaNull() {
        StepRun sr = new StepRun();
        sr.setResult(NullNode.getInstance());
        assertNull(sr.getResult());
        sr.setResult(mapper.createObjectNode().put("a", 1));
        assertEquals(1, sr.getResult().get("a").asInt());
    }

    // ---------------------------------------------------------------- bean use

    @Test
    void canBeBuiltWithSettersAndWritten() throws Exception {
        WorkflowSummary wf = new WorkflowSummary();
        wf.setName("Invoice Processing");
        WorkflowRun run = new WorkflowRun();
        run.setId("workflow_run_test");
        run.setWorkflow(wf);
        run.setStatus(CANCELLING);
        run.setReviewed(true);
        run.setMetadata(Map.of("k", "v"));

        assertSame(CANCELLING, run.getStatus());
        assertEquals("CANCELLING", run.getRawStatus());
        run.setRawStatus("PENDING");
        assertSame(PENDING, run.getStatus());
        run.setStatus(null);
        assertNull(run.getRawStatus());
        assertSame(WorkflowRunStatus.UNKNOWN, run.getStatus());
        run.setStatus(CANCELLING);

        JsonNode written = mapper.valueToTree(run);
        assertEquals("workflow_run_test", written.get("id").asText());
        assertEquals("CANCELLING", written.get("status").asText());
        assertTrue(written.get("reviewed").asBoolean());
        assertEquals("Invoice Processing", written.path("workflow").path("name").asText());
        assertTrue(written.has("usage") && written.get("usage").isNull());
        List<String> names = new ArrayList<>();
        written.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("object", "id", "workflow", "workflowVersion", "dashboardUrl", "status", "metadata",
                "batchId", "files", "failureReason", "failureMessage", "initialRunAt", "reviewedByUser", "reviewed",
                "rejectionNote", "reviewedAt", "startTime", "endTime", "stepRuns", "usage"), names);
    }

    @Test
    void toStringIsConcise() throws Exception {
        WorkflowRun run = read(CANCELLED_FIXTURE);
        String s = run.toString();
        assertEquals("WorkflowRun[id=workflow_run_xKm9pNv3qWsY_jL2tR5Dh, status=CANCELLED, workflow=Invoice Processing]", s);
        assertFalse(s.contains("cust_42"));
        assertFalse(s.contains("dashboard"));

        run.setRawStatus("ARCHIVED");
        assertEquals("WorkflowRun[id=workflow_run_xKm9pNv3qWsY_jL2tR5Dh, status=UNKNOWN(ARCHIVED), workflow=Invoice Processing]",
                run.toString());
        assertEquals("WorkflowRun[id=null, status=UNKNOWN, workflow=null]", new WorkflowRun().toString());
    }

    @Test
    void javaSerializationKeepsTheRun() throws Exception {
        WorkflowRun run = read(CANCELLED_FIXTURE);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(run);
        }
        WorkflowRun copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = assertInstanceOf(WorkflowRun.class, in.readObject());
        }
        assertEquals(mapper.writeValueAsString(run), mapper.writeValueAsString(copy));
        assertEquals("parse_run_7Hq2", copy.getStepRuns().get(0).getResult().path("parseRun").path("id").asText());
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Compares JSON trees, treating a property missing in {@code expected} as equal to a {@code null} in
     * {@code actual} (the model writes absent optional fields as null), RFC 3339 texts by their
     * {@link OffsetDateTime} value (so ".120Z" equals ".12Z") and numbers by decimal value.
     */
    static void assertJsonEquivalent(JsonNode expected, JsonNode actual, String path) {
        if (expected == null || expected.isMissingNode() || expected.isNull()) {
            assertTrue(actual == null || actual.isMissingNode() || actual.isNull(), path + ": expected null but was " + actual);
            return;
        }
        assertNotNull(actual, path + ": missing, expected " + expected);
        if (expected.isObject()) {
            assertTrue(actual.isObject(), path + ": expected object but was " + actual);
            for (Map.Entry<String, JsonNode> e : expected.properties()) {
                assertTrue(actual.has(e.getKey()), path + "." + e.getKey() + ": dropped on serialisation");
                assertJsonEquivalent(e.getValue(), actual.get(e.getKey()), path + "." + e.getKey());
            }
            for (Map.Entry<String, JsonNode> e : actual.properties()) {
                if (!expected.has(e.getKey()) && !e.getValue().isNull()) {
                    fail(path + "." + e.getKey() + ": not in the input but written as " + e.getValue());
                }
            }
        } else if (expected.isArray()) {
            assertTrue(actual.isArray(), path + ": expected array but was " + actual);
            assertEquals(expected.size(), actual.size(), path + ": array size");
            for (int i = 0; i < expected.size(); i++) {
                assertJsonEquivalent(expected.get(i), actual.get(i), path + "[" + i + "]");
            }
        } else if (expected.isNumber()) {
            assertTrue(actual.isNumber(), path + ": expected number but was " + actual);
            assertEquals(0, expected.decimalValue().compareTo(actual.decimalValue()),
                    path + ": " + expected + " vs " + actual);
        } else if (expected.isTextual() && actual.isTextual() && !expected.asText().equals(actual.asText())) {
            try {
                assertEquals(OffsetDateTime.parse(expected.asText()), OffsetDateTime.parse(actual.asText()), path);
            } catch (DateTimeParseException notATimestamp) {
                fail(path + ": expected " + expected + " but was " + actual);
            }
        } else {
            assertEquals(expected, actual, path);
        }
    }
}

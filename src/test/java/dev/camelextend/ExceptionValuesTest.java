package dev.camelextend;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;

import dev.camelextend.model.ErrorAnswer;
import dev.camelextend.model.WorkflowRun;
import dev.camelextend.model.WorkflowRunStatus;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The exceptions are small values a route's own tests can build in a few words, and survive serialization (a JMS
 * dead-letter or a clustered error handler may serialize them).
 */
class ExceptionValuesTest {

    @Test
    void aRefusalBuiltForATestSaysWhatTheRunIsNow() {
        WorkflowRun run = new WorkflowRun();
        run.setId("workflow_run_test2");
        run.setRawStatus("PROCESSED");

        ExtendCancelNotAllowedException e = ExtendCancelNotAllowedException.refusing(run);

        assertEquals("workflow_run_test2", e.getRunId());
        assertEquals(WorkflowRunStatus.PROCESSED, e.getRunStatus());
        assertEquals(400, e.getStatusCode());
        assertEquals("INVALID_REQUEST", e.getErrorCode());
        assertFalse(e.isRetryable());
        assertTrue(e.getMessage().contains("PROCESSED"), e.getMessage());
    }

    @Test
    void anAnswerInAFewWordsAndTheRetryRuleOfItsStatus() {
        ExtendRateLimitException e = new ExtendRateLimitException("slow down", "workflow_run_x",
                ErrorAnswer.of(429, "RATE_LIMITED", "Too many requests").withRetryAfter(Duration.ofSeconds(30)));

        assertEquals(Duration.ofSeconds(30), e.getRetryAfter());
        assertTrue(e.isRetryable(), "429 without Extend's flag is retryable");
        assertEquals(429, e.getHttpResponseCode());
        assertTrue(e.getResponseHeaders().isEmpty());
        assertNull(e.getResponseBody());
    }

    @Test
    void exceptionsSurviveSerialization() throws Exception {
        ExtendServerException e = new ExtendServerException("down", "workflow_run_x",
                new ErrorAnswer(503, "Service Unavailable", java.util.Map.of("Retry-After", "5"), "{}", "UNAVAILABLE",
                        "try later", true, "req_1", Duration.ofSeconds(5)));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(e);
        }
        ExtendServerException back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (ExtendServerException) in.readObject();
        }

        assertEquals(e.getAnswer(), back.getAnswer());
        assertEquals("workflow_run_x", back.getRunId());
        assertEquals(503, back.getStatusCode());
    }
}

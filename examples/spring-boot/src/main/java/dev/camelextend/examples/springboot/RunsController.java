package dev.camelextend.examples.springboot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.camelextend.ExtendCancelNotAllowedException;
import dev.camelextend.ExtendInvalidRunIdException;
import dev.camelextend.ExtendNotFoundException;
import dev.camelextend.model.ExtendWebhookEvent;
import dev.camelextend.model.WorkflowRun;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /runs/{id}/cancel}: sends the ID to the route and answers with the run's status; a run that already
 * finished is 409 with its status, an unknown one 404, a malformed ID 400. Other failures (Extend unreachable, a
 * rejected key) are left to Spring's error handling, a 500. {@code GET /runs/{id}/events}: the webhook events the
 * application received for the run (WebhookRoute), oldest first, as {@code eventId}, {@code eventType} and the run's
 * {@code status} in the event.
 */
@RestController
public class RunsController {

    private final ProducerTemplate producer;
    private final RunEvents events;

    public RunsController(ProducerTemplate producer, RunEvents events) {
        this.producer = producer;
        this.events = events;
    }

    @GetMapping("/runs/{id}/events")
    public List<Map<String, Object>> events(@PathVariable("id") String id) {
        return events.of(id).stream().map(RunsController::describe).toList();
    }

    private static Map<String, Object> describe(ExtendWebhookEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", event.getEventId());
        body.put("eventType", event.getEventType());
        body.put("status", event.getWorkflowRun() == null ? null : String.valueOf(event.getWorkflowRun().getStatus()));
        return body;
    }

    @PostMapping("/runs/{id}/cancel")
    public ResponseEntity<Map<String, Object>> cancel(@PathVariable("id") String id) {
        try {
            WorkflowRun run = producer.requestBody("direct:cancel-run", id, WorkflowRun.class);
            return answer(HttpStatus.OK, run.getId(), run.getStatus(), null);
        } catch (CamelExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ExtendCancelNotAllowedException refused) {
                return answer(HttpStatus.CONFLICT, id, refused.getRunStatus(), "the run has already finished");
            }
            if (cause instanceof ExtendNotFoundException) {
                return answer(HttpStatus.NOT_FOUND, id, null, "no such run");
            }
            if (cause instanceof ExtendInvalidRunIdException) {
                return answer(HttpStatus.BAD_REQUEST, null, null, "not a workflow run ID");
            }
            throw e;
        }
    }

    private static ResponseEntity<Map<String, Object>> answer(HttpStatus status, String id, Object runStatus,
                                                              String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("status", runStatus == null ? null : String.valueOf(runStatus));
        if (reason != null) {
            body.put("reason", reason);
        }
        return ResponseEntity.status(status).body(body);
    }
}

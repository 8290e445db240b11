// Owns: the webhook events the application received, kept in memory per run (the newest 1,000 runs), for
// GET /runs/{id}/events.
package dev.camelextend.examples.springboot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.camelextend.model.ExtendWebhookEvent;
import org.springframework.stereotype.Component;

/**
 * What WebhookRoute does with an event: it remembers it under its run. An example's store: an application would hand
 * the event on (a queue, a database) instead. Bounded, because a webhook sender decides how many events come. The
 * lock is the map's, not the methods': deliveries run on several threads, and a test that holds one of them in
 * {@code record} (WebhookEngineTest) must not hold the others.
 */
@Component
public class RunEvents {

    static final int MAX_RUNS = 1_000;

    private final Map<String, List<ExtendWebhookEvent>> byRun = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<ExtendWebhookEvent>> eldest) {
            return size() > MAX_RUNS;
        }
    };

    /** Called by the route, once per event ID; an event of no run (not a workflow_run.* event) is kept under "". */
    public void record(ExtendWebhookEvent event) {
        String runId = event.getRunId() == null ? "" : event.getRunId();
        synchronized (byRun) {
            byRun.computeIfAbsent(runId, id -> new ArrayList<>()).add(event);
        }
    }

    /** The events of a run, oldest first (a copy). */
    public List<ExtendWebhookEvent> of(String runId) {
        synchronized (byRun) {
            return List.copyOf(byRun.getOrDefault(runId, List.of()));
        }
    }
}

// Owns: the names of Extend's webhook events: the global ones an endpoint may enable, the resource-scoped ones a
// subscription may enable per resource type, and which workflow_run event a settled run status emits.
package dev.camelextend.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * As extend-ai 1.17.0 lists them ({@code WebhookEndpointEventType}, {@code WebhookSubscriptionEventType},
 * {@code WebhookSubscriptionResourceType}). The SDK types are open strings so that old clients survive new events;
 * the server only accepts the events it knows, so the simulator does too.
 */
final class WebhookEventTypes {

    /** Global events: note that no {@code workflow_run.*} event is among them. */
    static final List<String> GLOBAL = List.of("parse_run.processed", "parse_run.failed", "edit_run.processed",
            "edit_run.failed", "extract_run.processed", "extract_run.failed", "classify_run.processed",
            "classify_run.failed", "split_run.processed", "split_run.failed", "batch_processor_run.processed",
            "batch_processor_run.failed", "batch_parse_run.processed", "batch_parse_run.failed", "extractor.created",
            "extractor.updated", "extractor.deleted", "extractor.draft.updated", "extractor.version.published",
            "classifier.created", "classifier.updated", "classifier.deleted", "classifier.draft.updated",
            "classifier.version.published", "splitter.created", "splitter.updated", "splitter.deleted",
            "splitter.draft.updated", "splitter.version.published", "workflow.created", "workflow.deployed",
            "workflow.deleted");

    /** The events of a workflow's runs, which only a subscription with {@code resourceType: "workflow"} delivers. */
    static final List<String> WORKFLOW_RUN = List.of("workflow_run.completed", "workflow_run.failed",
            "workflow_run.needs_review", "workflow_run.rejected", "workflow_run.cancelled",
            "workflow_run.step_run.processed");

    /** Per resource type, the events a subscription to one resource of that type may enable. */
    static final Map<String, List<String>> BY_RESOURCE_TYPE;

    static {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("extractor", List.of("extract_run.processed", "extract_run.failed", "batch_processor_run.processed",
                "batch_processor_run.failed"));
        m.put("classifier", List.of("classify_run.processed", "classify_run.failed", "batch_processor_run.processed",
                "batch_processor_run.failed"));
        m.put("splitter", List.of("split_run.processed", "split_run.failed", "batch_processor_run.processed",
                "batch_processor_run.failed"));
        m.put("workflow", WORKFLOW_RUN);
        BY_RESOURCE_TYPE = Map.copyOf(m);
    }

    static final List<String> RESOURCE_TYPES = List.of("extractor", "classifier", "splitter", "workflow");

    private WebhookEventTypes() {
    }

    /**
     * The event a workflow run emits when it settles in {@code status}, or null for a status that is not settled
     * (PENDING, PROCESSING, CANCELLING). NEEDS_REVIEW counts as settled: the run waits for a person, not for Extend.
     */
    static String ofSettledRun(String status) {
        return switch (status) {
            case "PROCESSED" -> "workflow_run.completed";
            case "FAILED" -> "workflow_run.failed";
            case "NEEDS_REVIEW" -> "workflow_run.needs_review";
            case "REJECTED" -> "workflow_run.rejected";
            case "CANCELLED" -> "workflow_run.cancelled";
            default -> null;
        };
    }
}

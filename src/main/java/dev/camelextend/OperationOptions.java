package dev.camelextend;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.camelextend.client.RunKind;
import dev.camelextend.client.RunListQuery;
import dev.camelextend.client.WaitSettings;

/**
 * The options of waits, listings and run kinds turned into the client's types, checked: the endpoint runs them at
 * route start, so a bad option fails there naming it, and {@link OperationCalls} builds each message's call from them.
 */
final class OperationOptions {

    private OperationOptions() {
    }

    /** The options of waits, listings and batches, so that a bad one fails the route at start, not a message. */
    static void check(ExtendConfiguration c) {
        try {
            configuredKind(c.getRunKind());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The runKind option is invalid: " + e.getMessage());
        }
        waitSettings(c);
        if (c.getPageSize() < 1 || c.getPageSize() > RunListQuery.MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be 1 to " + RunListQuery.MAX_PAGE_SIZE + ", got "
                                               + c.getPageSize());
        }
        try {
            optionQuery(c);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("A listing option is invalid: " + e.getMessage());
        }
        if (c.getBatchConcurrency() < 1) {
            throw new IllegalArgumentException("batchConcurrency must be 1 or more, got " + c.getBatchConcurrency());
        }
        if (c.getMaxPasses() < 1) {
            throw new IllegalArgumentException("maxPasses must be 1 or more, got " + c.getMaxPasses());
        }
        if (c.getProgressInterval() <= 0) {
            throw new IllegalArgumentException("progressInterval must be positive, got " + c.getProgressInterval()
                                               + " ms");
        }
    }

    /** The settings of a wait, checked (also at route start, so a bad one fails there). */
    static WaitSettings waitSettings(ExtendConfiguration config) {
        return new WaitSettings(Duration.ofMillis(config.getWaitTimeout()), Duration.ofMillis(config.getPollInterval()),
                Duration.ofMillis(config.getMaxPollInterval()), config.getMaxFailedPolls());
    }

    /** The options' filters alone, checked at route start. */
    static RunListQuery optionQuery(ExtendConfiguration config) {
        return new RunListQuery(splitStatuses(config.getStatus(), "status option"), config.getWorkflowId(),
                config.getBatchId(), config.getSourceId(), config.getFileNameContains(), config.getSortBy(),
                config.getSortDir(), config.getPageSize());
    }

    /** The run kind option, checked: auto, or one of the kinds. */
    static RunKind configuredKind(String label) {
        return label == null || "auto".equalsIgnoreCase(label.trim()) ? null : RunKind.ofLabel(label);
    }

    /** Comma-separated statuses, upper-cased and without repeats; none named at all is a mistake. */
    static List<String> splitStatuses(String text, String source) {
        List<String> statuses = new ArrayList<>();
        if (text != null) {
            for (String part : text.split(",")) {
                String status = part.trim().toUpperCase(Locale.ROOT);
                if (!status.isEmpty() && !statuses.contains(status)) {
                    statuses.add(status);
                }
            }
        }
        if (text != null && statuses.isEmpty()) {
            throw new IllegalArgumentException("The " + source + " names no status");
        }
        return statuses;
    }
}

// Owns: the settings a running simulator may change (cancel refusal status, cancel delay, lifecycle durations,
// default outcome, workflow names) and the checks of every configurable value.
package dev.camelextend.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** Settings shared by the façade, the run store and the endpoints; volatile, read when used. */
final class SimulatorSettings {

    static final List<String> OUTCOMES = List.of("PROCESSED", "FAILED", "NEEDS_REVIEW");
    /** a processor run's statuses: no NEEDS_REVIEW, REJECTED or CANCELLING (TS ProcessorRunStatus) */
    static final List<String> PROCESSOR_STATUSES = List.of("PENDING", "PROCESSING", "PROCESSED", "FAILED",
            "CANCELLED");
    static final List<String> PROCESSOR_OUTCOMES = List.of("PROCESSED", "FAILED");

    final Map<String, String> workflowNames = new ConcurrentHashMap<>();
    volatile int cancelRefusalStatus;
    volatile Duration cancelDelay;
    volatile Duration pendingDuration;
    volatile Duration processingDuration;
    volatile String defaultOutcome;

    SimulatorSettings(int cancelRefusalStatus, Duration cancelDelay, Duration pendingDuration,
            Duration processingDuration, String defaultOutcome, Map<String, String> workflows) {
        this.cancelRefusalStatus = cancelRefusalStatus;
        this.cancelDelay = cancelDelay;
        this.pendingDuration = pendingDuration;
        this.processingDuration = processingDuration;
        this.defaultOutcome = defaultOutcome;
        this.workflowNames.put(ExtendSimulator.DEFAULT_WORKFLOW_ID, "Invoice Processing");
        this.workflowNames.putAll(workflows);
    }

    static String checkStatus(String status) {
        if (!ExtendSimulator.RUN_STATUSES.contains(status)) {
            throw new IllegalArgumentException("Unknown run status '" + status + "', expected one of "
                    + ExtendSimulator.RUN_STATUSES);
        }
        return status;
    }

    static String checkProcessorStatus(String status) {
        if (!PROCESSOR_STATUSES.contains(status)) {
            throw new IllegalArgumentException("Unknown processor run status '" + status + "', expected one of "
                    + PROCESSOR_STATUSES);
        }
        return status;
    }

    static String checkProcessorOutcome(String status) {
        if (!PROCESSOR_OUTCOMES.contains(status)) {
            throw new IllegalArgumentException("A processor run's outcome must be one of " + PROCESSOR_OUTCOMES
                    + ", got '" + status + "'");
        }
        return status;
    }

    static String checkOutcome(String status) {
        if (!OUTCOMES.contains(status)) {
            throw new IllegalArgumentException("Outcome must be one of " + OUTCOMES + ", got '" + status + "'");
        }
        return status;
    }

    static int checkRefusalStatus(int status) {
        if (status != 400 && status != 409 && status != 422) {
            throw new IllegalArgumentException("cancelRefusalStatus must be 400, 409 or 422, got " + status);
        }
        return status;
    }

    static Duration checkDuration(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + d);
        }
        return d;
    }
}

package dev.camelextend.support;

import dev.camelextend.ExtendCancelNotAllowedException;
import dev.camelextend.model.WorkflowRun;
import dev.camelextend.simulator.ExtendSimulator;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The two outcomes every way of writing a cancel (a URI, the Endpoint DSL, a Kamelet) must give against the
 * simulator: a running run is cancelled and comes back as the body, a finished one is refused with
 * {@link ExtendCancelNotAllowedException} and left as it was.
 */
public final class CancelChecks {

    private CancelChecks() {
    }

    /** Cancels a new PROCESSING run through {@code uri}; returns the exchange for further checks. */
    public static Exchange cancelsARunningRun(ProducerTemplate template, ExtendSimulator sim, String uri) {
        String running = sim.seedRun("PROCESSING");
        Exchange cancelled = template.request(uri, e -> e.getIn().setBody(running));
        assertNull(cancelled.getException());
        assertEquals(running, assertInstanceOf(WorkflowRun.class, cancelled.getMessage().getBody()).getId());
        assertEquals("CANCELLED", sim.status(running));
        return cancelled;
    }

    /** Sends a new PROCESSED run to {@code uri} and checks the refusal; returns the run's ID. */
    public static String refusesAFinishedRun(ProducerTemplate template, ExtendSimulator sim, String uri) {
        String finished = sim.seedRun("PROCESSED");
        Exchange refused = template.request(uri, e -> e.getIn().setBody(finished));
        ExtendCancelNotAllowedException e = assertInstanceOf(ExtendCancelNotAllowedException.class,
                refused.getException());
        assertEquals(finished, e.getRunId());
        assertEquals("PROCESSED", sim.status(finished));
        return finished;
    }
}

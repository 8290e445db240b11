// Owns: turning a settled workflow run into webhook deliveries: which event its status is, leaving dashboard runs
// out, the envelope {"eventId","eventType","payload"} with the run as GET returns it, one delivery per subscribed
// endpoint, and the extra copies the duplicate faults ask for.
package dev.camelextend.simulator;

import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static dev.camelextend.simulator.SimSupport.ALNUM;
import static dev.camelextend.simulator.SimSupport.MAPPER;
import static dev.camelextend.simulator.SimSupport.randomString;

/**
 * Told by each {@link SimRun} the moment it settles, while its lock is held: so the payload is the run exactly as it
 * settled, and this only renders and queues. A failure here is logged and never reaches the run's lifecycle.
 */
final class RunEvents implements SimRun.SettleListener {

    private static final Logger LOG = LoggerFactory.getLogger(ExtendSimulator.class);

    private final WebhookRegistry registry;
    private final WebhookDispatcher dispatcher;
    private final PayloadFormat format;
    private final SimulatorFaults faults;
    private final Random idRandom;
    private final AtomicBoolean duplicateNext = new AtomicBoolean();

    /** How the payload of one endpoint is sent: inline, or as a signed URL. */
    interface PayloadFormat {
        JsonNode payloadFor(WebhookEndpoint endpoint, ObjectNode run, byte[] runBytes);
    }

    RunEvents(WebhookRegistry registry, WebhookDispatcher dispatcher, PayloadFormat format, SimulatorFaults faults,
            long seed) {
        this.registry = registry;
        this.dispatcher = dispatcher;
        this.format = format;
        this.faults = faults;
        this.idRandom = new Random(seed ^ 0x6576_656e_7473L);
    }

    @Override
    public void settled(SimRun run) {
        String type = WebhookEventTypes.ofSettledRun(run.status());
        // "Run events are only delivered for runs created through the API": dashboard runs trigger no webhook
        if (type == null || run.dashboard) {
            return;
        }
        try {
            List<WebhookEndpoint> targets = registry.targets(run.workflowId, type);
            if (targets.isEmpty()) {
                return;
            }
            ObjectNode payload = run.toJson();
            byte[] payloadBytes = MAPPER.writeValueAsBytes(payload);
            String eventId = newEventId();
            for (WebhookEndpoint endpoint : targets) {
                ObjectNode event = MAPPER.createObjectNode();
                event.put("eventId", eventId);
                event.put("eventType", type);
                event.set("payload", format.payloadFor(endpoint, payload, payloadBytes));
                byte[] body = MAPPER.writeValueAsBytes(event);
                dispatcher.submit(endpoint, eventId, type, body, false);
                if (duplicateNext.getAndSet(false) || faults.drawDuplicateWebhook()) {
                    dispatcher.submit(endpoint, eventId, type, body, true);
                }
            }
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warn("Extend simulator could not deliver the {} event of run {}", type, run.id, e);
        }
    }

    /** The next delivery queued is sent twice: the same event ID and body, separate attempts. */
    void duplicateNext() {
        duplicateNext.set(true);
    }

    void clear() {
        duplicateNext.set(false);
    }

    private String newEventId() {
        synchronized (idRandom) {
            return "evt_" + randomString(idRandom, ALNUM, 20);
        }
    }
}

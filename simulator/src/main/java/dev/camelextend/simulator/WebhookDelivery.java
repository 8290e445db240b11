// Owns: one entry of the webhook delivery journal: one attempt to deliver one event to one endpoint (or one delivery
// dropped from a full queue), what was sent and what came back.
package dev.camelextend.simulator;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * One attempt of the simulator to deliver an event, as {@link ExtendSimulator#webhookDeliveries()} lists it. Immutable.
 * {@link #toString()} leaves out the body and the headers.
 *
 * @param at         wall-clock time the attempt ended (the answer came, or it failed)
 * @param eventId    the event's {@code evt_...} ID: the same on every attempt, every endpoint and every duplicate
 * @param eventType  e.g. {@code workflow_run.cancelled}
 * @param endpointId the {@code wh_...} endpoint
 * @param url        the URL posted to
 * @param attempt    1 for the first try, 2 for the first retry, ...; 0 for a delivery {@link Outcome#DROPPED dropped}
 *                   before any attempt
 * @param duplicate  true for the extra copy of {@link SimulatorFaults#duplicateWebhookRate(double)} and
 *                   {@link ExtendSimulator#duplicateNextWebhook()}
 * @param outcome    what came of the attempt
 * @param status     the HTTP status answered, or 0 when there was no answer
 * @param failure    why there was no answer (the exception, or why the delivery was dropped), or null
 * @param retrying   true when another attempt is scheduled
 * @param headers    the request headers sent, names lower-cased (signature, timestamp, custom headers ...)
 * @param body       the request body sent: {@code {"eventId","eventType","payload"}}
 */
public record WebhookDelivery(Instant at, String eventId, String eventType, String endpointId, String url,
        int attempt, boolean duplicate, Outcome outcome, int status, String failure, boolean retrying,
        Map<String, String> headers, String body) {

    /** What came of one attempt. */
    public enum Outcome {
        /** the endpoint answered 2xx */
        DELIVERED,
        /** the endpoint answered, with another status */
        REJECTED,
        /** no answer within the delivery timeout ({@link SimulatorBuilder#webhookTimeout}) */
        TIMED_OUT,
        /** the connection could not be made, or broke */
        CONNECTION_FAILED,
        /** never attempted: the delivery queue was full ({@link SimulatorBuilder#webhookQueueCapacity}) */
        DROPPED
    }

    public WebhookDelivery {
        headers = Map.copyOf(headers);
    }

    /** True when the endpoint answered 2xx. */
    public boolean delivered() {
        return outcome == Outcome.DELIVERED;
    }

    /** A request header sent (case-insensitive name), or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return "WebhookDelivery[" + eventType + " " + eventId + (duplicate ? " (duplicate)" : "") + " -> " + url
                + " attempt " + attempt + ": " + outcome + (status > 0 ? " " + status : "")
                + (failure != null ? " (" + failure + ")" : "") + (retrying ? ", retrying" : "") + "]";
    }
}

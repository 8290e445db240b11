package dev.camelextend.client;

import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelextend.model.ExtendWebhookEvent;
import dev.camelextend.model.StepRun;
import dev.camelextend.model.WorkflowRun;

/**
 * Reads a verified delivery into an {@link ExtendWebhookEvent} with the component's strict mapper (a trailing token or
 * a duplicate key is no envelope): first the envelope ({@link #envelope}), which says whether the payload is inline or
 * behind a signed URL, then the payload, typed by the event type ({@link #event}). Whatever is not an envelope is a
 * {@link WebhookFormatException}, whose message quotes nothing of the body.
 */
public final class WebhookEvents {

    /** The longest event ID or event type accepted: they become headers. */
    static final int MAX_FIELD_CHARS = 255;
    private static final String SIGNED_DATA_URL = "signed_data_url";

    private WebhookEvents() {
    }

    /**
     * The envelope of a delivery. {@code signedUrl} is set when the payload is {@code {"object": "signed_data_url",
     * "data": URL}}: then the payload is still to be fetched. The URL is a credential for an hour; it is never printed.
     */
    public record Envelope(String eventId, String eventType, JsonNode payload, String signedUrl,
                           Map<String, Object> extras) {

        @Override
        public String toString() {
            return "Envelope[eventId=" + eventId + ", eventType=" + eventType + ", signed URL "
                   + (signedUrl != null) + "]";
        }
    }

    /** A body that is not JSON, or JSON that is not an Extend webhook envelope or payload. */
    public static final class WebhookFormatException extends Exception {

        private static final long serialVersionUID = 1L;

        public WebhookFormatException(String message) {
            super(message);
        }
    }

    /** The envelope of a verified body. */
    public static Envelope envelope(byte[] body, ObjectMapper mapper) throws WebhookFormatException {
        JsonNode root = tree(body, mapper, "the body");
        if (!root.isObject()) {
            throw new WebhookFormatException("the body is not a JSON object");
        }
        String eventId = field(root, "eventId");
        String eventType = field(root, "eventType");
        JsonNode payload = root.get("payload");
        if (payload == null || !payload.isObject()) {
            throw new WebhookFormatException("the payload is missing or not a JSON object");
        }
        String signedUrl = null;
        if (SIGNED_DATA_URL.equals(payload.path("object").asText(null))) {
            JsonNode data = payload.get("data");
            if (data == null || !data.isTextual() || data.asText().isBlank()) {
                throw new WebhookFormatException("the signed_data_url payload has no data URL");
            }
            signedUrl = data.asText();
        }
        Map<String, Object> extras = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            if (!"eventId".equals(e.getKey()) && !"eventType".equals(e.getKey()) && !"payload".equals(e.getKey())) {
                extras.put(e.getKey(), mapper.convertValue(e.getValue(), Object.class));
            }
        }
        return new Envelope(eventId, eventType, payload, signedUrl, extras);
    }

    /** The payload a signed URL held: one JSON object. */
    public static JsonNode fetchedPayload(byte[] body, ObjectMapper mapper) throws WebhookFormatException {
        JsonNode payload = tree(body, mapper, "the signed URL's payload");
        if (!payload.isObject()) {
            throw new WebhookFormatException("the signed URL's payload is not a JSON object");
        }
        return payload;
    }

    /**
     * The event with its payload typed: a {@link StepRun} for {@code workflow_run.step_run.processed}, a
     * {@link WorkflowRun} for the other {@code workflow_run.*} events, the tree itself for any other type. The
     * envelope's other properties are kept.
     */
    public static ExtendWebhookEvent event(Envelope envelope, JsonNode payload, ObjectMapper mapper)
            throws WebhookFormatException {
        String type = envelope.eventType();
        Object typed;
        try {
            if (ExtendWebhookEvent.STEP_RUN_PROCESSED.equals(type)) {
                typed = mapper.treeToValue(payload, StepRun.class);
            } else if (type.startsWith(ExtendWebhookEvent.WORKFLOW_RUN_EVENTS)) {
                typed = mapper.treeToValue(payload, WorkflowRun.class);
            } else {
                typed = payload;
            }
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new WebhookFormatException("the payload of a " + type + " event is not what that event carries");
        }
        ExtendWebhookEvent event = new ExtendWebhookEvent(envelope.eventId(), type, typed);
        envelope.extras().forEach(event::setAdditionalProperty);
        return event;
    }

    private static JsonNode tree(byte[] body, ObjectMapper mapper, String what) throws WebhookFormatException {
        if (body.length == 0) {
            throw new WebhookFormatException(what + " is empty");
        }
        try {
            JsonNode tree = mapper.readTree(body);
            if (tree == null || tree.isMissingNode()) {
                throw new WebhookFormatException(what + " is empty");
            }
            return tree;
        } catch (IOException e) {
            throw new WebhookFormatException(what + " is not JSON, or not one JSON document");
        }
    }

    /** A text of 1 to {@value #MAX_FIELD_CHARS} printable characters (it becomes a header). */
    private static String field(JsonNode root, String name) throws WebhookFormatException {
        JsonNode node = root.get(name);
        if (node == null || !node.isTextual()) {
            throw new WebhookFormatException("the envelope has no " + name + " text");
        }
        String value = node.asText();
        if (value.isEmpty() || value.length() > MAX_FIELD_CHARS) {
            throw new WebhookFormatException("the envelope's " + name + " is empty or longer than " + MAX_FIELD_CHARS
                                             + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new WebhookFormatException("the envelope's " + name + " contains a control character");
            }
        }
        return value;
    }
}

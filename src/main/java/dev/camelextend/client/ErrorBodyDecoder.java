package dev.camelextend.client;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads an {@link ApiError} out of any error body Extend (or a proxy in front of it) may send. Never throws: a body
 * that is not one of the known JSON shapes becomes an error whose message is the start of the text.
 */
final class ErrorBodyDecoder {

    /** Longest plain-text body quoted as the message, so an HTML error page cannot flood logs. */
    static final int MAX_TEXT_MESSAGE = 300;

    private final ObjectMapper mapper;

    ErrorBodyDecoder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ApiError decode(byte[] body) {
        if (body == null || body.length == 0) {
            return ApiError.EMPTY;
        }
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (Exception notJson) {
            return textError(body);
        }
        if (root == null || !root.isObject()) {
            return textError(body);
        }
        JsonNode error = root.get("error");
        if (error != null && error.isObject()) {
            return fromFlat(error); // {"error":{code,message,...}}
        }
        if (error != null && error.isTextual() && !root.has("code")) {
            return new ApiError(null, error.asText(), null, text(root, "requestId"), null); // legacy {success,error}
        }
        return fromFlat(root);
    }

    private static ApiError fromFlat(JsonNode node) {
        JsonNode retryable = node.get("retryable");
        return new ApiError(text(node, "code"), text(node, "message"),
                retryable != null && retryable.isBoolean() ? retryable.booleanValue() : null,
                text(node, "requestId"), text(node, "docUrl"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    private static ApiError textError(byte[] body) {
        String text = BodyText.start(body, MAX_TEXT_MESSAGE).strip();
        return new ApiError(null, text.isEmpty() ? null : text, null, null, null);
    }
}

package dev.camelextend.client;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads an {@link ApiError} out of any error body Extend (or a proxy in front of it) may send. Never throws: a body
 * that is not one of the known JSON shapes becomes an error whose message is the start of the text. Every text it
 * returns ends up in exception messages, health-check output and log lines, so each goes through {@link ServerText}
 * with the API key: masked before it is cut, single-line, and bounded per field (code, message, request ID).
 */
final class ErrorBodyDecoder {

    private final ObjectMapper mapper;
    private final String secret;

    /** @param secret the API key, masked in every text returned; null for none */
    ErrorBodyDecoder(ObjectMapper mapper, String secret) {
        this.mapper = mapper;
        this.secret = secret;
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
            // legacy {success,error}
            return new ApiError(null, clean(error.asText(), ServerText.TEXT_CHARS), null,
                    text(root, "requestId", ServerText.REQUEST_ID_CHARS), null);
        }
        return fromFlat(root);
    }

    private ApiError fromFlat(JsonNode node) {
        JsonNode retryable = node.get("retryable");
        return new ApiError(text(node, "code", ServerText.ERROR_CODE_CHARS),
                text(node, "message", ServerText.TEXT_CHARS),
                retryable != null && retryable.isBoolean() ? retryable.booleanValue() : null,
                text(node, "requestId", ServerText.REQUEST_ID_CHARS), text(node, "docUrl", ServerText.TEXT_CHARS));
    }

    private String text(JsonNode node, String field, int maxChars) {
        JsonNode value = node.get(field);
        return value != null && value.isValueNode() && !value.isNull() ? clean(value.asText(), maxChars) : null;
    }

    private ApiError textError(byte[] body) {
        String text = ServerText.bodyExcerpt(body, ServerText.TEXT_CHARS, secret);
        return new ApiError(null, text.isEmpty() ? null : text, null, null, null);
    }

    private String clean(String text, int maxChars) {
        return ServerText.clean(text, maxChars, secret);
    }
}

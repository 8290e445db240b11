package dev.camelextend.client;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads an {@link ApiError} out of any error body Extend (or a proxy in front of it) may send. Never throws: a body
 * that is not one of the known JSON shapes becomes an error whose message is the start of the text. Every text it
 * returns ends up in exception messages and log lines, so it is bounded and single-line: control characters (CR/LF
 * included) become spaces, and JSON fields longer than {@link #MAX_TEXT_MESSAGE} characters are cut.
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
            // legacy {success,error}
            return new ApiError(null, clean(error.asText()), null, text(root, "requestId"), null);
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
        return value != null && value.isValueNode() && !value.isNull() ? clean(value.asText()) : null;
    }

    private static ApiError textError(byte[] body) {
        String text = singleLine(BodyText.start(body, MAX_TEXT_MESSAGE).strip()); // already cut, with its marker
        return new ApiError(null, text.isEmpty() ? null : text, null, null, null);
    }

    /** At most {@link #MAX_TEXT_MESSAGE} characters (plus "..." when cut), on one line. */
    private static String clean(String text) {
        int len = Math.min(text.length(), MAX_TEXT_MESSAGE);
        if (len < text.length() && Character.isHighSurrogate(text.charAt(len - 1))) {
            len--; // do not split a surrogate pair
        }
        String kept = singleLine(text.substring(0, len));
        return len < text.length() ? kept + "..." : kept;
    }

    /** Control characters (CR, LF, tab, ESC, NUL, C1 ...) as spaces, so a body cannot forge log lines. */
    private static String singleLine(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                if (sb == null) {
                    sb = new StringBuilder(text);
                }
                sb.setCharAt(i, ' ');
            }
        }
        return sb == null ? text : sb.toString();
    }
}

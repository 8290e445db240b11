package dev.camelextend.client;

import java.util.Map;

/** One HTTP answer, fully read (bounded by the client's maximum response size). */
record RawResponse(int status, String reason, Map<String, String> headers, byte[] body) {

    /** How much of a body an exception or log line quotes. */
    static final int QUOTED_BODY_CHARS = 4096;

    String header(String name) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    String requestId() {
        return header("x-extend-request-id");
    }

    String bodyText() {
        return BodyText.start(body, QUOTED_BODY_CHARS);
    }

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}

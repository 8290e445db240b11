package dev.camelextend.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;

/**
 * One HTTP answer, fully read (bounded by the client's maximum response size). The headers stay in HttpCore's message
 * and are looked up there: a successful call reads one of them, and only a failure copies them all into a map.
 */
record RawResponse(HttpResponse head, byte[] body) {

    RawResponse {
        body = body == null ? new byte[0] : body;
    }

    int status() {
        return head.getCode();
    }

    String reason() {
        return head.getReasonPhrase();
    }

    /** The value of a header, case-insensitively; repeated headers are joined with ", " (RFC 9110, 5.3). */
    String header(String name) {
        Header[] found = head.getHeaders(name);
        if (found.length == 0) {
            return null;
        }
        if (found.length == 1) {
            return found[0].getValue();
        }
        StringBuilder joined = new StringBuilder(found[0].getValue());
        for (int i = 1; i < found.length; i++) {
            joined.append(", ").append(found[i].getValue());
        }
        return joined.toString();
    }

    /** Every header, repeated ones joined, in the order received: a copy, for exceptions. */
    Map<String, String> headers() {
        Map<String, String> map = new LinkedHashMap<>();
        for (Header h : head.getHeaders()) {
            map.merge(h.getName(), h.getValue(), (a, b) -> a + ", " + b);
        }
        return Collections.unmodifiableMap(map);
    }

    String requestId() {
        return header("x-extend-request-id");
    }

    /** True when the body carries a content coding (gzip, br, ...) other than identity. */
    boolean isEncoded() {
        String coding = header("Content-Encoding");
        return coding != null && !coding.isBlank() && !"identity".equalsIgnoreCase(coding.strip());
    }

    boolean isSuccess() {
        int status = status();
        return status >= 200 && status < 300;
    }
}

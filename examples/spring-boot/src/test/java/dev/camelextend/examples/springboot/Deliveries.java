// Owns: webhook deliveries as Extend makes them, for the tests to post: the envelope and the signature headers, with
// an HMAC computed here (the JDK's Mac), not by the component under test.
package dev.camelextend.examples.springboot;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Extend signs a delivery with the lower-case hex HMAC-SHA256 of {@code v0:{timestamp}:{raw body}}, keyed with the
 * UTF-8 bytes of the endpoint's signing secret, and sends it in {@code x-extend-request-signature} beside the Unix
 * seconds in {@code x-extend-request-timestamp}.
 */
final class Deliveries {

    /** The EXTEND_WEBHOOK_SECRET that the build gives the test JVM (pom.xml), read by application.properties. */
    static final String SECRET = "wss_test_spring_boot_Zq4Lm8Xr2";
    static final String TIMESTAMP_HEADER = "x-extend-request-timestamp";
    static final String SIGNATURE_HEADER = "x-extend-request-signature";

    private Deliveries() {
    }

    static String sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** The headers of a delivery of {@code body} signed now with {@code secret}. */
    static Map<String, String> signed(String secret, byte[] body) {
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put(TIMESTAMP_HEADER, timestamp);
        headers.put(SIGNATURE_HEADER, sign(secret, timestamp, body));
        return headers;
    }

    /** {@code {"eventId":..,"eventType":..,"payload":..}}: the envelope of every Extend event. */
    static byte[] envelope(String eventId, String eventType, String payloadJson) {
        return ("{\"eventId\":\"" + eventId + "\",\"eventType\":\"" + eventType + "\",\"payload\":" + payloadJson + "}")
                .getBytes(StandardCharsets.UTF_8);
    }
}

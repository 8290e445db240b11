// Owns: Extend's webhook signature: lower-case hex HMAC-SHA256, keyed with the endpoint's signing secret, over
// "v0:{timestamp}:{rawBody}".
package dev.camelextend.simulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * As the SDKs verify it (extend-ai {@code Webhooks.verifySignature}): the header {@code x-extend-request-timestamp}
 * carries Unix seconds, {@code x-extend-request-signature} the digest. The body is signed as the bytes sent, which are
 * UTF-8 JSON, so the message is the same whether a receiver reads the body as bytes or as text.
 */
final class WebhookSigner {

    static final String TIMESTAMP_HEADER = "x-extend-request-timestamp";
    static final String SIGNATURE_HEADER = "x-extend-request-signature";

    private WebhookSigner() {
    }

    static String sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e); // every JDK has it
        }
    }
}

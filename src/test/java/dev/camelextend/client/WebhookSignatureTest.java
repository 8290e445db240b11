package dev.camelextend.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import dev.camelextend.client.WebhookSignature.Verdict;
import dev.camelextend.support.WebhookTestKit;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The signature rule alone, against the test's own HMAC ({@link WebhookTestKit#sign}) and a fixed clock: Extend's
 * scheme, the SDK's lower-casing, the tolerance's edges, rotation; and the {@code secret} option's parsing.
 */
class WebhookSignatureTest {

    static final long NOW = 1_780_000_000L;
    static final byte[] BODY = "{\"eventId\":\"e\"}".getBytes(StandardCharsets.UTF_8);
    static final WebhookSignature ONE = new WebhookSignature(List.of("wss_a"), Duration.ofSeconds(300));

    static String sig(String secret, long ts) {
        return WebhookTestKit.sign(secret, String.valueOf(ts), BODY);
    }

    @Test
    void extendsSchemeVerifies() {
        assertEquals(Verdict.VALID, ONE.verify(String.valueOf(NOW), sig("wss_a", NOW), BODY, NOW));
        assertEquals(Verdict.MISMATCH, ONE.verify(String.valueOf(NOW), sig("wss_b", NOW), BODY, NOW));
        assertEquals(Verdict.MISMATCH, ONE.verify(String.valueOf(NOW), sig("wss_a", NOW - 1), BODY, NOW),
                "the timestamp is signed");
        assertEquals(Verdict.MISMATCH, ONE.verify(String.valueOf(NOW), sig("wss_a", NOW), "{}".getBytes(), NOW));
        assertEquals(Verdict.MISMATCH, ONE.verify("0" + NOW, sig("wss_a", NOW), BODY, NOW),
                "the timestamp is signed as sent, not as its number");
    }

    @Test
    void theSignatureIsLowerCasedAsTheSdkDoes() {
        assertEquals(Verdict.VALID, ONE.verify(String.valueOf(NOW), sig("wss_a", NOW).toUpperCase(Locale.ROOT), BODY,
                NOW));
    }

    @Test
    void anythingButSixtyFourHexDigitsIsMalformed() {
        String good = sig("wss_a", NOW);
        for (String bad : List.of("", good.substring(1), good + "a", " " + good.substring(1), good.substring(2) + "g0",
                good.substring(4) + "\uff10\uff10\uff10\uff10", good.substring(2) + "\u0660\u0661")) {
            assertEquals(Verdict.MALFORMED_SIGNATURE, ONE.verify(String.valueOf(NOW), bad, BODY, NOW), bad);
        }
    }

    @Test
    void theToleranceAndTheFutureBound() {
        assertEquals(Verdict.VALID, ONE.verify(String.valueOf(NOW - 300), sig("wss_a", NOW - 300), BODY, NOW));
        assertEquals(Verdict.TOO_OLD, ONE.verify(String.valueOf(NOW - 301), sig("wss_a", NOW - 301), BODY, NOW));
        assertEquals(Verdict.VALID, ONE.verify(String.valueOf(NOW + 60), sig("wss_a", NOW + 60), BODY, NOW));
        assertEquals(Verdict.IN_THE_FUTURE, ONE.verify(String.valueOf(NOW + 61), sig("wss_a", NOW + 61), BODY, NOW));
        WebhookSignature noAge = new WebhookSignature(List.of("wss_a"), Duration.ZERO);
        assertEquals(Verdict.VALID, noAge.verify("1", sig("wss_a", 1), BODY, NOW));
        assertEquals(Verdict.IN_THE_FUTURE, noAge.verify(String.valueOf(NOW + 61), sig("wss_a", NOW + 61), BODY, NOW));
    }

    @Test
    void theChecksComeInTheSdksOrder() {
        assertEquals(Verdict.MISSING_HEADERS, ONE.verify(null, sig("wss_a", NOW), BODY, NOW));
        assertEquals(Verdict.MISSING_HEADERS, ONE.verify(String.valueOf(NOW), null, BODY, NOW));
        for (String ts : List.of("", "abc", "-1", "+1", "1.0", " 1", "1234567890123", "\u0661")) {
            assertEquals(Verdict.MALFORMED_TIMESTAMP, ONE.verify(ts, sig("wss_a", NOW), BODY, NOW), ts);
        }
        assertEquals(Verdict.TOO_OLD, ONE.verify(String.valueOf(NOW - 301), "not hex", BODY, NOW),
                "a stale delivery is stale whatever its signature");
    }

    @Test
    void anyOfSeveralSecretsVerifies() {
        WebhookSignature rotating = new WebhookSignature(List.of("wss_old", "wss_new"), Duration.ofSeconds(300));
        assertEquals(Verdict.VALID, rotating.verify(String.valueOf(NOW), sig("wss_old", NOW), BODY, NOW));
        assertEquals(Verdict.VALID, rotating.verify(String.valueOf(NOW), sig("wss_new", NOW), BODY, NOW));
        assertEquals(Verdict.MISMATCH, rotating.verify(String.valueOf(NOW), sig("wss_other", NOW), BODY, NOW));
        assertFalse(rotating.toString().contains("wss_"), rotating.toString());
    }

    @Test
    void theSecretOptionIsOneOrSeveralCommaSeparated() {
        assertEquals(List.of("wss_a"), WebhookSettings.secrets("wss_a"));
        assertEquals(List.of("wss_a", "wss_b"), WebhookSettings.secrets(" wss_a , wss_b "));
        assertEquals(List.of("wss_a"), WebhookSettings.secrets("wss_a,wss_a"));
        assertEquals(List.of(), WebhookSettings.secrets(null));
        assertEquals(List.of(), WebhookSettings.secrets("  "));
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> WebhookSettings.secrets("wss_a,,wss_b"));
        assertTrue(empty.getMessage().contains("position 2"), empty.getMessage());
        IllegalArgumentException inner = assertThrows(IllegalArgumentException.class,
                () -> WebhookSettings.secrets("wss_a b_SECRETPART"));
        assertFalse(inner.getMessage().contains("SECRETPART"), inner.getMessage());
    }
}

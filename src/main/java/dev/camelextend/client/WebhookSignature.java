package dev.camelextend.client;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tells a delivery Extend signed from anything else, on the raw bytes of the request, as Extend's TypeScript SDK does
 * ({@code wrapper/webhooks/Webhooks.js}): {@code x-extend-request-signature} must be the hex HMAC-SHA256 of
 * {@code v0:{x-extend-request-timestamp}:{raw body}} keyed with a signing secret, and the timestamp (Unix seconds)
 * no older than the tolerance and at most {@value #MAX_FUTURE_SECONDS} s ahead.
 * <ul>
 * <li>The signature is lower-cased first, as the SDK does, so upper-case hex passes; anything but 64 hex digits is
 * malformed and compared with nothing.</li>
 * <li>It is compared as 32 decoded bytes with {@link MessageDigest#isEqual}, whose time does not depend on where the
 * bytes differ, against the digest of every secret (several during a rotation), all of them every time.</li>
 * <li>The timestamp must be 1 to 12 decimal digits and is signed as sent. A tolerance of 0 turns the age check off,
 * as the SDK's {@code maxAgeSeconds: 0} does; the check of the future stays.</li>
 * </ul>
 * Thread-safe: every call has its own {@link Mac}. The secrets are held as key bytes and never printed.
 */
public final class WebhookSignature {

    public static final String SIGNATURE_HEADER = "x-extend-request-signature";
    public static final String TIMESTAMP_HEADER = "x-extend-request-timestamp";
    /** How far ahead of this machine's clock a timestamp may be, as in the SDK. */
    public static final long MAX_FUTURE_SECONDS = 60;

    private static final String ALGORITHM = "HmacSHA256";
    private static final int DIGEST_BYTES = 32;

    /** Why a delivery was refused, or that it was not. */
    public enum Verdict {
        VALID("valid"),
        MISSING_HEADERS("missing " + TIMESTAMP_HEADER + " or " + SIGNATURE_HEADER),
        MALFORMED_TIMESTAMP("the timestamp is not Unix seconds"),
        MALFORMED_SIGNATURE("the signature is not 64 hex digits"),
        TOO_OLD("the timestamp is older than the tolerance"),
        IN_THE_FUTURE("the timestamp is in the future"),
        MISMATCH("the signature does not match");

        private final String reason;

        Verdict(String reason) {
            this.reason = reason;
        }

        /** A short text for the answer and the log; it quotes nothing of the request. */
        public String reason() {
            return reason;
        }
    }

    private final List<SecretKeySpec> keys;
    private final long toleranceSeconds;

    /**
     * @param secrets   the signing secrets, each used as its UTF-8 bytes (prefix {@code wss_} included, as Extend
     *                  shows it); at least one
     * @param tolerance how old a timestamp may be; zero turns the age check off
     */
    public WebhookSignature(List<String> secrets, Duration tolerance) {
        if (secrets == null || secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one signing secret is needed");
        }
        List<SecretKeySpec> k = new ArrayList<>(secrets.size());
        for (String secret : secrets) {
            k.add(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
        }
        this.keys = List.copyOf(k);
        this.toleranceSeconds = tolerance.getSeconds();
    }

    /**
     * @param timestamp  the {@code x-extend-request-timestamp} header as received, or null
     * @param signature  the {@code x-extend-request-signature} header as received, or null
     * @param body       the raw request body
     * @param nowSeconds this machine's clock, in Unix seconds
     */
    public Verdict verify(String timestamp, String signature, byte[] body, long nowSeconds) {
        if (timestamp == null || signature == null) {
            return Verdict.MISSING_HEADERS;
        }
        Long sent = seconds(timestamp);
        if (sent == null) {
            return Verdict.MALFORMED_TIMESTAMP;
        }
        if (toleranceSeconds > 0 && nowSeconds - sent > toleranceSeconds) {
            return Verdict.TOO_OLD;
        }
        if (sent - nowSeconds > MAX_FUTURE_SECONDS) {
            return Verdict.IN_THE_FUTURE;
        }
        byte[] claimed = hex(signature.toLowerCase(Locale.ROOT));
        if (claimed == null) {
            return Verdict.MALFORMED_SIGNATURE;
        }
        byte[] prefix = ("v0:" + timestamp + ":").getBytes(StandardCharsets.US_ASCII);
        boolean matched = false;
        for (SecretKeySpec key : keys) {
            matched |= MessageDigest.isEqual(digest(key, prefix, body), claimed); // no early exit
        }
        return matched ? Verdict.VALID : Verdict.MISMATCH;
    }

    private static byte[] digest(SecretKeySpec key, byte[] prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(prefix);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
        }
    }

    /** 1 to 12 decimal digits (Unix seconds until the year 33658), or null. */
    private static Long seconds(String text) {
        if (text.isEmpty() || text.length() > 12) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        return Long.parseLong(text);
    }

    /** Exactly 64 lower-case hex digits as 32 bytes, or null. */
    private static byte[] hex(String text) {
        if (text.length() != 2 * DIGEST_BYTES) {
            return null;
        }
        byte[] bytes = new byte[DIGEST_BYTES];
        for (int i = 0; i < DIGEST_BYTES; i++) {
            int hi = Character.digit(text.charAt(2 * i), 16);
            int lo = Character.digit(text.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0 || !isLowerHex(text.charAt(2 * i)) || !isLowerHex(text.charAt(2 * i + 1))) {
                return null;
            }
            bytes[i] = (byte) (hi << 4 | lo);
        }
        return bytes;
    }

    /** Character.digit also takes full-width and other Unicode digits: only ASCII counts. */
    private static boolean isLowerHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f';
    }

    @Override
    public String toString() {
        return "WebhookSignature[" + keys.size() + " secret(s), tolerance " + toleranceSeconds + " s]";
    }
}

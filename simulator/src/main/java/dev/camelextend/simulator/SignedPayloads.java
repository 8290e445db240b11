// Owns: the payloads behind signed webhook URLs: their unguessable tokens, their hour of validity on the
// SimulatorClock, the bound on how many are kept, and answering GET /webhook_payloads/{token}.
package dev.camelextend.simulator;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import static dev.camelextend.simulator.ErrorReplies.error;
import static dev.camelextend.simulator.ErrorReplies.notAllowed;

/**
 * The simulator's stand-in for the storage a signed URL points at: the URL itself is the only credential, as with a
 * presigned download, so its GET needs no API key and counts against no rate limit. Expiry follows the
 * {@link SimulatorClock}, so that a test can move past the hour; an expired token answers 403, one never issued (or
 * evicted from the full store) 404.
 */
final class SignedPayloads {

    /** "The signed URL to fetch the full payload (expires in 1 hour)" (extend-ai {@code SignedDataUrlPayload}) */
    static final Duration VALIDITY = Duration.ofHours(1);
    static final int CAPACITY = 1000;
    static final String PATH = "/webhook_payloads/";

    enum Found {
        VALID,
        EXPIRED,
        UNKNOWN
    }

    record Lookup(Found found, byte[] payload) {
    }

    private record Entry(byte[] payload, Instant expiresAt) {
    }

    private final int capacity;
    private final SecureRandom random = new SecureRandom();
    /** oldest first: the eldest leaves when the store is full */
    private final LinkedHashMap<String, Entry> entries;

    SignedPayloads(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > SignedPayloads.this.capacity;
            }
        };
    }

    /** Keeps the payload for {@link #VALIDITY} from {@code now}; returns its token (URL-safe, 256 random bits). */
    synchronized String put(byte[] payload, Instant now) {
        byte[] bits = new byte[32];
        String token;
        do {
            random.nextBytes(bits);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
        } while (entries.containsKey(token));
        entries.put(token, new Entry(payload, now.plus(VALIDITY)));
        return token;
    }

    synchronized Lookup find(String token, Instant now) {
        Entry e = entries.get(token);
        if (e == null) {
            return new Lookup(Found.UNKNOWN, null);
        }
        return now.isAfter(e.expiresAt()) ? new Lookup(Found.EXPIRED, null) : new Lookup(Found.VALID, e.payload());
    }

    synchronized int size() {
        return entries.size();
    }

    synchronized void clear() {
        entries.clear();
    }

    /** {@code GET /webhook_payloads/{token}}: the payload JSON, 403 once expired, 404 when unknown. */
    Reply answer(String token, SimRequest req, Instant now) {
        if (!"GET".equals(req.method())) {
            return notAllowed(req, "GET");
        }
        Lookup l = find(token, now);
        return switch (l.found()) {
            case VALID -> new Reply(200, l.payload(), Map.of(), RecordedRequest.Outcome.ANSWERED);
            case EXPIRED -> error(403, "FORBIDDEN", "This signed URL has expired: it is valid for "
                    + VALIDITY.toHours() + " hour", false, req);
            case UNKNOWN -> ErrorReplies.notFound("Signed payload", req);
        };
    }
}

package dev.camelextend.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JVM-wide {@link RateLimiter}s: Extend limits requests per organization, so every endpoint and route in this JVM
 * that uses the same API key and base URL must share one pace. The map key is a SHA-256 digest, so the API key itself
 * is never held in (or printed from) this registry. When endpoints ask for different rates, the lowest wins: a
 * limiter's rate can be lowered by a later endpoint, never raised, so every user keeps sharing the same instance.
 */
public final class RateLimiters {

    private static final Map<String, RateLimiter> LIMITERS = new ConcurrentHashMap<>();

    private RateLimiters() {
    }

    /** The shared limiter for this key and base URL, at no more than {@code permitsPerSecond}. */
    public static RateLimiter forAccount(String apiKey, String baseUrl, double permitsPerSecond) {
        if (!(permitsPerSecond > 0)) {
            throw new IllegalArgumentException("permitsPerSecond must be positive, was " + permitsPerSecond);
        }
        RateLimiter limiter = LIMITERS.computeIfAbsent(digest(apiKey, baseUrl), k -> new RateLimiter(permitsPerSecond));
        limiter.capAt(permitsPerSecond);
        return limiter;
    }

    private static String digest(String apiKey, String baseUrl) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(String.valueOf(apiKey).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(baseUrl.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}

package dev.camelextend.client;

import java.util.regex.Pattern;

/**
 * The check of the IDs the webhook management calls put in paths and bodies - webhook endpoint, subscription and
 * workflow IDs - whether a route or Extend supplied them: they become part of a URL as they are, so only a bounded,
 * path-safe ID is accepted (Extend's are {@code wh_...}, {@code whes_...}, {@code workflow_...}).
 */
public final class WebhookIds {

    /** Far above Extend's IDs (tens of characters): more is not an ID. */
    static final int MAX_LENGTH = 100;
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-]+");

    private WebhookIds() {
    }

    /** Why {@code id} is not usable as the {@code what} ("webhook endpoint ID", ...), or null when it is. */
    public static String problem(String id, String what) {
        if (id == null || id.isBlank()) {
            return "no " + what + " was given";
        }
        if (id.length() > MAX_LENGTH) {
            return "the " + what + " is " + id.length() + " characters long, more than " + MAX_LENGTH;
        }
        if (!SAFE.matcher(id).matches()) {
            return "the " + what + " may only hold letters, digits, '_' and '-'";
        }
        return null;
    }

    /** {@code id}, checked. @throws IllegalArgumentException with {@link #problem}'s text */
    static String check(String id, String what) {
        String problem = problem(id, what);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return id;
    }
}

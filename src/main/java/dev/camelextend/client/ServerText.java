package dev.camelextend.client;

import java.nio.charset.StandardCharsets;

/**
 * The one sanitizer for text a server supplied - a response body, a header value, the reason phrase, a field of an
 * error body - before it is shown to people: in exception messages and getters, in health-check output and in log
 * lines. Extend itself is trusted, but whatever sits in front of it (a proxy, a gateway, a captive portal) may reflect
 * the request's {@code Authorization} header, send control characters that forge log lines or drive a terminal, or
 * send megabytes. Every such text goes through {@link #clean} or {@link #bodyExcerpt}, which always work in this
 * order:
 * <ol>
 * <li><b>mask</b> the API key on the whole text, so {@code Bearer <key>} reads {@code Bearer ***}, and every webhook
 * signing secret, so {@code wss_<secret>} reads {@code wss_***}. Masking comes first: a text cut before masking keeps
 * whatever part of the key lies before the cut;</li>
 * <li><b>replace</b> every character that could break or forge a line with {@link #REPLACEMENT}: ISO control
 * characters (CR, LF, tab, ESC, NUL, NEL ...), line and paragraph separators, format characters (bidi overrides,
 * zero-width characters) and lone surrogates;</li>
 * <li><b>cut</b> to the bound, never inside a surrogate pair, with a visible marker. A part of the key left at the
 * end (a key the input itself already had cut off) is masked too: any {@link #MIN_KEY_FRAGMENT} characters or more,
 * and any length right after {@code Bearer }.</li>
 * </ol>
 * The result is at most the bound long, marker included (or just the marker when the bound is shorter than the
 * marker), and cleaning it again changes nothing, so layers may each clean what they quote.
 */
public final class ServerText {

    /** Request IDs ({@code x-extend-request-id}, or from the error body). */
    public static final int REQUEST_ID_CHARS = 128;
    /** Extend's error {@code code}. */
    public static final int ERROR_CODE_CHARS = 100;
    /** Free text: an error message, the reason phrase, a header value, a documentation link. */
    public static final int TEXT_CHARS = 300;
    /** The start of a body quoted inside an exception message. */
    public static final int BODY_EXCERPT_CHARS = 200;
    /** The start of a body kept in an exception ({@code getResponseBody()}). */
    public static final int BODY_CHARS = 4096;
    /** The start of a body in the TRACE log line of an answer. */
    public static final int LOG_BODY_CHARS = 2000;
    /** A whole exception or health-check message: the backstop over its already bounded parts. */
    public static final int MESSAGE_CHARS = 1000;

    /** What the key becomes. */
    public static final String MASK = "***";
    /** Ends a text that was cut (a body excerpt adds the body's size: {@code ...[5120 bytes]}). */
    public static final String CUT = "...";
    /** What an unsafe character becomes, the same character a decoder uses for bytes that are not UTF-8. */
    public static final char REPLACEMENT = '\uFFFD';
    /** The shortest start of the key masked at the end of a text (right after {@code Bearer }, any length is). */
    public static final int MIN_KEY_FRAGMENT = 8;

    private static final String BEARER = "Bearer ";
    private static final String SIGNING_SECRET_PREFIX = "wss_";
    private static final java.util.regex.Pattern SIGNING_SECRET = java.util.regex.Pattern.compile("wss_[A-Za-z0-9_\\-]+");

    private ServerText() {
    }

    /**
     * {@code text} masked, on one line, and at most {@code maxChars} long (marker included).
     *
     * @param secret the API key to mask; null or blank for none
     * @return null when {@code text} is null
     */
    public static String clean(String text, int maxChars, String secret) {
        if (text == null) {
            return null;
        }
        return sanitize(text, maxChars, secret, false, CUT);
    }

    /**
     * The start of {@code body} decoded as UTF-8 (bytes that are not UTF-8 become {@link #REPLACEMENT}), without
     * surrounding whitespace, cleaned as by {@link #clean}; when cut, the marker also names the body's size.
     *
     * @return "" for a null or empty body
     */
    public static String bodyExcerpt(byte[] body, int maxChars, String secret) {
        if (body == null || body.length == 0) {
            return "";
        }
        // Enough bytes for maxChars characters plus a key across the bound; bytes beyond are never decoded, so a
        // key there could only be cut off - and the end of a text is checked for the start of the key.
        long wanted = ((long) Math.max(0, maxChars) + (isSecret(secret) ? secret.length() + BEARER.length() : 0)) * 4;
        int len = (int) Math.min(body.length, wanted);
        String text = new String(body, 0, len, StandardCharsets.UTF_8).strip();
        return sanitize(text, maxChars, secret, len < body.length, CUT + "[" + body.length + " bytes]");
    }

    /**
     * @param inputWasCut the text is only the start of what the server sent: the marker is added whatever its length
     */
    private static String sanitize(String text, int maxChars, String secret, boolean inputWasCut, String marker) {
        String masked = maskSigningSecrets(isSecret(secret) ? text.replace(secret, MASK) : text);
        String safe = replaceUnsafe(masked);
        boolean cut = inputWasCut || safe.length() > maxChars;
        if (!cut) {
            return maskKeyAtEnd(safe, secret, maxChars);
        }
        int budget = Math.max(0, maxChars - marker.length());
        int keep = Math.min(budget, safe.length());
        if (keep > 0 && keep < safe.length() && Character.isHighSurrogate(safe.charAt(keep - 1))) {
            keep--; // never split a surrogate pair (after replaceUnsafe, a high surrogate always starts one)
        }
        return maskKeyAtEnd(safe.substring(0, keep), secret, budget) + marker;
    }

    /**
     * Every webhook signing secret ({@code wss_...}) as {@code wss_***}, whatever endpoint it belongs to: the answer
     * of a webhook endpoint's creation carries one, and the client never knows it beforehand to mask it as the key.
     */
    private static String maskSigningSecrets(String text) {
        return text.contains(SIGNING_SECRET_PREFIX) ? SIGNING_SECRET.matcher(text).replaceAll(SIGNING_SECRET_PREFIX + MASK)
                : text;
    }

    /** Unsafe characters as {@link #REPLACEMENT}, one for one, so lengths and cut positions do not move. */
    private static String replaceUnsafe(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            if (isUnsafe(cp)) {
                if (sb == null) {
                    sb = new StringBuilder(text);
                }
                for (int j = 0; j < width; j++) {
                    sb.setCharAt(i + j, REPLACEMENT);
                }
            }
            i += width;
        }
        return sb == null ? text : sb.toString();
    }

    private static boolean isUnsafe(int cp) {
        if (Character.isISOControl(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
               || type == Character.FORMAT || type == Character.SURROGATE; // a surrogate code point is a lone one
    }

    /**
     * Masks the longest start of the key that ends the text, when it is at least {@link #MIN_KEY_FRAGMENT} long or
     * follows {@code Bearer }. Where the mask would not fit in {@code maxChars}, the fragment is dropped instead.
     */
    private static String maskKeyAtEnd(String text, String secret, int maxChars) {
        if (!isSecret(secret)) {
            return text;
        }
        for (int k = Math.min(secret.length() - 1, text.length()); k >= 1; k--) {
            if (text.regionMatches(text.length() - k, secret, 0, k)) {
                int start = text.length() - k;
                boolean afterBearer = start >= BEARER.length()
                                      && text.regionMatches(true, start - BEARER.length(), BEARER, 0, BEARER.length());
                if (k < MIN_KEY_FRAGMENT && !afterBearer) {
                    return text;
                }
                String kept = text.substring(0, start);
                return kept.length() + MASK.length() <= maxChars ? kept + MASK : kept;
            }
        }
        return text;
    }

    private static boolean isSecret(String secret) {
        return secret != null && !secret.isBlank();
    }

    /**
     * A transport failure fit to be kept as an exception's cause. HttpCore's exceptions can quote what the server sent
     * (a malformed status line or header), and error handlers log causes with their messages. A chain whose every
     * message is already clean - masked, one line, bounded - is kept as it is, so its types stay visible
     * ({@code ConnectException}, {@code SSLHandshakeException} ...); otherwise a stand-in takes its place: the first
     * exception's type and cleaned message, and its stack trace, without the rest of the chain.
     */
    public static Throwable safeCause(Throwable cause, String secret) {
        if (cause == null || isCleanChain(cause, secret)) {
            return cause;
        }
        CleanedCause standIn = new CleanedCause(clean(cause.getClass().getName() + ": " + cause.getMessage(),
                MESSAGE_CHARS, secret));
        standIn.setStackTrace(cause.getStackTrace());
        return standIn;
    }

    private static boolean isCleanChain(Throwable cause, String secret) {
        int depth = 0;
        for (Throwable t = cause; t != null && depth < 16; t = t.getCause(), depth++) {
            String message = t.getMessage();
            if (message != null && !message.equals(clean(message, MESSAGE_CHARS, secret))) {
                return false;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return depth < 16;
    }

    /** What stands in for a cause whose chain quoted unsafe server text. */
    public static final class CleanedCause extends java.io.IOException {
        private static final long serialVersionUID = 1L;

        CleanedCause(String message) {
            super(message);
        }
    }
}

package dev.camelextend.support;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks for text that came from a server and is shown to people: no part of the API key, and nothing that could
 * break or forge a log line (no control character; stricter: nothing a terminal acts on). A cut made before masking leaves a prefix of the key behind, so "no part" means no run
 * of {@link #FRAGMENT} characters of the key, anywhere.
 */
public final class LeakChecks {

    /** The shortest run of the key's characters that counts as a leak. */
    public static final int FRAGMENT = 8;

    private LeakChecks() {
    }

    /** No {@link #FRAGMENT} consecutive characters of {@code key} in {@code text} (null passes). */
    public static void assertNoKeyFragment(String where, String text, String key) {
        if (text == null) {
            return;
        }
        for (int i = 0; i + FRAGMENT <= key.length(); i++) {
            String fragment = key.substring(i, i + FRAGMENT);
            assertFalse(text.contains(fragment), () -> "part of the key (" + fragment + ") in " + where + ": "
                                                       + printable(text));
        }
    }

    /**
     * One line, nothing a terminal or log viewer acts on: no ISO control character (CR, LF, tab, ESC, NUL, C1 ...),
     * no line or paragraph separator, no format character (bidi overrides, zero-width ...). Null passes.
     */
    public static void assertSingleLine(String where, String text) {
        if (text == null) {
            return;
        }
        text.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            assertFalse(Character.isISOControl(cp) || type == Character.LINE_SEPARATOR
                        || type == Character.PARAGRAPH_SEPARATOR || type == Character.FORMAT
                        || type == Character.SURROGATE,
                    () -> where + " has U+" + Integer.toHexString(cp) + ": " + printable(text));
        });
    }

    /** No ISO control character (CR, LF, tab, ESC, NUL, C1 ...) in {@code text}. Null passes. */
    public static void assertNoControlCharacters(String where, String text) {
        if (text == null) {
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int at = i;
            assertFalse(Character.isISOControl(c), () -> where + " has control character U+" + Integer.toHexString(c)
                                                         + " at index " + at + ": " + printable(text));
        }
    }

    /** Both checks, plus at most {@code maxChars} characters. */
    public static void assertSafe(String where, String text, String key, int maxChars) {
        assertNoKeyFragment(where, text, key);
        assertSingleLine(where, text);
        if (text != null) {
            assertTrue(text.length() <= maxChars, () -> where + " has " + text.length() + " chars (at most "
                                                        + maxChars + "): " + printable(text));
        }
    }

    /** The text shortened and with its unsafe characters escaped, for a failure message. */
    public static String printable(String text) {
        StringBuilder sb = new StringBuilder();
        text.codePoints().limit(400).forEach(cp -> {
            int type = Character.getType(cp);
            if (Character.isISOControl(cp) || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.FORMAT || type == Character.SURROGATE) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return text.length() > 400 ? sb + "...(" + text.length() + " chars)" : sb.toString();
    }
}

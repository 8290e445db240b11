package dev.camelextend.client;

import java.nio.charset.StandardCharsets;

/** Turns response bytes into bounded, printable text for exceptions and logs. */
final class BodyText {

    private BodyText() {
    }

    /**
     * The first {@code maxChars} characters of the body as UTF-8, with control characters other than tab and newline
     * replaced, and a marker when it was cut.
     */
    static String start(byte[] body, int maxChars) {
        if (body == null || body.length == 0) {
            return "";
        }
        // decoding more bytes than 4x the chars wanted is never needed
        int len = (int) Math.min(body.length, (long) maxChars * 4);
        String text = new String(body, 0, len, StandardCharsets.UTF_8);
        boolean cut = len < body.length || text.length() > maxChars;
        if (text.length() > maxChars) {
            text = text.substring(0, maxChars);
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            sb.append(Character.isISOControl(c) && c != '\n' && c != '\t' ? '\uFFFD' : c);
        }
        if (cut) {
            sb.append("...[").append(body.length).append(" bytes]");
        }
        return sb.toString();
    }
}

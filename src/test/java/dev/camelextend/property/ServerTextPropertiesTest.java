package dev.camelextend.property;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.camelextend.client.ServerText;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link ServerText} against texts with the key embedded at random places (alone, after "Bearer ", cut off at the
 * end as a gateway might leave it), nasty filler around it, and random bounds: the result never holds the key, never
 * ends with a start of it of {@link ServerText#MIN_KEY_FRAGMENT} characters or more, holds no character that could
 * break a line, and is never longer than the bound plus the marker.
 */
class ServerTextPropertiesTest {

    /** A text with the key in it, and the key. */
    record Case(String text, String key) {
    }

    @Property(tries = 1500)
    void cleanMasksThenReplacesThenCuts(@ForAll("cases") Case c, @ForAll @IntRange(min = 0, max = 700) int maxChars) {
        String out = ServerText.clean(c.text(), maxChars, c.key());
        assertSafe(out, c, maxChars + ServerText.CUT.length());
    }

    @Property(tries = 1000)
    void bodyExcerptMasksThenReplacesThenCuts(@ForAll("cases") Case c,
                                              @ForAll @IntRange(min = 0, max = 700) int maxChars) {
        byte[] body = c.text().getBytes(StandardCharsets.UTF_8);
        String out = ServerText.bodyExcerpt(body, maxChars, c.key());
        assertSafe(out, c, maxChars + (ServerText.CUT + "[" + body.length + " bytes]").length());
    }

    static void assertSafe(String out, Case c, int maxLength) {
        String key = c.key();
        assertFalse(out.contains(key), () -> "the key survived in: " + out);
        // the end of the kept text: before the cut marker ("..." or "...[N bytes]"), if there is one
        String end = out.replaceFirst("\\.\\.\\.(\\[\\d+ bytes])?$", "");
        for (String tail : List.of(out, end)) {
            for (int k = ServerText.MIN_KEY_FRAGMENT; k < key.length(); k++) {
                String prefix = key.substring(0, k);
                assertFalse(tail.endsWith(prefix), () -> "ends with " + prefix + ": " + out);
            }
        }
        out.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            assertFalse(Character.isISOControl(cp) || type == Character.LINE_SEPARATOR
                        || type == Character.PARAGRAPH_SEPARATOR || type == Character.FORMAT
                        || type == Character.SURROGATE, () -> "U+" + Integer.toHexString(cp) + " in the result");
        });
        assertTrue(out.length() <= maxLength, () -> out.length() + " chars, at most " + maxLength);
    }

    // ---------------------------------------------------------------------------------------------------------
    // generators
    // ---------------------------------------------------------------------------------------------------------

    /** Keys look like Extend's: a prefix and a random token, never anything but letters, digits and underscores. */
    @Provide
    Arbitrary<String> keys() {
        return Combinators.combine(Arbitraries.of("sk_live_", "sk_test_", "", "ek_"),
                        Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9')
                                .withChars('_').ofMinLength(8).ofMaxLength(56))
                .as((prefix, token) -> prefix + token);
    }

    /** Filler: printable text, every kind of character, control and separator soup, or long runs. */
    static Arbitrary<String> filler() {
        Arbitrary<String> controls = Arbitraries.strings().withCharRange('\u0000', '\u001f')
                .withChars('\u007f', '\u0085', '\u009b', '\u2028', '\u2029', '\u202e', '\u200b', '\ufeff', '\ud800',
                        '\udc00', ' ', 'x')
                .ofMaxLength(30);
        Arbitrary<String> printable = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(120);
        Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(120);
        Arbitrary<String> emoji = Arbitraries.strings().withChars("a\uD83D\uDE00\uD83C\uDF89日".toCharArray())
                .ofMaxLength(60);
        Arbitrary<String> longRun = Arbitraries.integers().between(100, 900).map("p"::repeat);
        return Arbitraries.oneOf(controls, printable, any, emoji, longRun);
    }

    /** One place the key goes: alone, after "Bearer ", or lowercase bearer. */
    static Arbitrary<String> keyUse(String key) {
        return Arbitraries.of(key, "Bearer " + key, "bearer " + key, "Authorization: Bearer " + key);
    }

    @Provide
    Arbitrary<Case> cases() {
        return keys().flatMap(key -> {
            Arbitrary<String> piece = Arbitraries.frequencyOf(Tuple.of(3, filler()), Tuple.of(2, keyUse(key)));
            Arbitrary<String> body = piece.list().ofMinSize(1).ofMaxSize(12).map(l -> String.join("", l));
            // sometimes the input ends with the start of the key, as a gateway that truncated it would send
            Arbitrary<Integer> cutOffLength = Arbitraries.integers().between(0, key.length() - 1);
            return Combinators.combine(body, cutOffLength, Arbitraries.of("", "Bearer "))
                    .as((b, k, bearer) -> new Case(b + (k == 0 ? "" : bearer + key.substring(0, k)), key));
        });
    }
}

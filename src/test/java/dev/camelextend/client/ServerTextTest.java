package dev.camelextend.client;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static dev.camelextend.support.LeakChecks.assertNoKeyFragment;
import static dev.camelextend.support.LeakChecks.assertSingleLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link ServerText}: mask, then replace, then cut - and what each step promises. */
class ServerTextTest {

    static final String KEY = "sk_live_ServerText_0123456789";
    static final String R = String.valueOf(ServerText.REPLACEMENT);

    @Test
    void ordinaryTextIsUnchanged() {
        assertEquals("req_9Kd3Jf6Hg2Sa8Pq1Wm5T", ServerText.clean("req_9Kd3Jf6Hg2Sa8Pq1Wm5T", 128, KEY));
        assertEquals("Invalid API key  (é, 日本, \uD83D\uDE00)",
                ServerText.clean("Invalid API key  (é, 日本, \uD83D\uDE00)", 300, KEY));
        assertEquals("", ServerText.clean("", 10, KEY));
        assertNull(ServerText.clean(null, 10, KEY));
    }

    @Test
    void theKeyIsMaskedWhereverItIs() {
        assertEquals("upstream refused Bearer *** and *** again",
                ServerText.clean("upstream refused Bearer " + KEY + " and " + KEY + " again", 300, KEY));
        assertEquals("no key: " + KEY, ServerText.clean("no key: " + KEY, 300, null), "no key configured");
        assertEquals("blank key", ServerText.clean("blank key", 300, "  "));
    }

    /** The bug this class exists for: cutting first left the key minus its last characters. */
    @Test
    void aKeyAcrossTheCutIsMaskedBeforeTheCut() {
        for (int before = 260; before <= 300; before++) {
            String text = "m".repeat(before) + "Bearer " + KEY + " tail";
            String out = ServerText.clean(text, 300, KEY);
            assertNoKeyFragment("cut after " + before + " chars", out, KEY);
            assertTrue(out.length() <= 300, out);
            // masked, the text is 15 characters longer than the filler: cut only past the bound
            assertEquals(before + 15 > 300, out.endsWith(ServerText.CUT), out);
        }
    }

    /** A key the input itself had cut off (a gateway truncated it, or only the start of a body was decoded). */
    @Test
    void theStartOfTheKeyAtTheEndIsMasked() {
        assertEquals("id xyz ***", ServerText.clean("id xyz " + KEY.substring(0, 12), 300, KEY));
        assertEquals("id xyz ***", ServerText.clean("id xyz " + KEY.substring(0, ServerText.MIN_KEY_FRAGMENT), 300,
                KEY));
        assertEquals("Bearer ***", ServerText.clean("Bearer " + KEY.substring(0, 2), 300, KEY), "after Bearer: any");
        assertEquals("bearer ***", ServerText.clean("bearer " + KEY.substring(0, 1), 300, KEY));
        // a few characters that merely look like the start of a key, not after "Bearer ", are left alone
        assertEquals("uses sk_live", ServerText.clean("uses sk_live", 300, KEY));
    }

    @Test
    void controlSeparatorAndFormatCharactersBecomeTheReplacement() {
        String text = "a\r\nb\u001b[31mc\u2028d\u2029e\u202Ef\u0085g\u200Bh\ti\u0000j\u007fk\u009bl\uFEFFm";
        String out = ServerText.clean(text, 300, KEY);
        assertEquals("a" + R + R + "b" + R + "[31mc" + R + "d" + R + "e" + R + "f" + R + "g" + R + "h" + R + "i" + R
                     + "j" + R + "k" + R + "l" + R + "m", out);
        assertSingleLine("cleaned", out);
    }

    @Test
    void loneSurrogatesBecomeTheReplacementPairsStay() {
        assertEquals("a\uD83D\uDE00b" + R + "c" + R + "d",
                ServerText.clean("a\uD83D\uDE00b\uD800c\uDC00d", 300, null));
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String text = "a".repeat(296) + "\uD83D\uDE00" + "zzzz"; // the pair sits at the last kept position
        String out = ServerText.clean(text, 300, null);
        assertEquals("a".repeat(296) + ServerText.CUT, out);
    }

    @Test
    void theResultNeverExceedsTheBoundMarkerIncluded() {
        String out = ServerText.clean("r".repeat(7000), ServerText.REQUEST_ID_CHARS, KEY);
        assertEquals(ServerText.REQUEST_ID_CHARS, out.length());
        assertEquals("r".repeat(125) + "...", out);
        assertEquals("...", ServerText.clean("abcdef", 2, KEY), "a bound shorter than the marker: the marker");
        assertEquals("abcdef", ServerText.clean("abcdef", 6, KEY), "exactly the bound: not cut");
    }

    @Test
    void cleaningTwiceChangesNothing() {
        String[] samples = { "m".repeat(280) + " Bearer " + KEY + "x".repeat(50), "a\r\nb\u2028" + KEY,
                "tail " + KEY.substring(0, 10), "r".repeat(7000), "short" };
        for (String s : samples) {
            for (int max : new int[] { 2, 10, 128, 300 }) {
                String once = ServerText.clean(s, max, KEY);
                assertEquals(once, ServerText.clean(once, max, KEY), () -> "max " + max + ": " + once);
            }
        }
    }

    @Test
    void aBodyExcerptIsDecodedStrippedCleanedAndNamesTheSizeWhenCut() {
        assertEquals("", ServerText.bodyExcerpt(null, 200, KEY));
        assertEquals("", ServerText.bodyExcerpt(new byte[0], 200, KEY));
        assertEquals("{\"a\":1}", ServerText.bodyExcerpt("  {\"a\":1}\n".getBytes(StandardCharsets.UTF_8), 200, KEY));
        assertEquals("{" + R + "\"a\": ***" + R + "}",
                ServerText.bodyExcerpt(("{\n\"a\": " + KEY + "\n}").getBytes(StandardCharsets.UTF_8), 200, KEY));
        assertEquals("ab" + R + "c", ServerText.bodyExcerpt(new byte[] { 'a', 'b', (byte) 0xC3, 'c' }, 200, KEY),
                "bytes that are not UTF-8");

        byte[] big = ("x".repeat(5000)).getBytes(StandardCharsets.UTF_8);
        String out = ServerText.bodyExcerpt(big, 200, KEY);
        assertEquals(200, out.length());
        assertTrue(out.endsWith("...[5000 bytes]"), out);
    }

    /** Only the start of a long body is decoded: a key cut off at that point is masked like one cut by the bound. */
    @Test
    void aKeyCutOffWhereDecodingStopsLeavesNoPartOfIt() {
        byte[] body = ("Bearer " + KEY + " ").repeat(200).getBytes(StandardCharsets.UTF_8);
        for (int max = 20; max <= 260; max += 7) {
            String out = ServerText.bodyExcerpt(body, max, KEY);
            assertNoKeyFragment("excerpt of " + max, out, KEY);
            assertTrue(!out.contains("Bearer s"), out);
            assertTrue(out.length() <= max, out);
        }
    }

    @Test
    void aCleanCauseChainIsKeptWithItsTypes() {
        java.net.ConnectException refused = new java.net.ConnectException("Connection refused");
        java.io.IOException wrapped = new java.io.IOException("connect failed", refused);

        assertSame(wrapped, ServerText.safeCause(wrapped, "sk_live_secret_123456"));
    }

    @Test
    void aCauseQuotingUnsafeServerTextIsReplacedByACleanStandIn() {
        String key = "sk_live_secret_123456";
        Exception inner = new RuntimeException("header value: Bearer " + key);
        Exception quoting = new org.apache.hc.core5.http.ProtocolException("Invalid header: X-Echo\u001b[31m\r\nforged");
        quoting.initCause(inner);

        Throwable safe = ServerText.safeCause(quoting, key);

        assertInstanceOf(ServerText.CleanedCause.class, safe);
        assertTrue(safe.getMessage().startsWith("org.apache.hc.core5.http.ProtocolException: Invalid header"),
                safe.getMessage());
        assertFalse(safe.getMessage().contains("\r") || safe.getMessage().contains("\u001b"), safe.getMessage());
        assertNull(safe.getCause(), "the rest of the chain, which quoted the key, is not kept");
        assertArrayEquals(quoting.getStackTrace(), safe.getStackTrace());

        Throwable keyed = ServerText.safeCause(inner, key);
        assertFalse(keyed.getMessage().contains(key), keyed.getMessage());
    }
}

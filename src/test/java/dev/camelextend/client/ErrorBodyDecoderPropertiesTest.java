package dev.camelextend.client;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelextend.model.ExtendJson;
import dev.camelextend.support.LeakChecks;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Property tests of {@link ErrorBodyDecoder}: whatever bytes a server (or a proxy in front of it) sends as an error
 * body, decoding never throws, and every text it hands on to exception messages and logs is bounded and free of raw
 * control characters (no log forging through CR/LF, no terminal escapes, no multi-megabyte messages).
 */
class ErrorBodyDecoderPropertiesTest {

    /** The longest field text the decoder may return, cut marker included. */
    static final int MAX_FIELD_CHARS = ServerText.TEXT_CHARS;
    static final String KEY = "sk_live_DecoderKey_5e4d3c2b1a";

    private static final ObjectMapper MAPPER = ExtendJson.newObjectMapper();
    private static final ErrorBodyDecoder DECODER = new ErrorBodyDecoder(MAPPER, KEY);

    @Property(tries = 1000)
    void arbitraryBytesDecodeToBoundedPrintableFields(@ForAll("anyBody") byte[] body) {
        assertBounded(DECODER.decode(body), body);
    }

    @Property(tries = 600)
    void jsonShapedBodiesDecodeToBoundedPrintableFields(@ForAll("jsonErrorBodies") String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        assertBounded(DECODER.decode(bytes), bytes);
    }

    /** Sanitising must not damage ordinary values: short printable fields of the flat shape come through unchanged. */
    @Property(tries = 300)
    void printableFlatFieldsSurviveUnchanged(@ForAll("shortPrintable") String code,
                                             @ForAll("printable") String message,
                                             @ForAll("shortPrintable") String requestId, @ForAll boolean retryable) {
        ObjectNode node = JsonNodeFactory.instance.objectNode()
                .put("code", code).put("message", message).put("retryable", retryable).put("requestId", requestId);
        ApiError e = DECODER.decode(node.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(code, e.code());
        assertEquals(message, e.message());
        assertEquals(requestId, e.requestId());
        assertEquals(retryable, e.retryable());
    }

    /**
     * A gateway that reflects "Bearer &lt;key&gt;" into the fields: masked before each field is cut, so no part of
     * the key survives wherever it falls relative to the field's bound.
     */
    @Property(tries = 400)
    void aReflectedKeyLeavesNoPartInAnyField(@ForAll @IntRange(min = 0, max = 320) int before,
                                             @ForAll boolean wrapped) {
        String reflected = "x".repeat(before) + "Bearer " + KEY + " after";
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("code", reflected).put("message", reflected)
                .put("requestId", reflected).put("docUrl", reflected);
        String json = wrapped ? JsonNodeFactory.instance.objectNode().set("error", node).toString() : node.toString();
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        ApiError e = DECODER.decode(body);
        assertBounded(e, body);
        ApiError text = DECODER.decode(("<html>" + reflected + "</html>").getBytes(StandardCharsets.UTF_8));
        for (String field : new String[] { e.code(), e.message(), e.requestId(), e.docUrl(), text.message() }) {
            assertNotNull(field);
            LeakChecks.assertNoKeyFragment("decoded field", field, KEY);
        }
    }

    /** Deep nesting must not blow the stack (Jackson's nesting limit turns it into "not JSON", i.e. text). */
    @Property(tries = 20)
    void deeplyNestedBodiesDoNotThrow(@ForAll @IntRange(min = 500, max = 200_000) int depth,
                                      @ForAll boolean objects) {
        String open = objects ? "{\"error\":" : "[";
        byte[] body = open.repeat(depth).getBytes(StandardCharsets.UTF_8);
        assertBounded(DECODER.decode(body), body);
    }

    /** ServerText's body excerpt, used for response bodies kept in exceptions: bounded, one line. */
    @Property(tries = 500)
    void bodyExcerptIsBoundedAndOnOneLine(@ForAll("anyBody") byte[] body,
                                          @ForAll @IntRange(min = 1, max = 5000) int maxChars) {
        String text = ServerText.bodyExcerpt(body, maxChars, KEY);
        assertNotNull(text);
        int marker = (ServerText.CUT + "[" + body.length + " bytes]").length();
        assertTrue(text.length() <= Math.max(maxChars, marker),
                () -> "length " + text.length() + " for max " + maxChars);
        LeakChecks.assertSingleLine("body excerpt", text);
    }

    static void assertBounded(ApiError error, byte[] body) {
        assertNotNull(error, "decode never returns null");
        for (String field : new String[] { error.code(), error.message(), error.requestId(), error.docUrl() }) {
            if (field == null) {
                continue;
            }
            assertTrue(field.length() <= MAX_FIELD_CHARS,
                    () -> "a decoded field of " + field.length() + " chars from a body of " + body.length + " bytes");
            for (int i = 0; i < field.length(); i++) {
                char c = field.charAt(i);
                int at = i;
                assertTrue(!Character.isISOControl(c),
                        () -> "raw control character U+" + Integer.toHexString(c) + " at index " + at + " of "
                              + field.substring(0, Math.min(field.length(), 80)).replaceAll("\\p{Cntrl}", "?"));
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // generators
    // ---------------------------------------------------------------------------------------------------------

    @Provide
    Arbitrary<byte[]> anyBody() {
        Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(4096);
        Arbitrary<byte[]> bigRaw = bigBytes(4096, 40_000);
        Arbitrary<byte[]> utf8 = Arbitraries.strings().all().ofMaxLength(2000)
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> json = jsonErrorBodies().map(s -> s.getBytes(StandardCharsets.UTF_8));
        return Arbitraries.frequencyOf(
                Tuple.of(4, raw),
                Tuple.of(1, bigRaw),
                Tuple.of(3, utf8),
                Tuple.of(4, json));
    }

    /** Byte arrays of {@code min..max} random bytes, expanded from a generated seed. */
    static Arbitrary<byte[]> bigBytes(int min, int max) {
        return Combinators.combine(Arbitraries.integers().between(min, max), Arbitraries.longs()).as((n, seed) -> {
            byte[] b = new byte[n];
            new Random(seed).nextBytes(b);
            return b;
        });
    }

    /** Nasty text: control characters, CR/LF, escapes, unicode, very long. */
    static Arbitrary<String> nastyText() {
        Arbitrary<String> controls = Arbitraries.strings().withCharRange('\u0000', '\u001f').withChars('\u007f',
                '\u0085', '\u009b', '\u2028', '\u2029').ofMaxLength(20);
        Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(400);
        Arbitrary<String> forged = Arbitraries.strings().alpha().ofMaxLength(30)
                .map(s -> s + "\r\n12:00:00.000 INFO  [main] Fake - forged log line " + s);
        Arbitrary<String> longText = Combinators.combine(Arbitraries.integers().between(300, 20_000),
                Arbitraries.longs()).as((length, seed) -> {
                    // large inputs from a seed: generating them char by char would make jqwik itself the bottleneck
                    Random r = new Random(seed);
                    StringBuilder sb = new StringBuilder(length);
                    for (int i = 0; i < length; i++) {
                        int k = r.nextInt(100);
                        sb.append(k == 0 ? '\n' : k == 1 ? '\r' : k == 2 ? '\u001b' : (char) (' ' + r.nextInt(95)));
                    }
                    return sb.toString();
                });
        return Arbitraries.oneOf(controls, any, forged, longText);
    }

    /** JSON values of every kind, text ones nasty, objects shallow. */
    static Arbitrary<Object> jsonValue() {
        return Arbitraries.oneOf(
                nastyText().map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(null),
                nastyText().list().ofMaxSize(3).map(l -> (Object) l));
    }

    @Provide
    static Arbitrary<String> jsonErrorBodies() {
        Arbitrary<ObjectNode> flat = Combinators.combine(jsonValue(), jsonValue(), jsonValue(), jsonValue(),
                jsonValue()).as((code, message, retryable, requestId, docUrl) -> {
                    ObjectNode n = JsonNodeFactory.instance.objectNode();
                    n.set("code", MAPPER.valueToTree(code));
                    n.set("message", MAPPER.valueToTree(message));
                    n.set("retryable", MAPPER.valueToTree(retryable));
                    n.set("requestId", MAPPER.valueToTree(requestId));
                    n.set("docUrl", MAPPER.valueToTree(docUrl));
                    return n;
                });
        Arbitrary<String> wrapped = flat.map(n -> JsonNodeFactory.instance.objectNode().set("error", n).toString());
        Arbitrary<String> legacy = Combinators.combine(jsonValue(), jsonValue())
                .as((error, requestId) -> {
                    ObjectNode n = JsonNodeFactory.instance.objectNode().put("success", false);
                    n.set("error", MAPPER.valueToTree(error));
                    n.set("requestId", MAPPER.valueToTree(requestId));
                    return n.toString();
                });
        // token soup: mostly broken JSON that still looks like an error body
        Arbitrary<String> soup = Arbitraries.oneOf(Arbitraries.of("{", "}", "[", "]", ":", ",", "\"code\"",
                "\"message\"", "\"error\"", "\"retryable\"", "\"requestId\"", "true", "null", "1e999", "-0",
                "\"\\u0000\"", "\"\\r\\n\"", "\"\\ud800\"", "\\", "\""), nastyText().map(s -> "\"" + s + "\""))
                .list().ofMaxSize(40).map(l -> String.join("", l));
        return Arbitraries.oneOf(flat.map(ObjectNode::toString), wrapped, legacy, soup,
                jsonValue().map(v -> {
                    try {
                        return MAPPER.writeValueAsString(v); // a top-level non-object
                    } catch (Exception e) {
                        return String.valueOf(v);
                    }
                }));
    }

    /** Within the shortest field bound (the error code's). */
    @Provide
    Arbitrary<String> shortPrintable() {
        return printable(ServerText.ERROR_CODE_CHARS);
    }

    @Provide
    Arbitrary<String> printable() {
        return printable(200);
    }

    static Arbitrary<String> printable(int maxLength) {
        return Arbitraries.strings().withCharRange(' ', '~').withChars('é', 'ß', '日', '本').ofMinLength(1)
                .ofMaxLength(maxLength)
                .filter(s -> !s.isBlank());
    }
}

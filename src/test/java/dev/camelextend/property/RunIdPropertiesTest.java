package dev.camelextend.property;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.camelextend.ExtendApiException;
import dev.camelextend.ExtendComponent;
import dev.camelextend.ExtendConstants;
import dev.camelextend.ExtendInvalidRunIdException;
import dev.camelextend.client.RunId;
import dev.camelextend.model.WorkflowRun;
import dev.camelextend.simulator.ExtendSimulator;
import dev.camelextend.simulator.RecordedRequest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

import static dev.camelextend.support.LeakChecks.assertNoControlCharacters;
import static dev.camelextend.support.LeakChecks.printable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * No generated run ID escapes its path segment. {@link RunId#problem} accepts exactly {@code [A-Za-z0-9_-]{1,255}}
 * (which encode to themselves), and through the Camel producer every ID - as body String, CharSequence, UTF-8 bytes or
 * header, whatever its characters - either ends in {@link ExtendInvalidRunIdException} before any request, or reaches
 * the simulator as exactly {@code /workflow_runs/<id>/cancel} (or {@code /workflow_runs/<id>}) and ends in a
 * {@link WorkflowRun} or a typed Extend API error. Never another exception, never another path.
 */
class RunIdPropertiesTest {

    static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1,255}");
    static final String BASE = "http://127.0.0.1:8080";

    static ExtendSimulator sim;
    static CamelContext context;
    static ProducerTemplate template;
    static final List<String> SEEDED = new ArrayList<>();

    @BeforeContainer
    static void start() throws Exception {
        sim = ExtendSimulator.builder().seed(11).build().start();
        for (int i = 0; i < 60; i++) {
            SEEDED.add(sim.seedRun(i % 2 == 0 ? "PROCESSING" : "PENDING"));
        }
        context = new DefaultCamelContext();
        ExtendComponent extend = context.getComponent("extend", ExtendComponent.class);
        extend.getConfiguration().setApiKey(sim.apiKey());
        extend.getConfiguration().setBaseUrl(sim.baseUrl());
        extend.getConfiguration().setRequestTimeout(10_000);
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterContainer
    static void stop() {
        try {
            if (context != null) {
                context.stop();
            }
        } finally {
            if (sim != null) {
                sim.close();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // the rule itself
    // ---------------------------------------------------------------------------------------------------------

    @Property(tries = 1000)
    void acceptedIdsAreExactlyTheSafeAlphabetAndStayOneSegment(@ForAll("runIds") String id) {
        String problem = RunId.problem(id);
        assertEquals(VALID.matcher(id).matches(), problem == null, () -> "problem(" + printable(id) + ") = " + problem);
        if (problem != null) {
            return;
        }
        assertEquals(id, URLEncoder.encode(id, StandardCharsets.UTF_8), "a valid ID encodes to itself");
        URI uri = URI.create(BASE + "/workflow_runs/" + id + "/cancel");
        assertEquals("/workflow_runs/" + id + "/cancel", uri.getRawPath());
        assertEquals(uri.getRawPath(), uri.getPath(), "no decoding differences");
        assertNull(uri.getRawQuery());
        assertNull(uri.getRawFragment());
        assertEquals(List.of("", "workflow_runs", id, "cancel"), List.of(uri.getRawPath().split("/", -1)));
    }

    @Property(tries = 300)
    void theSafeAlphabetIsAlwaysAccepted(@ForAll("validIds") String id) {
        assertNull(RunId.problem(id));
    }

    // ---------------------------------------------------------------------------------------------------------
    // through the producer
    // ---------------------------------------------------------------------------------------------------------

    enum Source {
        BODY_STRING, BODY_CHARSEQUENCE, BODY_BYTES, HEADER
    }

    @Property(tries = 500)
    void throughTheProducerAnIdIsRefusedOrReachesExactlyItsOwnPath(@ForAll("runIds") String id,
                                                                   @ForAll Source source, @ForAll boolean cancel) {
        Object value = switch (source) {
            case BODY_STRING, HEADER -> id;
            case BODY_CHARSEQUENCE -> new StringBuilder(id);
            case BODY_BYTES -> id.getBytes(StandardCharsets.UTF_8);
        };
        // what the component will act on: the text (bytes decoded back), stripped
        String expected = source == Source.BODY_BYTES ? new String((byte[]) value, StandardCharsets.UTF_8).strip()
                : id.strip();
        check(value, source == Source.HEADER, cancel, RunId.problem(expected) == null ? expected : null);
    }

    /** Arbitrary bytes as the body: invalid UTF-8 is refused, valid UTF-8 is judged as text. */
    @Property(tries = 200)
    void arbitraryBytesAsBody(@ForAll("runIdBytes") byte[] bytes, @ForAll boolean cancel) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString().strip();
        } catch (CharacterCodingException e) {
            text = null;
        }
        check(bytes, false, cancel, text != null && RunId.problem(text) == null ? text : null);
    }

    /**
     * @param acceptedId the ID the component must send, or null when it must refuse the value before any request
     */
    private static void check(Object value, boolean asHeader, boolean cancel, String acceptedId) {
        sim.clearJournal();
        Exchange out = template.request(cancel ? "extend:cancelRun" : "extend:getRun", e -> {
            if (asHeader) {
                e.getIn().setHeader(ExtendConstants.RUN_ID, value);
                e.getIn().setBody("ignored: the header wins");
            } else {
                e.getIn().setBody(value);
            }
        });
        Exception error = out.getException();
        List<RecordedRequest> journal = sim.journal();

        if (acceptedId == null) {
            assertInstanceOf(ExtendInvalidRunIdException.class, error, "refused before any request");
            assertEquals(ExtendInvalidRunIdException.class, error.getClass());
            assertEquals(0, journal.size(), () -> "no request for a refused ID, but: " + journal);
            assertNotNull(error.getMessage());
            assertNoControlCharacters("message", error.getMessage());
            return;
        }
        assertFalse(journal.isEmpty(), "a valid ID is sent");
        String runPath = "/workflow_runs/" + acceptedId;
        RecordedRequest first = journal.get(0);
        assertEquals(cancel ? "POST" : "GET", first.method());
        assertEquals(cancel ? runPath + "/cancel" : runPath, first.rawPath());
        for (RecordedRequest r : journal) {
            assertTrue(r.rawPath().equals(runPath + "/cancel") || r.rawPath().equals(runPath),
                    () -> "request to another path: " + r);
            assertEquals(r.rawPath(), r.path(), "no decoding differences");
            assertNull(r.rawQuery());
        }
        if (error == null) {
            WorkflowRun run = assertInstanceOf(WorkflowRun.class, out.getMessage().getBody());
            assertEquals(acceptedId, run.getId());
        } else if (error instanceof ExtendApiException api) {
            assertEquals(acceptedId, api.getRunId());
            assertTrue(api.getStatusCode() == 404 || api.getStatusCode() == 400,
                    () -> "an answer of the simulator for an unknown or finished run: " + api);
        } else {
            fail("neither a result nor a typed Extend API error: " + error, error);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // generators
    // ---------------------------------------------------------------------------------------------------------

    static final String SAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

    @Provide
    Arbitrary<String> validIds() {
        return Arbitraries.strings().withChars(SAFE.toCharArray()).ofMinLength(1).ofMaxLength(255);
    }

    @Provide
    Arbitrary<String> runIds() {
        Arbitrary<String> valid = validIds();
        Arbitrary<String> seeded = Arbitraries.of(SEEDED.isEmpty() ? List.of("workflow_run_none") : SEEDED);
        // the characters that could leave a path segment, change the request or forge a log line
        char[] dangerous = "/\\.%?#;&=+ :@!$'()*,[]{}|^`\"<>~\t\r\n\u0000\u001f\u007f\u0085\u00a0\u2028\u202e\ufeff\uff0f\uff0e"
                .toCharArray();
        Arbitrary<String> mixed = Arbitraries.strings().withChars(SAFE.toCharArray()).withChars(dangerous)
                .ofMinLength(0).ofMaxLength(40);
        Arbitrary<String> traversal = Combinators.combine(valid, Arbitraries.of("../", "..", "%2F", "%2e%2e%2f",
                "/cancel", "?x=1", "#frag", "\\..\\", "%00", "/../../workflows", ";jsessionid=1", "%252F", "\u2025"),
                Arbitraries.integers().between(0, 2)).as((v, bad, where) -> switch (where) {
                    case 0 -> bad + v;
                    case 1 -> v + bad;
                    default -> v.substring(0, v.length() / 2) + bad + v.substring(v.length() / 2);
                });
        Arbitrary<String> unicode = Arbitraries.strings().all().ofMinLength(1).ofMaxLength(30);
        Arbitrary<String> padded = Combinators.combine(Arbitraries.oneOf(valid, seeded),
                Arbitraries.of("", " ", "\t", "\n", " \r\n", "\u2003", "\u0000", "\u001c"),
                Arbitraries.of("", " ", "\t", "\n", "\u3000", "\u0085")).as((v, pre, post) -> pre + v + post);
        Arbitrary<String> lengthEdge = Arbitraries.integers().between(250, 300)
                .map(n -> "w".repeat(n));
        Arbitrary<String> veryLong = Arbitraries.strings().withChars(SAFE.toCharArray()).withChars('/', '.', '%')
                .ofMinLength(256).ofMaxLength(5000);
        return Arbitraries.frequencyOf(Tuple.of(3, valid), Tuple.of(3, seeded), Tuple.of(4, mixed),
                Tuple.of(3, traversal), Tuple.of(2, unicode), Tuple.of(2, padded), Tuple.of(1, lengthEdge),
                Tuple.of(1, veryLong), Tuple.of(1, Arbitraries.of("", " ", ".", "..", "%", "/", "\\")));
    }

    @Provide
    Arbitrary<byte[]> runIdBytes() {
        Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
        Arbitrary<byte[]> validish = Arbitraries.oneOf(validIds(), Arbitraries.of(SEEDED))
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> broken = Combinators.combine(validIds(), Arbitraries.of(new byte[] { (byte) 0xC0 },
                new byte[] { (byte) 0xFF }, new byte[] { (byte) 0xE2, (byte) 0x80 }, new byte[] { (byte) 0xED,
                        (byte) 0xA0, (byte) 0x80 })).as((s, bad) -> {
                            byte[] a = s.getBytes(StandardCharsets.US_ASCII);
                            byte[] r = new byte[a.length + bad.length];
                            System.arraycopy(a, 0, r, 0, a.length);
                            System.arraycopy(bad, 0, r, a.length, bad.length);
                            return r;
                        });
        return Arbitraries.frequencyOf(Tuple.of(2, raw), Tuple.of(2, validish), Tuple.of(1, broken));
    }
}

package dev.camelextend;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import dev.camelextend.client.Transport;
import dev.camelextend.support.ExtendTestKit;
import dev.camelextend.support.FakeExtendServer;
import dev.camelextend.support.FakeExtendServer.Reply;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.hc.core5.io.CloseMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import java.time.Duration;

import static dev.camelextend.support.ExtendTestKit.RUN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTTP transport under a hostile server: nothing is inflated, a dead client is replaced, clients close with their
 * last endpoint, and nothing is sent once a client has closed.
 */
class TransportTest extends CamelTestSupport {

    @RegisterExtension
    static final FakeExtendServer FAKE = new FakeExtendServer();


    private String uri(String operation, String options) {
        return "extend:" + operation + "?apiKey=sk_transport&retryInitialDelay=5&retryMaxDelay=10&baseUrl="
               + FAKE.baseUrl() + (options.isEmpty() ? "" : "&" + options);
    }

    private Exchange get(String options) throws Exception {
        String from = ExtendTestKit.route(context, uri("getRun", options));
        return template.asyncSend(from, e -> e.getIn().setBody(RUN)).get(30, TimeUnit.SECONDS);
    }

    private static String gzip(String text) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return new String(bytes.toByteArray(), java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    @Test
    void compressionIsNeitherAskedForNorInflated() throws Exception {
        // a run padded with 2 MB of spaces, gzipped to a few KB: inflating it is how a little traffic fills the heap
        String padded = ExtendTestKit.run("PROCESSING").replaceFirst("\\{", "{" + " ".repeat(2_000_000));
        FAKE.otherwise(r -> Reply.json(200, "").withHeader("Content-Encoding", "gzip"));
        Exchange out = get("");
        assertFalse(FAKE.requests().get(0).hasHeader("Accept-Encoding")
                    && FAKE.requests().get(0).header("Accept-Encoding").contains("gzip"),
                "no compression is asked for: " + FAKE.requests().get(0).headers());
        assertEquals(ExtendException.class, out.getException().getClass(), String.valueOf(out.getException()));
        assertTrue(out.getException().getMessage().contains("Content-Encoding"), out.getException().getMessage());
        assertEquals(1, FAKE.requestCount(), "not a network fault: not retried");
        assertTrue(gzip(padded).length() < 100_000);
    }

    @Test
    void aBrokenContentEncodingIsATypedInvalidAnswerNotARetriedConnectionFailure() throws Exception {
        FAKE.otherwise(r -> Reply.json(200, "this is not gzip at all").withHeader("Content-Encoding", "gzip"));

        Exchange out = get("maxRetries=2");

        assertEquals(ExtendException.class, out.getException().getClass(), String.valueOf(out.getException()));
        assertEquals(1, FAKE.requestCount());
    }

    @Test
    void anAnswerBeyondTheBudgetOfAllAnswersInFlightFailsTypedAndIsRetried() throws Exception {
        FAKE.otherwise(r -> Reply.runFor(r, "workflow-run-processing.json"));
        ExtendComponent component = new ExtendComponent();
        component.setMaxResponseBytesInFlight(500); // smaller than one run: every answer is refused
        org.apache.camel.CamelContext own = new org.apache.camel.impl.DefaultCamelContext();
        own.addComponent("extend", component);
        own.start();
        Exchange out;
        try {
            String from = ExtendTestKit.route(own, uri("getRun", "maxRetries=1"));
            out = own.createProducerTemplate().asyncSend(from, e -> e.getIn().setBody(RUN)).get(30, TimeUnit.SECONDS);
        } finally {
            own.stop();
        }

        assertNotNull(out.getException());
        assertEquals(ExtendConnectionException.class, out.getException().getClass());
        assertTrue(out.getException().getMessage().contains("maxResponseBytesInFlight"), out.getException().getMessage());
        assertEquals(2, FAKE.requestCount(), "a local shortage is transient: retried");
    }

    @Test
    void aClientWhoseIoReactorDiedIsReplaced() throws Exception {
        FAKE.otherwise(r -> Reply.runFor(r, "workflow-run-processing.json"));
        String from = ExtendTestKit.route(context, uri("getRun", "maxRetries=0"));
        assertNull(template.asyncSend(from, e -> e.getIn().setBody(RUN)).get(30, TimeUnit.SECONDS).getException());

        // what an Error on an I/O thread does: the reactor shuts down for good
        ExtendComponent component = context.getComponent("extend", ExtendComponent.class);
        ExtendEndpoint endpoint = context.getEndpoints().stream().filter(ExtendEndpoint.class::isInstance)
                .map(ExtendEndpoint.class::cast).findFirst().orElseThrow();
        Transport transport = component.acquireTransport(endpoint.getConfiguration());
        try {
            transport.client().close(CloseMode.IMMEDIATE);

            Exchange after = template.asyncSend(from, e -> e.getIn().setBody(RUN)).get(30, TimeUnit.SECONDS);

            assertNull(after.getException(), () -> "a dead client must not stay cached: " + after.getException());
            assertEquals(1, transport.rebuilds());
        } finally {
            component.releaseTransport(transport);
        }
    }

    @Test
    void clientsCloseWithTheirLastEndpoint() throws Exception {
        ExtendComponent component = context.getComponent("extend", ExtendComponent.class);
        int before = component.openTransports();
        List<Endpoint> endpoints = new ArrayList<>();
        for (int i = 0; i < 5; i++) { // a toD whose connectTimeout varies per message
            Endpoint e = context.getEndpoint(uri("getRun", "connectTimeout=" + (1000 + i)));
            e.start();
            endpoints.add(e);
        }
        assertEquals(before + 5, component.openTransports());

        for (Endpoint e : endpoints) {
            context.removeEndpoint(e);
        }

        assertEquals(before, component.openTransports(), "each client closed with its last endpoint");
    }

    @Test
    void nothingIsSentAfterTheClientClosed() throws Exception {
        FAKE.otherwise(r -> Reply.neverAnswer());
        // one connection: the other calls wait in the pool's queue for it
        String from = ExtendTestKit.route(context, uri("getRun", "maxConnections=1&maxRetries=0&requestTimeout=20s"));
        List<CompletableFuture<Exchange>> calls = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            calls.add(template.asyncSend(from, e -> e.getIn().setBody(RUN)));
        }
        ExtendTestKit.waitUntil(() -> FAKE.requestCount() >= 1, Duration.ofSeconds(10));
        assertEquals(1, FAKE.requestCount());

        // the exchanges stay in flight (the server never answers): a short graceful period, then the stop is forced
        context.getRouteController().stopRoute(context.getRoutes().get(context.getRoutes().size() - 1).getId(), 200,
                TimeUnit.MILLISECONDS);
        for (Endpoint e : new ArrayList<>(context.getEndpoints())) {
            if (e instanceof ExtendEndpoint) {
                context.removeEndpoint(e); // stops it: its client closes
            }
        }
        for (CompletableFuture<Exchange> c : calls) {
            assertNotNull(c.get(10, TimeUnit.SECONDS).getException(), "every call ends, with a failure");
        }
        Thread.sleep(500); // a freed pool slot would hand a queued request to the server now
        assertEquals(1, FAKE.requestCount(), "no queued request reached the server after the close: "
                                             + Map.of("requests", FAKE.requestCount()));
    }
}

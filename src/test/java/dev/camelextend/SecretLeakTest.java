package dev.camelextend;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.camelextend.model.WorkflowRun;
import dev.camelextend.support.CapturedLogs;
import dev.camelextend.support.ExtendTestKit;
import dev.camelextend.support.FakeExtendServer;
import dev.camelextend.support.FakeExtendServer.Recorded;
import dev.camelextend.support.FakeExtendServer.Reply;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Navigate;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.util.URISupport;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.camelextend.support.ExtendTestKit.RUN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The API key must never show up in logs (at any level), exception texts, endpoint/route/configuration descriptions,
 * or message headers - whether it was put in the endpoint URI or on the component. Every log event of the JVM is
 * captured at TRACE while the test runs.
 */
class SecretLeakTest extends CamelTestSupport {

    /** Put in the endpoint URI of the "uri" routes. */
    static final String URI_KEY = "sk_live_SECRET_CANARY_4242";
    /** Set on the component; used by the "comp" routes. */
    static final String COMPONENT_KEY = "sk_live_SECRET_CANARY_COMPONENT_4343";
    /** The distinctive part of both keys: if any fragment of either key shows up, this will. */
    static final String CANARY = "SECRET_CANARY";

    @RegisterExtension // reset before each test, stopped after the class
    static final FakeExtendServer FAKE = new FakeExtendServer();
    /**
     * Every log event of the JVM while the class runs: all log4j2 loggers (so also everything logged through SLF4J) at
     * TRACE, java.util.logging at ALL, and anything printed to System.out / System.err.
     */
    static CapturedLogs LOGS;
    static int closedPort;

    @BeforeAll
    static void startCapture() {
        closedPort = ExtendTestKit.closedPort(); // nothing listens here: connection refused
        LOGS = CapturedLogs.of(Level.ALL).level("", Level.TRACE)
                .level("dev.camelextend", Level.TRACE).level("org.apache.camel", Level.TRACE)
                .level("org.apache.hc", Level.TRACE)
                // HttpClient 5's header and wire loggers print the Authorization header at DEBUG by design - as the
                // README's security notes say, they must stay at INFO or above in production. We keep them at INFO
                // here too; everything else of HttpClient (connection, exec, async, auth ...) runs at TRACE.
                .level("org.apache.hc.client5.http.headers", Level.INFO)
                .level("org.apache.hc.client5.http.wire", Level.INFO)
                // the console would print megabytes of TRACE: only our capture listens while the test runs
                .quietConsole().jdkAndStdStreams()
                .lines("%d{HH:mm:ss.SSS} %-5p [%t] %c - %m %X%n%throwable").start();
    }

    @AfterAll
    static void stopCapture() {
        try {
            // includes the context shutdown logs of the last test
            assertNoCanary("captured log output (whole class)", logText());
            assertFalse(coreUriEcho().contains(COMPONENT_KEY), "the component-level key is never echoed");
            assertTrue(logText().contains("dev.camelextend"), "the capture must have seen the component's own logs");
        } finally {
            LOGS.close();
            try { // only a debugging aid
                java.nio.file.Files.writeString(java.nio.file.Path.of("target", "secret-leak-capture.log"),
                        logText() + "\n---- Camel core TRACE URI echo ----\n" + coreUriEcho());
            } catch (IOException ignored) {
                // no file then
            }
        }
    }

    @BeforeEach
    void resetFake() {
        FAKE.otherwise(r -> Reply.json(200, FakeExtendServer.fixture("workflow-run-cancelled.json")));
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getComponent("extend", ExtendComponent.class).getConfiguration().setApiKey(COMPONENT_KEY);
        // the most talkative settings a user may turn on
        context.setTracing(true);
        context.setMessageHistory(true);
        context.setUseMDCLogging(true);
        context.setUseBreadcrumb(true);
        return context;
    }

    /** Each test adds only its own routes, so one test's key cannot show up in the other test's checks. */
    private void addRoutes(String source) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                String common = "&requestTimeout=5s&retryInitialDelay=10&retryMaxDelay=20&maxRetries=2";
                String key = source.equals("uri") ? "&apiKey=" + URI_KEY : "";
                from("direct:" + source + "-cancel").routeId(source + "-cancel")
                        .to("extend:cancelRun?baseUrl=" + FAKE.baseUrl() + key + common);
                from("direct:" + source + "-get").routeId(source + "-get")
                        .to("extend:getRun?baseUrl=" + FAKE.baseUrl() + key + common);
                from("direct:" + source + "-slow").routeId(source + "-slow")
                        .to("extend:getRun?baseUrl=" + FAKE.baseUrl() + key
                            + "&requestTimeout=300&retryInitialDelay=10&maxRetries=2");
                from("direct:" + source + "-refused").routeId(source + "-refused")
                        .to("extend:getRun?baseUrl=http://127.0.0.1:" + closedPort + key
                            + "&maxRetries=1&retryInitialDelay=10");
            }
        });
    }

    /**
     * Everything the component and HttpClient log is checked strictly. Only Camel core's own TRACE echo of the
     * endpoint URI text while it resolves the endpoint (see {@link #CAMEL_CORE_URI_ECHO}) is exempt: it does
     * print a key written into the URI, before the component is involved - one more reason the docs recommend the
     * component-level key or a placeholder.
     */
    @Test
    void keyInEndpointUriNeverLeaks() throws Exception {
        addRoutes("uri");
        exerciseEverything("uri", URI_KEY);
    }

    @Test
    void keyOnComponentNeverLeaks() throws Exception {
        int echoMark = coreUriEcho().length();
        addRoutes("comp");
        exerciseEverything("comp", COMPONENT_KEY);
        // with the key on the component, even Camel core's TRACE echo of endpoint URIs holds no key
        String echo = coreUriEcho().substring(echoMark);
        assertTrue(echo.contains("Getting endpoint with uri: extend:cancelRun"), "the echo was captured");
        assertNoCanary("Camel core TRACE echo of endpoint URIs", echo);
    }

    private void exerciseEverything(String source, String expectedKey) {
        String cancel = "direct:" + source + "-cancel";
        String get = "direct:" + source + "-get";
        List<Exchange> exchanges = new ArrayList<>();
        Consumer<Exchange> ok = e -> {
            assertNull(e.getException(), () -> "unexpected failure: " + e.getException());
            exchanges.add(e);
        };

        // successes
        FAKE.enqueue(Reply.json(200, FakeExtendServer.fixture("workflow-run-cancelled.json"))
                .withHeader("x-extend-request-id", "req_ok_1"));
        ok.accept(call(cancel, RUN));
        ok.accept(call(get, RUN));

        // 404, 401, 403
        FAKE.enqueue(Reply.json(404, FakeExtendServer.fixture("error-not-found.json")));
        exchanges.add(expect(ExtendNotFoundException.class, call(get, RUN)));
        FAKE.enqueue(Reply.json(401, FakeExtendServer.fixture("error-unauthorized.json")));
        exchanges.add(expect(ExtendAuthenticationException.class, call(get, RUN)));
        FAKE.enqueue(Reply.json(403, "{\"code\":\"FORBIDDEN\",\"message\":\"no access to workspace\"}"));
        exchanges.add(expect(ExtendAuthenticationException.class, call(cancel, RUN)));

        // 429 on every attempt (1 + 2 retries)
        Reply rateLimited = Reply.json(429, FakeExtendServer.fixture("error-rate-limited.json"))
                .withHeader("Retry-After", "0");
        FAKE.enqueue(rateLimited, rateLimited, rateLimited);
        int before = FAKE.requestCount();
        Exchange limited = expect(ExtendRateLimitException.class, call(cancel, RUN));
        assertEquals(3, FAKE.requestCount() - before, "429 was retried twice");
        exchanges.add(limited);

        // 500 on every attempt, and a wrapped 5xx body
        Reply internal = Reply.json(500, FakeExtendServer.fixture("error-internal.json"));
        FAKE.enqueue(internal, internal, Reply.json(503, FakeExtendServer.fixture("error-wrapped.json")));
        exchanges.add(expect(ExtendServerException.class, call(get, RUN)));

        // no answer in time, on every attempt
        FAKE.enqueue(Reply.neverAnswer(), Reply.neverAnswer(), Reply.neverAnswer());
        exchanges.add(expect(ExtendTimeoutException.class, call("direct:" + source + "-slow", RUN)));

        // dropped connection on every attempt, then connection refused
        FAKE.enqueue(Reply.dropConnection(), Reply.dropConnection(), Reply.dropConnection());
        Exchange dropped = call(get, RUN);
        assertNotNull(dropped.getException());
        assertInstanceOf(ExtendException.class, dropped.getException());
        exchanges.add(dropped);
        exchanges.add(expect(ExtendConnectionException.class, call("direct:" + source + "-refused", RUN)));

        // a 2xx that is not a WorkflowRun
        FAKE.enqueue(Reply.text(200, "<html>proxy says hi</html>"));
        Exchange garbage = call(get, RUN);
        assertEquals(ExtendException.class, garbage.getException().getClass());
        exchanges.add(garbage);

        // invalid run IDs (no request)
        exchanges.add(expect(ExtendInvalidRunIdException.class, call(cancel, "../workflows")));
        exchanges.add(expect(ExtendInvalidRunIdException.class, call(cancel, null)));

        // cancel refused: 400 on the cancel, the confirming GET says it is finished
        FAKE.enqueue(Reply.json(400, FakeExtendServer.fixture("error-invalid-request.json")),
                Reply.json(200, FakeExtendServer.fixture("workflow-run-cancelled.json")));
        Exchange refused = expect(ExtendCancelNotAllowedException.class, call(cancel, RUN));
        assertNotNull(((ExtendCancelNotAllowedException) refused.getException()).getRun());
        exchanges.add(refused);

        // the key was really used: every request that reached the fake carried it
        List<Recorded> requests = FAKE.requests();
        assertTrue(requests.size() >= 15, "requests: " + requests.size());
        for (Recorded r : requests) {
            assertEquals("Bearer " + expectedKey, r.header("Authorization"), r.method() + " " + r.rawPath());
        }

        // exceptions, headers
        for (Exchange e : exchanges) {
            if (e.getException() != null) {
                assertExceptionClean(e.getException());
            }
            e.getMessage().getHeaders().forEach((k, v) -> assertNoCanary("header " + k, k + "=" + v));
            if (source.equals("comp")) {
                // Camel itself records the raw endpoint URI in the exchange properties CamelToEndpoint and
                // CamelFailureEndpoint: with the key on the component, that URI holds no key
                e.getAllProperties().forEach((k, v) -> assertNoCanary("exchange property " + k, k + "=" + v));
            }
        }

        // endpoints, configuration, routes
        assertEndpointsClean(source.equals("uri") ? 4 : 0);
        assertRoutesClean();

        assertNoCanary("captured log output", logText());
        assertTrue(logText().contains("Extend getRun run=" + RUN), "the component's DEBUG lines were captured");
        assertTrue(logText().contains("TRACE"), "TRACE events were captured");
    }

    private Exchange call(String uri, Object body) {
        return template.request(uri, e -> e.getIn().setBody(body));
    }

    private static Exchange expect(Class<? extends Exception> type, Exchange e) {
        assertNotNull(e.getException(), () -> "expected " + type.getSimpleName() + " but got body "
                                              + e.getMessage().getBody());
        assertInstanceOf(type, e.getException());
        return e;
    }

    private void assertEndpointsClean(int expectedWithKeyInUri) {
        int extendEndpoints = 0;
        int keyInUri = 0;
        for (Endpoint endpoint : context.getEndpoints()) {
            assertNoCanary("endpoint toString", endpoint.toString());
            assertNoCanary("sanitized endpoint URI", URISupport.sanitizeUri(endpoint.getEndpointUri()));
            assertNoCanary("endpoint base URI", endpoint.getEndpointBaseUri());
            if (endpoint instanceof ExtendEndpoint extend) {
                extendEndpoints++;
                if (endpoint.getEndpointUri().contains("apiKey=")) {
                    // the key is in the URI: it is there, masked
                    keyInUri++;
                    assertTrue(endpoint.toString().contains("apiKey=xxxxxx"), endpoint.toString());
                    assertTrue(URISupport.sanitizeUri(endpoint.getEndpointUri()).contains("apiKey=xxxxxx"));
                }
                assertNotNull(extend.getConfiguration().getApiKey(), "the key is configured");
                assertNoCanary("ExtendConfiguration.toString", extend.getConfiguration().toString());
                assertNoCanary("service URL", extend.getServiceUrl());
                assertNoCanary("service metadata", String.valueOf(extend.getServiceMetadata()));
            }
        }
        assertEquals(4, extendEndpoints);
        assertEquals(expectedWithKeyInUri, keyInUri);
        ExtendComponent component = context.getComponent("extend", ExtendComponent.class);
        assertEquals(COMPONENT_KEY, component.getConfiguration().getApiKey());
        assertNoCanary("component ExtendConfiguration.toString", component.getConfiguration().toString());
        assertNoCanary("component toString", component.toString());
    }

    private void assertRoutesClean() {
        StringBuilder dump = new StringBuilder();
        for (Route route : context.getRoutes()) {
            dump.append(route).append('\n').append(route.getEndpoint()).append('\n')
                    .append(route.getRouteDescription()).append('\n').append(route.getProperties()).append('\n');
            dumpProcessors(route.navigate(), dump);
        }
        dump.append(((ModelCamelContext) context).getRouteDefinitions());
        assertTrue(dump.toString().contains("extend://cancelRun"), "the dump shows the endpoints: " + dump);
        assertNoCanary("route dump", dump.toString());
    }

    private static void dumpProcessors(Navigate<Processor> nav, StringBuilder dump) {
        if (nav == null || !nav.hasNext()) {
            return;
        }
        for (Processor p : nav.next()) {
            dump.append(p).append('\n');
            if (p instanceof Navigate<?> child) {
                @SuppressWarnings("unchecked")
                Navigate<Processor> next = (Navigate<Processor>) child;
                dumpProcessors(next, dump);
            }
        }
    }

    private static void assertExceptionClean(Throwable t) {
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace)); // includes every cause and suppressed exception
        assertNoCanary("stack trace of " + t.getClass().getSimpleName(), trace.toString());
        for (Throwable c = t; c != null; c = c.getCause()) {
            assertNoCanary("message of " + c.getClass().getName(), String.valueOf(c.getMessage()));
            assertNoCanary("toString of " + c.getClass().getName(), c.toString());
            assertNoCanary("localized message of " + c.getClass().getName(), String.valueOf(c.getLocalizedMessage()));
            if (c instanceof ExtendApiException api) {
                assertNoCanary("response body", String.valueOf(api.getResponseBody()));
                assertNoCanary("response headers", String.valueOf(api.getResponseHeaders()));
                assertNoCanary("error message", String.valueOf(api.getErrorMessage()));
            }
            if (c instanceof ExtendCancelNotAllowedException refused) {
                WorkflowRun run = refused.getRun();
                assertNoCanary("current run", String.valueOf(run));
            }
        }
    }

    static void assertNoCanary(String where, String text) {
        if (text == null) {
            return;
        }
        List<String> hits = new ArrayList<>();
        for (String line : text.split("\n")) {
            for (String needle : List.of(CANARY, URI_KEY, COMPONENT_KEY)) {
                if (line.contains(needle)) {
                    hits.add(line.length() > 600 ? line.substring(0, 600) + "..." : line);
                    break;
                }
            }
        }
        if (!hits.isEmpty()) {
            fail("the API key leaked into " + where + " (" + hits.size() + " lines), e.g.:\n  "
                 + String.join("\n  ", hits.subList(0, Math.min(8, hits.size()))));
        }
    }

    /**
     * Camel core echoes the endpoint URI exactly as the route wrote it, at TRACE, while resolving an endpoint
     * (AbstractCamelContext "Getting endpoint with uri", EndpointHelper "Resolved property placeholders with uri",
     * DefaultComponent "Creating endpoint ... parameters"; the last one says so in a comment: "at trace level its okay
     * to have parameters logged, that may contain passwords"). A component cannot prevent that: it happens before the
     * component sees the URI. Those events are kept apart so that everything else is checked strictly; with the key on
     * the component (the documented way) they are checked strictly too.
     */
    static final java.util.Set<String> CAMEL_CORE_URI_ECHO = java.util.Set.of(
            "org.apache.camel.impl.engine.AbstractCamelContext",
            "org.apache.camel.support.EndpointHelper",
            "org.apache.camel.support.DefaultComponent");

    static boolean isCoreUriEcho(CapturedLogs.Event e) {
        return e.level() == Level.TRACE && CAMEL_CORE_URI_ECHO.contains(e.logger());
    }

    /** Everything captured but Camel core's TRACE echo of endpoint URIs. */
    static String logText() {
        return LOGS.text(e -> !isCoreUriEcho(e));
    }

    static String coreUriEcho() {
        return LOGS.text(SecretLeakTest::isCoreUriEcho);
    }

    /** Guards the guard: the capture must see a key if one is logged, or the checks above prove nothing. */
    @Test
    void captureWouldSeeALeak() {
        int before = logText().length();
        org.slf4j.LoggerFactory.getLogger("org.apache.hc.client5.http.impl.async.Probe").trace("probe {}", "p-1");
        org.slf4j.LoggerFactory.getLogger(ExtendClientProbe.class).trace("probe {}", "p-2");
        java.util.logging.Logger.getLogger("some.jul.logger").finest("probe p-3");
        System.err.println("probe p-4");
        String after = logText().substring(before);
        for (String p : List.of("p-1", "p-2", "p-3", "p-4")) {
            assertTrue(after.contains("probe " + p), "capture missed " + p + ": " + after);
        }
        assertFalse(after.isEmpty());
        // and the check itself fires
        try {
            assertNoCanary("self-test", "x " + URI_KEY + " y");
            fail("assertNoCanary did not detect the key");
        } catch (AssertionError expected) {
            assertTrue(expected.getMessage().contains("self-test"));
        }
    }

    /** Only used for a logger name inside {@code dev.camelextend}. */
    private static final class ExtendClientProbe {
    }
}

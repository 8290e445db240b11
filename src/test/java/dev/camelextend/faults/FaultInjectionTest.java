package dev.camelextend.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.camelextend.ExtendApiException;
import dev.camelextend.ExtendComponent;
import dev.camelextend.ExtendConnectionException;
import dev.camelextend.ExtendException;
import dev.camelextend.ExtendRateLimitException;
import dev.camelextend.ExtendServerException;
import dev.camelextend.ExtendTimeoutException;
import dev.camelextend.model.WorkflowRun;
import dev.camelextend.simulator.ExtendSimulator;
import dev.camelextend.simulator.RecordedRequest;
import dev.camelextend.simulator.RecordedRequest.Outcome;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The simulator's fault modes, one at a time and all mixed, against {@value #N} concurrent exchanges: every exchange
 * completes exactly once (the producer's callback, the exchange's on-completion Synchronization and Camel's
 * completed/failed event each fire once), with a {@link WorkflowRun} or exactly the typed exception its fault calls for.
 */
class FaultInjectionTest {

    static final int N = 200;
    static final String FAST_RETRIES = "&retryInitialDelay=5&retryMaxDelay=20";
    /** Bound on waiting for all exchanges of one round: generous, the machine is shared. */
    static final long ROUND_TIMEOUT_MS = 60_000;

    ExtendSimulator sim;
    CamelContext context;
    final Completions completions = new Completions();

    /** One exchange sent, with the run it was about. */
    record Sent(Exchange exchange, String runId, boolean cancel) {
        Exception error() {
            return exchange.getException();
        }
    }

    @BeforeEach
    void startSimulator() {
        sim = ExtendSimulator.builder().seed(2026).build().start();
    }

    @AfterEach
    void stopAll() {
        try {
            if (context != null) {
                context.stop();
            }
        } finally {
            sim.close();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // one fault at a time
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void serverErrorsEndInExtendServerExceptionAfterTheRetries() throws Exception {
        sim.faults().serverErrorRate(0.5).serverErrorStatus(503);
        List<Sent> sent = sendAll("maxRetries=1" + FAST_RETRIES, 1000, false);

        List<Sent> failed = onlyResultsOr(sent, ExtendServerException.class);
        for (Sent s : failed) {
            ExtendServerException e = (ExtendServerException) s.error();
            assertEquals(503, e.getStatusCode());
            assertEquals(List.of(Outcome.SERVER_ERROR, Outcome.SERVER_ERROR), outcomes(s.runId()),
                    "two attempts, both 503, for " + s.runId());
        }
        assertMixed(sent, failed);
    }

    @Test
    void connectionResetsEndInExtendConnectionException() throws Exception {
        sim.faults().resetAfterRequestRate(0.5);
        List<Sent> sent = sendAll("maxRetries=1" + FAST_RETRIES, 1000, false);

        List<Sent> failed = onlyResultsOr(sent, ExtendConnectionException.class);
        for (Sent s : failed) {
            List<Outcome> seen = outcomes(s.runId());
            assertEquals(Outcome.CONNECTION_RESET, seen.get(seen.size() - 1), s.runId() + " " + seen);
        }
        assertMixed(sent, failed);
    }

    @ParameterizedTest(name = "maxRetries={0}")
    @ValueSource(ints = { 0, 1 })
    void neverAnsweredRequestsEndInExtendTimeoutException(int maxRetries) throws Exception {
        sim.faults().neverAnswerRate(0.5);
        List<Sent> sent = sendAll("requestTimeout=300&maxRetries=" + maxRetries + FAST_RETRIES, 300, false);

        List<Sent> failed = new ArrayList<>();
        for (Sent s : sent) {
            List<RecordedRequest> requests = requestsFor(s.runId());
            // a request still waiting for a connection when its 300 ms ran out never reached the simulator
            assertTrue(requests.stream().filter(r -> r.method().equals("POST")).count() <= maxRetries + 1,
                    () -> "within the retry budget: " + requests);
            if (s.error() == null) {
                assertSucceeded(s);
                continue;
            }
            failed.add(s);
            if (s.error().getClass() == ExtendApiException.class && slowCancelThenUnconfirmedRefusal(requests)) {
                // an attempt answered later than 300 ms (a loaded machine) had cancelled the run; the retry was
                // refused and the confirming GET went unanswered: the refusal stands, as the design says
                assertEquals(400, ((ExtendApiException) s.error()).getStatusCode());
                continue;
            }
            assertEquals(ExtendTimeoutException.class, s.error().getClass(),
                    () -> s.runId() + " failed with " + s.error() + " after " + requests);
        }
        for (Sent s : sent) {
            List<Outcome> seen = outcomes(s.runId());
            if (seen.size() == maxRetries + 1 && seen.stream().allMatch(o -> o == Outcome.NEVER_ANSWERED)) {
                // the converse holds strictly: never answered at all means a timeout
                assertEquals(ExtendTimeoutException.class, s.error() == null ? null : s.error().getClass(),
                        s.runId() + " was never answered");
            }
        }
        assertMixed(sent, failed);
    }

    /**
     * A cancel was answered 200 (too late for the client) and a retry was refused with 400. The refusal stands only
     * when the confirming GET brought no answer in time (else the exchange would have the cancelled run).
     */
    static boolean slowCancelThenUnconfirmedRefusal(List<RecordedRequest> requests) {
        boolean cancelled = requests.stream().anyMatch(r -> r.method().equals("POST") && r.responseStatus() == 200);
        boolean refused = requests.stream().anyMatch(r -> r.method().equals("POST") && r.responseStatus() == 400);
        return cancelled && refused;
    }

    @Test
    void malformedSuccessBodiesEndInPlainExtendExceptionWithoutRetry() throws Exception {
        sim.faults().malformedBodyRate(0.5);
        List<Sent> sent = sendAll("maxRetries=2" + FAST_RETRIES, 1000, false);

        List<Sent> failed = onlyResultsOr(sent, ExtendException.class);
        for (Sent s : failed) {
            assertTrue(s.error().getMessage().contains("not a WorkflowRun"), s.error().getMessage());
            assertEquals(List.of(Outcome.MALFORMED_BODY), outcomes(s.runId()), "a malformed 2xx is not retried");
        }
        assertMixed(sent, failed);
    }

    @Test
    void rateLimitedRequestsEndInExtendRateLimitExceptionWithRetryAfter() throws Exception {
        sim.faults().rateLimit(20);
        // one retry, after the server's Retry-After (1 s): some get through then, the rest stay rate-limited
        List<Sent> sent = sendAll("maxRetries=1" + FAST_RETRIES, 1000, false);

        List<Sent> failed = onlyResultsOr(sent, ExtendRateLimitException.class);
        for (Sent s : failed) {
            ExtendRateLimitException e = (ExtendRateLimitException) s.error();
            assertEquals(429, e.getStatusCode());
            assertNotNull(e.getRetryAfter(), "Retry-After is kept");
            assertTrue(e.getRetryAfter().compareTo(Duration.ofSeconds(1)) >= 0, e.getRetryAfter().toString());
        }
        assertMixed(sent, failed);
    }

    @Test
    void latencyAloneDelaysButEveryExchangeSucceeds() throws Exception {
        sim.faults().latency(Duration.ofMillis(20), Duration.ofMillis(200));
        List<Sent> sent = sendAll("maxRetries=1" + FAST_RETRIES, 500, true);
        assertEquals(List.of(), onlyResultsOr(sent, ExtendException.class), "no failure from latency alone");
    }

    // ---------------------------------------------------------------------------------------------------------
    // all mixed
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void allFaultsMixed() throws Exception {
        sim.faults().serverErrorRate(0.1).resetAfterRequestRate(0.1).neverAnswerRate(0.05).malformedBodyRate(0.1)
                .latency(Duration.ZERO, Duration.ofMillis(40)).rateLimit("GET", 50).rateLimit("WRITE", 50);
        // half of the old one bucket of 100 per category: the simulator now counts reads and writes apart, and at 100
        // each the 429s that made some exchanges end rate-limited all but vanished, with them the mix this checks
        List<Sent> sent = sendAll("requestTimeout=1000&maxRetries=2" + FAST_RETRIES, 1000, true);

        Map<Class<?>, Integer> seen = new LinkedHashMap<>();
        for (Sent s : sent) {
            List<RecordedRequest> requests = requestsFor(s.runId());
            // maxRetries=2: at most 3 attempts of the operation, and for a cancel at most 3 attempts of the GET that
            // confirms a refusal (that lookup is retried within the same maxRetries)
            long posts = requests.stream().filter(r -> r.method().equals("POST")).count();
            long gets = requests.size() - posts;
            assertTrue(s.cancel() ? posts <= 3 && gets <= 3 : posts == 0 && gets <= 3,
                    () -> "attempts within the budget: " + requests);
            Exception e = s.error();
            seen.merge(e == null ? WorkflowRun.class : e.getClass(), 1, Integer::sum);
            if (e == null) {
                assertSucceeded(s);
                assertTrue(requests.stream().anyMatch(r -> r.outcome() == Outcome.ANSWERED && r.responseStatus() == 200),
                        () -> "a result needs a 200: " + requests);
            } else if (e.getClass() == ExtendServerException.class) {
                assertTrue(requests.stream().anyMatch(r -> r.outcome() == Outcome.SERVER_ERROR), requests::toString);
            } else if (e.getClass() == ExtendConnectionException.class) {
                assertTrue(requests.stream().anyMatch(r -> r.outcome() == Outcome.CONNECTION_RESET),
                        requests::toString);
            } else if (e.getClass() == ExtendTimeoutException.class) {
                // the last attempt was never answered - or, on a loaded machine, answered too late or still waiting
                // for a connection when its time ran out: the type is what the fault calls for either way
                assertTrue(requests.stream().noneMatch(r -> r.outcome() == Outcome.MALFORMED_BODY),
                        requests::toString);
            } else if (e.getClass() == ExtendException.class) {
                assertTrue(requests.stream().anyMatch(r -> r.outcome() == Outcome.MALFORMED_BODY), requests::toString);
            } else if (e.getClass() == ExtendRateLimitException.class) {
                assertTrue(requests.stream().anyMatch(r -> r.responseStatus() == 429), requests::toString);
            } else if (e.getClass() == ExtendApiException.class && ((ExtendApiException) e).getStatusCode() == 400
                       && s.cancel()) {
                // a cancel answered too late, retried and refused, whose confirming GET was itself faulted:
                // the refusal stands
                assertTrue(requests.stream().anyMatch(r -> r.responseStatus() == 400), requests::toString);
            } else {
                fail("unexpected outcome for " + s.runId() + ": " + e + " after " + requests, e);
            }
        }
        assertTrue(seen.getOrDefault(WorkflowRun.class, 0) > 0, seen::toString);
        assertTrue(seen.size() >= 3, () -> "several fault types showed up: " + seen);
    }

    // ---------------------------------------------------------------------------------------------------------
    // harness
    // ---------------------------------------------------------------------------------------------------------

    /**
     * Seeds {@value #N} PROCESSING runs and sends one exchange per run at once through {@code direct:} routes whose
     * only step is the component's producer (wrapped to count its callbacks). Waits (bounded) until all completed,
     * then a little longer to catch late second completions, and checks every signal fired exactly once.
     *
     * @param settleMillis how long to keep watching for late duplicate completions
     * @param mixGetRun    every second exchange uses getRun instead of cancelRun
     */
    List<Sent> sendAll(String options, long settleMillis, boolean mixGetRun) throws Exception {
        List<String> runIds = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            runIds.add(sim.seedRun("PROCESSING"));
        }
        context = new DefaultCamelContext();
        completions.install(context);
        ExtendComponent extend = context.getComponent("extend", ExtendComponent.class);
        extend.getConfiguration().setApiKey(sim.apiKey());
        extend.getConfiguration().setBaseUrl(sim.baseUrl());
        context.start();
        AsyncProducer cancel = context.getEndpoint("extend:cancelRun?" + options).createAsyncProducer();
        AsyncProducer get = context.getEndpoint("extend:getRun?" + options).createAsyncProducer();
        context.addService(cancel, true, true);
        context.addService(get, true, true);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(defaultErrorHandler().logExhausted(false)); // hundreds of expected failures
                from("direct:cancel").process(completions.counting(cancel));
                from("direct:get").process(completions.counting(get));
            }
        });
        ProducerTemplate template = context.createProducerTemplate();
        template.setThreadedAsyncMode(false); // the caller thread sends; the producer returns at once anyway

        long started = System.nanoTime();
        List<Sent> sent = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            boolean isCancel = !mixGetRun || i % 2 == 0;
            Exchange exchange = new DefaultExchange(context);
            exchange.getIn().setBody(runIds.get(i));
            sent.add(new Sent(exchange, runIds.get(i), isCancel));
            exchange.getExchangeExtension().addOnCompletion(completions.synchronization());
            template.asyncSend(isCancel ? "direct:cancel" : "direct:get", exchange);
        }
        assertTrue(completions.awaitSynchronizations(N, ROUND_TIMEOUT_MS),
                () -> "only " + completions.synchronizationsTotal() + " of " + N + " exchanges completed within "
                      + ROUND_TIMEOUT_MS + " ms");
        System.out.printf("%s: %d exchanges completed in %d ms%n", options, N, (System.nanoTime() - started) / 1_000_000);
        Thread.sleep(settleMillis); // a second completion would come late: give it the chance to show up
        List<String> ids = sent.stream().map(s -> s.exchange().getExchangeId()).toList();
        assertEquals(List.of(), completions.notExactlyOnce(ids, true), "every exchange completes exactly once");
        return sent;
    }

    /** Every exchange is a WorkflowRun result or fails with exactly {@code type}. @return the failed ones */
    static List<Sent> onlyResultsOr(List<Sent> sent, Class<? extends Exception> type) {
        List<Sent> failed = new ArrayList<>();
        for (Sent s : sent) {
            if (s.error() == null) {
                assertSucceeded(s);
            } else {
                assertEquals(type, s.error().getClass(), () -> s.runId() + " failed with " + s.error());
                assertEquals(s.runId(), ((ExtendException) s.error()).getRunId());
                failed.add(s);
            }
        }
        return failed;
    }

    static void assertSucceeded(Sent s) {
        WorkflowRun run = assertInstanceOf(WorkflowRun.class, s.exchange().getMessage().getBody(),
                () -> "a success carries the run: " + s.runId());
        assertEquals(s.runId(), run.getId());
        assertEquals(s.cancel() ? "CANCELLED" : "PROCESSING", run.getRawStatus());
        assertEquals(s.runId(), s.exchange().getMessage().getBody(dev.camelextend.model.WorkflowRun.class).getId());
    }

    /** With a 50 % fault share both outcomes show up among {@value #N} exchanges (the draws are seeded). */
    static void assertMixed(List<Sent> sent, List<Sent> failed) {
        assertTrue(!failed.isEmpty() && failed.size() < sent.size(),
                () -> failed.size() + " of " + sent.size() + " failed: expected some of each");
    }

    List<RecordedRequest> requestsFor(String runId) {
        String prefix = "/workflow_runs/" + runId;
        return sim.journal().stream()
                .filter(r -> r.rawPath().equals(prefix) || r.rawPath().equals(prefix + "/cancel"))
                .toList();
    }

    List<Outcome> outcomes(String runId) {
        return requestsFor(runId).stream().map(RecordedRequest::outcome).collect(Collectors.toList());
    }
}

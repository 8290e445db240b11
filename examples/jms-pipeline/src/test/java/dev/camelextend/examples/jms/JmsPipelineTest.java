package dev.camelextend.examples.jms;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.camelextend.simulator.ExtendSimulator;
import dev.camelextend.simulator.RecordedRequest;
import jakarta.jms.Session;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.Processor;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.component.jms.JmsMessage;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jms.connection.JmsResourceHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pipeline on an embedded, persistent Artemis against the Extend simulator with injected faults.
 * <p>
 * The size and fault rate come from the system properties {@code soak.requests} (default 1000),
 * {@code soak.faultRate} (default 0.07: the share of HTTP requests that get a fault, 5/7 of them an HTTP 500 and 2/7 a
 * connection dropped after the simulator processed the request) and {@code soak.consumers} (concurrent consumers,
 * default 16). The wait is bounded: 120 s plus 20 ms per request. See README.md for the full soak command.
 */
class JmsPipelineTest {

    private static final int REQUESTS = Integer.getInteger("soak.requests", 1000);
    private static final double FAULT_RATE = Double.parseDouble(System.getProperty("soak.faultRate", "0.07"));
    private static final int CONSUMERS = Integer.getInteger("soak.consumers", 16);

    private ExtendSimulator sim;
    private FaultGateway gateway;

    @BeforeEach
    void startExtend() throws Exception {
        sim = ExtendSimulator.builder().httpThreads(8).journalCapacity(Math.min(200_000, REQUESTS * 3)).build().start();
        gateway = new FaultGateway(sim.baseUrl());
    }

    @AfterEach
    void stopExtend() {
        if (gateway != null) {
            gateway.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void everyRequestEndsInExactlyOneQueue() throws Exception {
        List<Requests.Request> requests = Workload.create(REQUESTS, sim, gateway, "req-");
        sim.faults().processBeforeFault(true).serverErrorRate(FAULT_RATE * 5 / 7).resetAfterRequestRate(FAULT_RATE * 2 / 7);

        Path dataDir = Path.of("target", "artemis-test", "soak");
        Properties settings = TestPipeline.settings(dataDir, gateway.baseUrl(), sim.apiKey());
        settings.setProperty("pipeline.concurrent-consumers", Integer.toString(CONSUMERS));
        try (TestPipeline pipeline = new TestPipeline(settings).start();
             Outcomes outcomes = new Outcomes(new ActiveMQConnectionFactory("vm://0"), TestPipeline.RESULTS,
                     TestPipeline.REJECTED, TestPipeline.DLQ)) {
            long start = System.nanoTime();
            Requests.send(new ActiveMQConnectionFactory("vm://0"), TestPipeline.REQUESTS, requests);
            long pushed = System.nanoTime();
            Duration timeout = Duration.ofSeconds(120).plusMillis(REQUESTS * 20L);
            long lastOutcomeAt;
            while (outcomes.total() < REQUESTS && System.nanoTime() - start < timeout.toNanos()) {
                Thread.sleep(20);
            }
            lastOutcomeAt = System.nanoTime();
            int total = outcomes.await(REQUESTS, Duration.ZERO, Duration.ofSeconds(2));

            Report report = Report.of(requests, outcomes);
            double seconds = (lastOutcomeAt - start) / 1e9;
            System.out.printf("SOAK requests=%d faultRate=%.3f consumers=%d results=%d rejected=%d dlq=%d lost=%d duplicated=%d"
                              + " misrouted=%d elapsed=%.1fs pushed-in=%.1fs throughput=%.0f/s extend-http-requests=%d"
                              + " poisoned-answers=%d%n",
                    REQUESTS, FAULT_RATE, CONSUMERS, outcomes.count(TestPipeline.RESULTS), outcomes.count(TestPipeline.REJECTED),
                    outcomes.count(TestPipeline.DLQ), report.lost, report.duplicated, report.misrouted, seconds,
                    (pushed - start) / 1e9, REQUESTS / seconds, sim.requestCount(), gateway.poisonedAnswers());

            assertEquals(0, report.lost, () -> "lost requests, e.g. " + report.examples);
            assertEquals(0, report.duplicated, () -> "duplicated requests, e.g. " + report.examples);
            assertEquals(0, report.misrouted, () -> "requests in the wrong queue, e.g. " + report.examples);
            assertEquals(REQUESTS, total);
            assertHeaders(requests, outcomes);
            // every run that could be cancelled was cancelled
            for (Requests.Request r : requests) {
                if (r.expectedQueue().equals(TestPipeline.RESULTS)) {
                    assertEquals("CANCELLED", sim.status(r.runId()), r.toString());
                }
            }
        }
    }

    /** What each outcome queue carries, on one request of each kind. */
    private static void assertHeaders(List<Requests.Request> requests, Outcomes outcomes) {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        for (Requests.Request r : requests) {
            Outcomes.Outcome o = outcomes.of(r.requestId()).get(0);
            Map<String, Object> p = o.properties();
            if (o.queue().equals(TestPipeline.RESULTS) && seen.add("result")) {
                assertEquals(r.runId(), p.get(PipelineHeaders.RUN_ID));
                assertEquals("CANCELLED", p.get(PipelineHeaders.RUN_STATUS));
                assertNotNull(p.get(PipelineHeaders.EXTEND_REQUEST_ID));
                assertTrue(o.body().contains("\"id\":\"" + r.runId() + "\""), o.body());
            } else if (o.queue().equals(TestPipeline.REJECTED)) {
                String reason = (String) p.get(PipelineHeaders.REJECTED_REASON);
                if (r.runId().startsWith("../") && seen.add("invalid")) {
                    assertEquals("ExtendInvalidRunIdException", reason);
                    assertEquals(r.runId(), o.body());
                } else if (r.runId().contains("unknown") && seen.add("unknown")) {
                    assertEquals("ExtendNotFoundException", reason);
                    assertEquals(404, p.get(PipelineHeaders.HTTP_STATUS));
                    assertEquals("NOT_FOUND", p.get(PipelineHeaders.ERROR_CODE));
                    assertEquals(r.runId(), p.get(PipelineHeaders.RUN_ID));
                } else if (!r.runId().contains("unknown") && !r.runId().startsWith("../") && seen.add("finished")) {
                    assertEquals("ExtendCancelNotAllowedException", reason);
                    assertEquals(400, p.get(PipelineHeaders.HTTP_STATUS));
                    assertEquals("INVALID_REQUEST", p.get(PipelineHeaders.ERROR_CODE));
                    assertNotNull(p.get(PipelineHeaders.RUN_STATUS));
                    assertNotNull(p.get(PipelineHeaders.ERROR_MESSAGE));
                }
            } else if (o.queue().equals(TestPipeline.DLQ) && seen.add("dlq")) {
                assertEquals(r.runId(), o.body());
                assertEquals(TestPipeline.REQUESTS, String.valueOf(p.get("_AMQ_ORIG_QUEUE")));
            }
        }
        assertEquals(Set.of("result", "invalid", "unknown", "finished", "dlq"), seen);
    }

    /**
     * The send of an outcome commits together with the receive of its request: a failure after the send (here thrown
     * once, right after it) rolls the send back too, the broker redelivers the request, and the outcome queue still
     * holds exactly one message for it. The redelivered cancel finds the run CANCELLED, which
     * alreadyCancelledIsSuccess turns into a result, not a rejection.
     */
    @Test
    void outcomeSendsCommitWithTheReceive() throws Exception {
        String cancelRun = sim.seedRun("PROCESSING");
        String finishedRun = sim.seedRun("PROCESSED");
        String plainRun = sim.seedRun("PROCESSING");
        Set<String> failOnce = ConcurrentHashMap.newKeySet();
        failOnce.add("after-result");
        failOnce.add("after-rejection");
        AtomicInteger thrown = new AtomicInteger();

        Path dataDir = Path.of("target", "artemis-test", "atomic");
        try (TestPipeline pipeline = new TestPipeline(TestPipeline.settings(dataDir, gateway.baseUrl(), sim.apiKey()))) {
            AdviceWith.adviceWith(pipeline.context, CancelPipelineRoutes.ROUTE_ID, a -> {
                a.weaveById(CancelPipelineRoutes.SEND_RESULT_ID).after().process(e -> {
                    if (failOnce.remove(e.getMessage().getHeader(PipelineHeaders.REQUEST_ID, String.class))) {
                        thrown.incrementAndGet();
                        throw new IllegalStateException("crash after the result was sent");
                    }
                });
                a.weaveById(CancelPipelineRoutes.SEND_REJECTED_ID).after().process(e -> {
                    if (failOnce.remove(e.getMessage().getHeader(PipelineHeaders.REQUEST_ID, String.class))) {
                        thrown.incrementAndGet();
                        throw new IllegalStateException("crash after the rejection was sent");
                    }
                });
            });
            pipeline.start();
            try (Outcomes outcomes = new Outcomes(new ActiveMQConnectionFactory("vm://0"), TestPipeline.RESULTS,
                    TestPipeline.REJECTED, TestPipeline.DLQ)) {
                Requests.send(new ActiveMQConnectionFactory("vm://0"), TestPipeline.REQUESTS, List.of(
                        new Requests.Request("after-result", cancelRun, TestPipeline.RESULTS),
                        new Requests.Request("after-rejection", finishedRun, TestPipeline.REJECTED),
                        new Requests.Request("plain", plainRun, TestPipeline.RESULTS)));
                outcomes.await(3, Duration.ofSeconds(30), Duration.ofSeconds(1));

                assertEquals(2, thrown.get(), "both failures were thrown");
                for (String id : List.of("after-result", "after-rejection", "plain")) {
                    assertEquals(1, outcomes.of(id).size(), () -> id + ": " + outcomes.of(id));
                }
                assertEquals(TestPipeline.RESULTS, outcomes.of("after-result").get(0).queue());
                assertEquals("CANCELLED", outcomes.of("after-result").get(0).properties().get(PipelineHeaders.RUN_STATUS));
                assertEquals(TestPipeline.REJECTED, outcomes.of("after-rejection").get(0).queue());
                assertEquals(3, outcomes.total());
                // the first cancel of cancelRun reached Extend and succeeded; the redelivery asked again
                assertEquals(2, cancelPosts(cancelRun), "cancel requests for the run that failed after its result");
            }
        }
    }

    /**
     * How the transaction is wired: where the outcome is sent, the JMS transaction manager's transaction is bound to
     * the thread (it is the consumer thread, not an HTTP I/O thread), and its session, the one the send will use, is
     * the session the request was received on.
     */
    @Test
    void outcomeIsSentOnTheSessionThatReceivedTheRequest() throws Exception {
        String cancelRun = sim.seedRun("PROCESSING");
        String finishedRun = sim.seedRun("PROCESSED");
        List<String> seen = Collections.synchronizedList(new ArrayList<>());

        Path dataDir = Path.of("target", "artemis-test", "session");
        try (TestPipeline pipeline = new TestPipeline(TestPipeline.settings(dataDir, gateway.baseUrl(), sim.apiKey()))) {
            Object connectionFactory = pipeline.context.getComponent("jms", JmsComponent.class).getConnectionFactory();
            Processor probe = e -> {
                JmsResourceHolder tx = (JmsResourceHolder) TransactionSynchronizationManager.getResource(connectionFactory);
                Session received = e.getIn(JmsMessage.class).getJmsSession();
                seen.add(e.getMessage().getHeader(PipelineHeaders.REQUEST_ID) + ":"
                         + (tx != null ? "tx" : "no-tx") + ":"
                         + (tx != null && tx.getSession() == received ? "same-session" : "other-session") + ":"
                         + (Thread.currentThread().getName().contains("JmsConsumer") ? "consumer" : "other-thread"));
            };
            AdviceWith.adviceWith(pipeline.context, CancelPipelineRoutes.ROUTE_ID, a -> {
                a.weaveById(CancelPipelineRoutes.SEND_RESULT_ID).before().process(probe);
                a.weaveById(CancelPipelineRoutes.SEND_REJECTED_ID).before().process(probe);
            });
            pipeline.start();
            try (Outcomes outcomes = new Outcomes(new ActiveMQConnectionFactory("vm://0"), TestPipeline.RESULTS,
                    TestPipeline.REJECTED, TestPipeline.DLQ)) {
                Requests.send(new ActiveMQConnectionFactory("vm://0"), TestPipeline.REQUESTS, List.of(
                        new Requests.Request("cancel", cancelRun, TestPipeline.RESULTS),
                        new Requests.Request("refused", finishedRun, TestPipeline.REJECTED)));
                outcomes.await(2, Duration.ofSeconds(30), Duration.ZERO);
            }
        }
        assertEquals(Set.of("cancel:tx:same-session:consumer", "refused:tx:same-session:consumer"), Set.copyOf(seen));
    }

    /**
     * With {@code broker.url} set, the pipeline starts no broker of its own and uses that one: here a second Artemis
     * started by the test, reached over TCP.
     */
    @Test
    void usesAnExternalBrokerWhenBrokerUrlIsSet() throws Exception {
        String runId = sim.seedRun("PROCESSING");
        Path brokerDir = Path.of("target", "artemis-test", "external-broker");
        Properties brokerProps = TestPipeline.settings(brokerDir, "http://unused", "unused");
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        brokerProps.setProperty("broker.tcp-port", Integer.toString(port));
        DefaultCamelContext brokerSettings = new DefaultCamelContext();
        brokerSettings.getPropertiesComponent().setInitialProperties(brokerProps);
        EmbeddedBroker external = new EmbeddedBroker(PipelineSettings.from(brokerSettings), 7);
        external.start();
        try {
            Properties settings = TestPipeline.settings(Path.of("target", "artemis-test", "unused"), gateway.baseUrl(),
                    sim.apiKey());
            settings.setProperty("broker.url", "tcp://127.0.0.1:" + port);
            try (TestPipeline pipeline = new TestPipeline(settings).start();
                 Outcomes outcomes = new Outcomes(external.connectionFactory(), TestPipeline.RESULTS,
                         TestPipeline.REJECTED, TestPipeline.DLQ)) {
                Requests.send(external.connectionFactory(), TestPipeline.REQUESTS,
                        List.of(new Requests.Request("external", runId, TestPipeline.RESULTS)));
                outcomes.await(1, Duration.ofSeconds(30), Duration.ZERO);
                assertEquals(TestPipeline.RESULTS, outcomes.of("external").get(0).queue());
                assertNull(pipeline.context.hasService(EmbeddedBroker.class), "no embedded broker");
            }
        } finally {
            external.stop();
        }
    }

    private long cancelPosts(String runId) {
        List<RecordedRequest> journal = sim.journal();
        return journal.stream().filter(r -> r.method().equals("POST") && r.path().endsWith(runId + "/cancel")).count();
    }

    /** Lost, duplicated and misrouted requests. */
    private static final class Report {
        int lost;
        int duplicated;
        int misrouted;
        final List<String> examples = new ArrayList<>();

        static Report of(List<Requests.Request> requests, Outcomes outcomes) {
            Report r = new Report();
            Set<String> known = ConcurrentHashMap.newKeySet();
            for (Requests.Request req : requests) {
                known.add(req.requestId());
                List<Outcomes.Outcome> got = outcomes.of(req.requestId());
                if (got.isEmpty()) {
                    r.lost++;
                    r.example("lost " + req);
                } else if (got.size() > 1) {
                    r.duplicated++;
                    r.example("duplicated " + req + " -> " + got);
                } else if (!got.get(0).queue().equals(req.expectedQueue())) {
                    r.misrouted++;
                    r.example("misrouted " + req + " -> " + got.get(0));
                }
            }
            for (String id : outcomes.all().keySet()) {
                if (!known.contains(id)) {
                    r.duplicated++;
                    r.example("unknown request id " + id);
                }
            }
            return r;
        }

        private void example(String text) {
            if (examples.size() < 5) {
                examples.add(text);
            }
        }
    }
}

package dev.camelextend.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.camelextend.ExtendComponent;
import dev.camelextend.ExtendException;
import dev.camelextend.model.WorkflowRun;
import dev.camelextend.simulator.ExtendSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.camelextend.support.ExtendTestKit.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stopping the CamelContext while calls are in flight - requests never answered, answers delayed, retries waiting on
 * their backoff: every exchange still completes exactly once (in-flight ones exceptionally), the component's threads
 * ({@code camel-extend-io-*}, {@code idle-connection-evictor-*}, {@code ExtendRetryScheduler}) end, and not one
 * request reaches the server after the stop - a retry scheduled before it must not fire.
 */
class ShutdownTest {

    static final int N = 120;
    /** Threads that belong to the test's own server, not to Camel or the component. */
    static final List<String> NOT_OURS = List.of("extend-simulator-", "HTTP-Dispatcher", "idle-timeout-task");

    ExtendSimulator sim;
    CamelContext context;

    @AfterEach
    void cleanUp() {
        try {
            if (context != null && !context.isStopped()) {
                context.stop();
            }
        } finally {
            if (sim != null) {
                sim.close();
            }
        }
    }

    @Test
    void stoppingWithCallsInFlightEndsEveryExchangeOnceAndLeavesNoThreadNorRequest() throws Exception {
        sim = ExtendSimulator.builder().seed(99).build().start();
        List<String> runIds = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            runIds.add(sim.seedRun("PROCESSING"));
        }
        Map<String, Integer> baseline = threads();
        System.out.println("ShutdownTest baseline threads (" + total(baseline) + "): " + baseline);

        context = new DefaultCamelContext();
        context.getShutdownStrategy().setTimeout(1); // seconds; then Camel forces the routes down
        context.getShutdownStrategy().setSuppressLoggingOnTimeout(true);
        Completions completions = new Completions();
        completions.install(context);
        completions.countToSteps(context);
        ExtendComponent extend = context.getComponent("extend", ExtendComponent.class);
        extend.getConfiguration().setApiKey(sim.apiKey());
        extend.getConfiguration().setBaseUrl(sim.baseUrl());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(defaultErrorHandler().logExhausted(false));
                // never-answered requests wait 20 s; a 5xx is retried after 1.5..3 s: both outlive the stop below
                from("direct:cancel").to("extend:cancelRun?requestTimeout=20000&maxRetries=2"
                                         + "&retryInitialDelay=3000&retryMaxDelay=3000");
            }
        });
        context.start();

        sim.faults().neverAnswerRate(0.3).serverErrorRate(0.3).latency(Duration.ofMillis(200));
        ProducerTemplate template = context.createProducerTemplate();
        template.setThreadedAsyncMode(false);
        List<Exchange> sent = new ArrayList<>();
        for (String runId : runIds) {
            Exchange exchange = new DefaultExchange(context);
            exchange.getIn().setBody(runId);
            exchange.getExchangeExtension().addOnCompletion(completions.synchronization());
            sent.add(exchange);
            template.asyncSend("direct:cancel", exchange);
        }
        // bounded wait until every first attempt reached the simulator and the answered ones came back
        waitUntil(() -> sim.requestCount() >= N && completions.synchronizationsTotal() > 0, Duration.ofSeconds(20));
        Thread.sleep(400); // the delayed 5xx answers arrive and schedule their retries
        Map<String, Integer> running = threads();
        int completedBeforeStop = completions.synchronizationsTotal();
        long requestsBeforeStop = sim.requestCount();
        assertTrue(completedBeforeStop > 0 && completedBeforeStop < N,
                () -> "some exchanges done, some in flight at the stop: " + completedBeforeStop + " of " + N);

        long t0 = System.nanoTime();
        context.stop();
        long stopMillis = (System.nanoTime() - t0) / 1_000_000;
        long requestsAtStop = sim.requestCount();

        // every exchange ends - the in-flight ones because of the stop - and exactly once
        boolean allDone = completions.awaitSynchronizations(N, 10_000);
        long doneMillis = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("ShutdownTest: %d of %d done before stop, %d requests before stop, %d at stop; stop took %d ms,"
                          + " all done %d ms after the stop began: %s%n", completedBeforeStop, N, requestsBeforeStop,
                requestsAtStop, stopMillis, doneMillis, allDone);
        if (!allDone) {
            for (Exchange e : sent) {
                if (e.getException() == null && !(e.getMessage().getBody() instanceof WorkflowRun)) {
                    String id = e.getIn().getBody(String.class);
                    System.out.println("PENDING " + id + " " + sim.journal().stream()
                            .filter(r -> r.rawPath().contains(id)).map(r -> r.outcome() + "/" + r.responseStatus())
                            .toList());
                }
            }
        }
        assertTrue(allDone, () -> (N - completions.synchronizationsTotal()) + " exchanges never completed after the"
                                  + " context stopped: " + pending(sent));
        Thread.sleep(300); // a late second completion would show up now
        List<String> ids = sent.stream().map(Exchange::getExchangeId).toList();
        assertEquals(List.of(), completions.notExactlyOnce(ids, true), "every exchange completes exactly once");
        for (Exchange e : sent) {
            if (e.getException() == null) {
                assertInstanceOf(WorkflowRun.class, e.getMessage().getBody());
            } else {
                assertInstanceOf(ExtendException.class, e.getException(), "a typed failure, not a raw one");
            }
        }

        // the component's threads are gone, and the total is back to the baseline (a few JVM threads of slack)
        Map<String, Integer> after = threads();
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while ((!componentThreadsBeyond(after, baseline).isEmpty() || total(after) > total(baseline) + 2) && System.nanoTime() < until) {
            Thread.sleep(50);
            after = threads();
        }
        System.out.println("ShutdownTest threads while running (" + total(running) + "): " + running);
        System.out.println("ShutdownTest threads after stop (" + total(after) + "): " + after);
        assertTrue(running.keySet().stream().anyMatch(n -> n.startsWith("camel-extend-io"))
                   && running.keySet().stream().anyMatch(n -> n.contains("ExtendRetryScheduler")),
                () -> "the component's threads were seen while running: " + running);
        Map<String, Integer> left = after;
        assertEquals(Map.of(), componentThreadsBeyond(left, baseline), () -> "component threads left after stop: " + left);
        assertTrue(total(left) <= total(baseline) + 2,
                () -> "threads after stop " + left + " vs baseline " + baseline);

        // nothing is sent after the stop: not the retries that were waiting, not anything else
        Thread.sleep(3000); // past every backoff (at most 3 s) scheduled before the stop
        assertEquals(requestsAtStop, sim.requestCount(), "requests reached the server after the context stopped");
    }

    /** Live threads grouped by name with trailing digits removed, leaving out the simulator's own. */
    static Map<String, Integer> threads() {
        Map<String, Integer> byName = new TreeMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!t.isAlive() || NOT_OURS.stream().anyMatch(t.getName()::startsWith)) {
                continue;
            }
            byName.merge(t.getName().replaceAll("\\d+", "#"), 1, Integer::sum);
        }
        return byName;
    }

    static int total(Map<String, Integer> threads) {
        return threads.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * The component's threads in {@code threads} beyond those the baseline already had, by name pattern and count:
     * an earlier test class of the same fork may have left its own, and those are not this context's.
     */
    static Map<String, Integer> componentThreadsBeyond(Map<String, Integer> threads, Map<String, Integer> baseline) {
        Map<String, Integer> beyond = new TreeMap<>();
        threads.forEach((name, count) -> {
            boolean component = name.startsWith("camel-extend-io") || name.startsWith("idle-connection-evictor")
                                || name.contains("ExtendRetryScheduler");
            if (component && count > baseline.getOrDefault(name, 0)) {
                beyond.put(name, count - baseline.getOrDefault(name, 0));
            }
        });
        return beyond;
    }

    static String pending(List<Exchange> sent) {
        return sent.stream().filter(e -> e.getException() == null && !(e.getMessage().getBody() instanceof WorkflowRun))
                .map(e -> e.getIn().getBody(String.class)).limit(5).collect(Collectors.joining(", ", "[", ", ...]"));
    }
}

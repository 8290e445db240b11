package dev.camelextend.faults;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.camelextend.ExtendComponent;
import dev.camelextend.simulator.ExtendSimulator;
import dev.camelextend.support.CapturedLogs;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Synchronization;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Round after round of every fault mixed (5xx, resets, silent servers, malformed bodies, a server-side rate limit,
 * latency), through one long-lived context whose routes block a little after each call, as many do: every exchange
 * completes exactly once, and nothing grows from round to round - threads, heap, bytes held by answers - nor is the
 * API key ever logged. The figures of each round are printed for docs/reliability.md.
 */
class SoakTest {

    /** {@code -Dsoak.rounds=60} soaks for longer; CI runs the default. */
    static final int ROUNDS = Math.max(3, Integer.getInteger("soak.rounds", 3));
    static final int PER_ROUND = 500;
    /** Live threads may differ between rounds by this much: idle worker threads end after a minute, not at once. */
    static final int THREAD_SLACK = 60;
    /** Heap after GC may grow by this much between the second and the last round (JIT, caches; not exchanges). */
    static final long HEAP_SLACK_BYTES = 48L * 1024 * 1024;

    @Test
    void roundAfterRoundOfMixedFaultsLeavesNothingBehind() throws Exception {
        ExtendSimulator sim = ExtendSimulator.builder().seed(9).build().start();
        CamelContext context = new DefaultCamelContext();
        try (CapturedLogs logs = new CapturedLogs(Level.WARN)) {
            ExtendComponent extend = context.getComponent("extend", ExtendComponent.class);
            extend.getConfiguration().setApiKey(sim.apiKey());
            extend.getConfiguration().setBaseUrl(sim.baseUrl());
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    errorHandler(defaultErrorHandler().logExhausted(false)); // thousands of expected failures
                    from("direct:cancel")
                            .to("extend:cancelRun?requestTimeout=1000&maxRetries=2&retryInitialDelay=20"
                                + "&retryMaxDelay=50")
                            .delay(2).syncDelayed(); // a blocking step after the call, on a worker thread
                }
            });
            context.start();
            mixAllFaults(sim);
            ProducerTemplate template = context.createProducerTemplate();
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

            List<long[]> figures = new ArrayList<>(); // ms, threads, heap after GC
            Map<String, Integer> outcomes = new LinkedHashMap<>();
            for (int round = 1; round <= ROUNDS; round++) {
                Map<String, AtomicInteger> completions = new ConcurrentHashMap<>();
                long start = System.nanoTime();
                List<CompletableFuture<Exchange>> sent = new ArrayList<>();
                for (int i = 0; i < PER_ROUND; i++) {
                    String id = sim.seedRun("PROCESSING");
                    sent.add(template.asyncSend("direct:cancel", e -> {
                        e.getIn().setBody(id);
                        e.getExchangeExtension().addOnCompletion(counter(completions));
                    }));
                }
                for (CompletableFuture<Exchange> f : sent) {
                    Exchange out = f.get(120, TimeUnit.SECONDS);
                    String kind = out.getException() == null ? "WorkflowRun" : out.getException().getClass()
                            .getSimpleName();
                    outcomes.merge(kind, 1, Integer::sum);
                }
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                Thread.sleep(200); // a second completion would come late
                // the simulator lives in this JVM: its runs, journal and the connections it holds open for its
                // "never answer" fault are its own state, not the client's
                sim.reset().clearRuns();
                mixAllFaults(sim);
                assertEquals(PER_ROUND, completions.size(), "every exchange completed");
                completions.forEach((id, n) -> assertEquals(1, n.get(), "exchange " + id + " completed " + n + " times"));
                System.gc();
                long heap = memory.getHeapMemoryUsage().getUsed();
                int threads = Thread.activeCount();
                figures.add(new long[] {millis, threads, heap});
                System.out.printf("SoakTest round %d: %d exchanges in %d ms, %d live threads, heap after GC %d MB%n",
                        round, PER_ROUND, millis, threads, heap / (1024 * 1024));
            }
            System.out.println("SoakTest outcomes over " + ROUNDS * PER_ROUND + " exchanges: " + outcomes
                               + "; WARN or ERROR log events: " + logs.events().size());

            long[] second = figures.get(1);
            long[] last = figures.get(ROUNDS - 1);
            assertTrue(last[1] <= second[1] + THREAD_SLACK, "threads grew: " + second[1] + " -> " + last[1]);
            assertTrue(last[2] <= second[2] + HEAP_SLACK_BYTES,
                    "heap after GC grew: " + second[2] / 1048576 + " MB -> " + last[2] / 1048576 + " MB");
            assertTrue(outcomes.getOrDefault("WorkflowRun", 0) > 0 && outcomes.size() >= 3, outcomes::toString);
            assertEquals(List.of(), logs.events().stream().filter(e -> e.message().contains(sim.apiKey())
                                                                     || String.valueOf(e.thrown())
                                                                             .contains(sim.apiKey()))
                    .toList(), "the key is never logged");
        } finally {
            context.stop();
            sim.close();
        }
    }

    private static void mixAllFaults(ExtendSimulator sim) {
        sim.faults().serverErrorRate(0.1).resetAfterRequestRate(0.1).neverAnswerRate(0.03)
                .malformedBodyRate(0.05).latency(Duration.ZERO, Duration.ofMillis(30)).rateLimit(400);
    }

    private static Synchronization counter(Map<String, AtomicInteger> completions) {
        return new Synchronization() {
            @Override
            public void onComplete(Exchange exchange) {
                completions.computeIfAbsent(exchange.getExchangeId(), k -> new AtomicInteger()).incrementAndGet();
            }

            @Override
            public void onFailure(Exchange exchange) {
                onComplete(exchange);
            }
        };
    }
}

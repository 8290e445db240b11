package dev.camelextend.simulator.test;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import dev.camelextend.simulator.ExtendSimulator;
import dev.camelextend.simulator.RecordedRequest.Outcome;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Latency and never-answer hold no thread; close() leaves nothing behind. */
class ConcurrencyTest {

    static Set<String> simulatorThreads(int port) {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.startsWith("extend-simulator-" + port + "-")).collect(Collectors.toSet());
    }

    static void awaitJournal(ExtendSimulator sim, int entries) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5000;
        while (sim.journal().size() < entries && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(entries, sim.journal().size());
    }

    @Test
    void thousandConcurrentRequestsWith200msLatencyOnFourThreads() throws Exception {
        try (ExtendSimulator sim = ExtendSimulator.builder().httpThreads(4).build().start()) {
            SimHttp http = new SimHttp(sim);
            String id = sim.seedRun("PROCESSING");
            assertEquals(200, http.get("/workflow_runs/" + id).statusCode()); // warm up
            sim.clearJournal();
            sim.faults().latency(Duration.ofMillis(200));
            int n = 1000;
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>(n);
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                HttpRequest req = http.request("/workflow_runs/" + id).timeout(Duration.ofSeconds(30)).GET().build();
                calls.add(http.client.sendAsync(req, HttpResponse.BodyHandlers.ofString()));
            }
            CompletableFuture<Void> all = CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new));
            int peakHeld = 0;
            while (!all.isDone() && System.nanoTime() - t0 < 60_000_000_000L) {
                peakHeld = Math.max(peakHeld, sim.heldExchanges());
                Thread.sleep(2);
            }
            all.get(60, TimeUnit.SECONDS);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            // timing-independent: far more delayed answers in flight at once than the 4 threads could block on
            assertTrue(peakHeld >= 40, "peak of held exchanges " + peakHeld);
            assertEquals(0, sim.heldExchanges());
            for (CompletableFuture<HttpResponse<String>> c : calls) {
                assertEquals(200, c.get().statusCode());
            }
            // blocking the 4 threads for 200 ms each would take 1000 * 200 / 4 ms = 50 s; unloaded this takes ~2 s,
            // the bound leaves room for a busy 2-core machine
            assertTrue(ms < 30_000, "1000 requests with 200 ms latency took " + ms + " ms");
            assertEquals(n, sim.requestCount());
            Set<String> threads = simulatorThreads(sim.port());
            assertTrue(threads.size() <= 5, "4 http threads + 1 scheduler, got " + threads);
        }
    }

    @Test
    void closeAbortsHeldExchangesAndEndsEveryThread() throws Exception {
        ExtendSimulator sim = ExtendSimulator.builder().build().start();
        int port = sim.port();
        SimHttp http = new SimHttp(sim);
        String id = sim.seedRun("PROCESSING");
        sim.faults().neverAnswerRate(1.0);
        CompletableFuture<HttpResponse<String>> never = http.client.sendAsync(
                http.request("/workflow_runs/" + id).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        awaitJournal(sim, 1);
        sim.faults().neverAnswerRate(0).latency(Duration.ofSeconds(20));
        CompletableFuture<HttpResponse<String>> slow = http.client.sendAsync(
                http.request("/workflow_runs/" + id).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        awaitJournal(sim, 2);
        assertEquals(List.of(Outcome.NEVER_ANSWERED, Outcome.ANSWERED),
                sim.journal().stream().map(r -> r.outcome()).toList());
        assertTrue(simulatorThreads(port).size() >= 2);
        long t0 = System.nanoTime();
        sim.close();
        for (CompletableFuture<HttpResponse<String>> f : List.of(never, slow)) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
            assertInstanceOf(IOException.class, e.getCause(), "the client sees its connection closed");
        }
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 5000, "no waiting for the 30 s client timeouts");
        assertEquals(Set.of(), simulatorThreads(port));
        assertTrue(!sim.isRunning());
        sim.close(); // idempotent
        assertThrows(IllegalStateException.class, sim::start);
    }

    @Test
    void resetAbortsHeldExchanges() throws Exception {
        try (ExtendSimulator sim = ExtendSimulator.builder().build().start()) {
            SimHttp http = new SimHttp(sim);
            sim.neverAnswerNext();
            // a POST: java.net.http would silently re-send an aborted GET on a new connection
            CompletableFuture<HttpResponse<String>> never = http.client.sendAsync(
                    http.request("/workflow_runs/workflow_run_x/cancel").timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            awaitJournal(sim, 1);
            sim.reset();
            ExecutionException e = assertThrows(ExecutionException.class, () -> never.get(10, TimeUnit.SECONDS));
            assertInstanceOf(IOException.class, e.getCause());
            assertEquals(200, http.get("/workflow_runs").statusCode());
        }
    }
}

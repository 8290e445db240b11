package dev.camelextend.examples.jms;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.camelextend.simulator.ExtendSimulator;
import dev.camelextend.simulator.RecordedRequest;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A JVM that dies mid-run loses nothing and duplicates nothing. The app ({@link JmsPipelineApp}, embedded broker with
 * a TCP acceptor) runs in a child JVM; the test sends 1,000 requests over TCP, kills the child with SIGKILL while it
 * works through them (no shutdown hook, no graceful stop: uncommitted transactions are simply gone), starts a second
 * child on the same broker journal, and drains the outcome queues: every request must be in exactly one of them.
 */
class JmsPipelineCrashTest {

    private static final int REQUESTS = 1000;

    private final List<Process> children = new ArrayList<>();
    private ExtendSimulator sim;
    private FaultGateway gateway;

    @AfterEach
    void cleanUp() {
        for (Process p : children) {
            p.destroyForcibly();
        }
        if (gateway != null) {
            gateway.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void killedMidRunThenRestartedLosesAndDuplicatesNothing() throws Exception {
        sim = ExtendSimulator.builder().httpThreads(8).build().start();
        gateway = new FaultGateway(sim.baseUrl());
        List<Requests.Request> requests = Workload.create(REQUESTS, sim, gateway, "crash-");
        // slow answers keep several cancels in flight when the JVM dies
        sim.faults().latency(Duration.ofMillis(10), Duration.ofMillis(40));

        Path dataDir = Path.of("target", "artemis-test", "crash").toAbsolutePath();
        TestPipeline.deleteRecursively(dataDir);
        int port = freePort();
        ActiveMQConnectionFactory tcp = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port + "?reconnectAttempts=0");

        Process first = startApp(dataDir, port, "first");
        awaitBroker(tcp, first);
        Requests.send(tcp, TestPipeline.REQUESTS, requests);

        // let it work through part of the requests, then kill it without warning
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (cancelsAnswered() < REQUESTS / 4 && System.nanoTime() < deadline && first.isAlive()) {
            Thread.sleep(5);
        }
        first.destroyForcibly(); // SIGKILL
        assertTrue(first.waitFor(30, TimeUnit.SECONDS), "the first app did not die");
        long cancelledBeforeCrash = cancelled(requests);
        long expectedResults = requests.stream().filter(r -> r.expectedQueue().equals(TestPipeline.RESULTS)).count();
        assertTrue(cancelledBeforeCrash > 0 && cancelledBeforeCrash < expectedResults,
                "the crash must come mid-run, but " + cancelledBeforeCrash + " of " + expectedResults
                + " runs were cancelled by then");

        Process second = startApp(dataDir, port, "second");
        awaitBroker(tcp, second);
        try (Outcomes outcomes = new Outcomes(tcp, TestPipeline.RESULTS, TestPipeline.REJECTED, TestPipeline.DLQ)) {
            int total = outcomes.await(REQUESTS, Duration.ofSeconds(120), Duration.ofSeconds(2));
            int lost = 0;
            int duplicated = 0;
            List<String> problems = new ArrayList<>();
            for (Requests.Request r : requests) {
                List<Outcomes.Outcome> got = outcomes.of(r.requestId());
                if (got.size() != 1 || !got.get(0).queue().equals(r.expectedQueue())) {
                    lost += got.isEmpty() ? 1 : 0;
                    duplicated += got.size() > 1 ? 1 : 0;
                    if (problems.size() < 5) {
                        problems.add(r + " -> " + got);
                    }
                }
            }
            long twice = runsCancelledTwice(requests);
            System.out.printf("CRASH requests=%d killed-after=%d-cancelled results=%d rejected=%d dlq=%d lost=%d"
                              + " duplicated=%d runs-whose-cancel-reached-extend-twice=%d%n",
                    REQUESTS, cancelledBeforeCrash, outcomes.count(TestPipeline.RESULTS),
                    outcomes.count(TestPipeline.REJECTED), outcomes.count(TestPipeline.DLQ), lost, duplicated, twice);
            assertEquals(List.of(), problems);
            assertEquals(REQUESTS, total);
            assertEquals(expectedResults, cancelled(requests), "every run that could be cancelled was");
        }
        second.destroy(); // SIGTERM: Camel Main shuts down gracefully
        if (!second.waitFor(60, TimeUnit.SECONDS)) {
            fail("the second app did not stop on SIGTERM");
        }
    }

    private Process startApp(Path dataDir, int port, String name) throws IOException {
        Path log = Path.of("target", "crash-test-" + name + ".log");
        Files.createDirectories(log.getParent());
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp", System.getProperty("java.class.path"),
                "-Dbroker.data-dir=" + dataDir,
                "-Dbroker.tcp-port=" + port,
                "-Dbroker.max-delivery-attempts=" + TestPipeline.MAX_DELIVERY_ATTEMPTS,
                "-Dbroker.redelivery-delay=100",
                "-Dbroker.max-redelivery-delay=1000",
                "-Dextend.api-key=" + sim.apiKey(),
                "-Dextend.base-url=" + gateway.baseUrl(),
                "-Dextend.retry-initial-delay=50",
                "-Dpipeline.demo-requests=0",
                JmsPipelineApp.class.getName()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("EXTEND_API_KEY");
        Process p = pb.start();
        children.add(p);
        return p;
    }

    private static void awaitBroker(ActiveMQConnectionFactory factory, Process app) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                fail("the app exited with " + app.exitValue() + " (see target/crash-test-*.log)");
            }
            try (Connection c = factory.createConnection()) {
                return;
            } catch (JMSException notYet) {
                Thread.sleep(250);
            }
        }
        fail("the app's broker did not come up (see target/crash-test-*.log)");
    }

    private long cancelsAnswered() {
        return sim.journal().stream().filter(r -> r.method().equals("POST") && r.path().endsWith("/cancel")).count();
    }

    private long cancelled(List<Requests.Request> requests) {
        return requests.stream().filter(r -> r.expectedQueue().equals(TestPipeline.RESULTS))
                .filter(r -> sim.status(r.runId()).equals("CANCELLED")).count();
    }

    /** Runs of the results kind that got more than one cancel request: redeliveries of work the crash interrupted. */
    private long runsCancelledTwice(List<Requests.Request> requests) {
        Map<String, Integer> posts = new HashMap<>();
        for (RecordedRequest r : sim.journal()) {
            if (r.method().equals("POST") && r.path().endsWith("/cancel")) {
                String runId = r.path().split("/")[2];
                posts.merge(runId, 1, Integer::sum);
            }
        }
        return requests.stream().filter(r -> r.expectedQueue().equals(TestPipeline.RESULTS))
                .filter(r -> posts.getOrDefault(r.runId(), 0) > 1).count();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}

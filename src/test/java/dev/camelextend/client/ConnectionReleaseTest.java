package dev.camelextend.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import dev.camelextend.model.ExtendJson;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.io.CloseMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A call's future completes only after its connection is back in the pool. HttpClient 5 hands a response to its
 * callback before it releases the connection; whatever runs in that callback (the rest of a Camel route, the next
 * call) would otherwise hold the connection, and a call started there would lease another one - often owned by
 * another I/O thread, which costs a cross-thread hand-off per call.
 */
class ConnectionReleaseTest {

    private static final int CALLS = 40;

    private HttpServer server;
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private CloseableHttpAsyncClient http;
    private ScheduledExecutorService scheduler;
    private ExtendClient client;

    @BeforeEach
    void start() throws IOException {
        byte[] run;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/workflow-run-processing.json")) {
            run = in.readAllBytes();
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            if (exchange.getRequestURI().getPath().contains("closing")) {
                exchange.getResponseHeaders().add("Connection", "close");
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, run.length);
            exchange.getResponseBody().write(run);
            exchange.close();
        });
        server.start();
        // two I/O threads, so that a second connection would usually belong to the other one
        http = HttpTransports.create(new TransportSettings(Duration.ofSeconds(5), 20, 2, null, null, 0, "http", null,
                null));
        scheduler = Executors.newSingleThreadScheduledExecutor();
        client = new ExtendClient(ExtendClientSettings.builder()
                .baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
                .apiKey("sk_test_release")
                .build(), http, scheduler, ExtendJson.newObjectMapper(), null);
    }

    @AfterEach
    void stop() {
        client.close();
        http.close(CloseMode.IMMEDIATE);
        scheduler.shutdownNow();
        server.stop(0);
    }

    @Test
    void callStartedFromTheCompletionReusesTheSameConnection() throws Exception {
        CompletableFuture<Integer> chain = new CompletableFuture<>();
        next(1, chain);
        assertEquals(CALLS, chain.get(30, TimeUnit.SECONDS));
        assertEquals(1, clientPorts.size(), "connections opened for " + CALLS + " calls in a row: " + clientPorts);
    }

    @Test
    void answerOnAConnectionTheServerClosesStillCompletesTheCall() throws Exception {
        // the connection is discarded instead of returned to the pool; the held answer must be handed over all the same
        for (int n = 1; n <= 3; n++) {
            ExtendResponse response = client.getRun("workflow_run_closing" + n, null).get(10, TimeUnit.SECONDS);
            assertEquals(200, response.statusCode());
            assertNotNull(response.run().getId(), "the fixture's run was parsed");
        }
        assertEquals(3, clientPorts.size(), "each answer closed its connection: " + clientPorts);
    }

    /** Each call starts the next one on the thread that completes it, as a Camel route continuing there would. */
    private void next(int n, CompletableFuture<Integer> chain) {
        client.getRun("workflow_run_release" + n, null).whenComplete((response, error) -> {
            if (error != null) {
                chain.completeExceptionally(error);
            } else if (n == CALLS) {
                chain.complete(n);
            } else {
                next(n + 1, chain);
            }
        });
    }
}

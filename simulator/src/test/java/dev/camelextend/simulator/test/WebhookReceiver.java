package dev.camelextend.simulator.test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The receiving end of the simulator's deliveries in tests: a JDK HTTP server on 127.0.0.1 that records every request
 * and answers with the statuses queued (200 when none is), or never answers while {@link #hang(boolean)} is on.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as received: header names lower-cased, the raw body. */
    record Received(Instant at, String method, String path, Map<String, String> headers, byte[] rawBody) {
        String body() {
            return new String(rawBody, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return SimHttp.JSON.readTree(rawBody);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final List<Received> received = new ArrayList<>();
    private final Deque<Integer> statuses = new ArrayDeque<>();
    private final List<HttpExchange> held = new ArrayList<>();
    private boolean hang;

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** {@code http://127.0.0.1:PORT/hooks} */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    /** The next requests get these statuses, in order; then 200 again. */
    synchronized WebhookReceiver answer(Integer... next) {
        statuses.addAll(List.of(next));
        return this;
    }

    /** While on, requests are read and recorded but never answered (held open until {@link #close()}). */
    synchronized WebhookReceiver hang(boolean on) {
        hang = on;
        return this;
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /** Waits up to {@code timeout} for at least {@code n} requests; returns those received. */
    synchronized List<Received> await(int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (received.size() < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return List.copyOf(received);
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        Map<String, String> headers = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
        int status;
        synchronized (this) {
            received.add(new Received(Instant.now(), ex.getRequestMethod(), ex.getRequestURI().getPath(), headers,
                    body));
            notifyAll();
            if (hang) {
                held.add(ex);
                return;
            }
            status = statuses.isEmpty() ? 200 : statuses.poll();
        }
        byte[] answer = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, answer.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(answer);
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            held.forEach(HttpExchange::close);
            held.clear();
        }
        server.stop(0);
        executor.shutdownNow();
    }
}

package dev.camelextend.simulator.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelextend.simulator.ExtendSimulator;

/** A java.net.http client for the simulator tests: sends the key and version headers unless told otherwise. */
final class SimHttp {

    static final ObjectMapper JSON = new ObjectMapper();

    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ExtendSimulator sim;

    SimHttp(ExtendSimulator sim) {
        this.sim = sim;
    }

    /** A request with {@code Authorization: Bearer <key>} and {@code x-extend-api-version: 2026-02-09}. */
    HttpRequest.Builder request(String pathAndQuery) {
        return bare(pathAndQuery).header("Authorization", "Bearer " + sim.apiKey())
                .header(ExtendSimulator.API_VERSION_HEADER, ExtendSimulator.API_VERSION);
    }

    /** A request without any header. */
    HttpRequest.Builder bare(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(sim.baseUrl() + pathAndQuery)).timeout(Duration.ofSeconds(10));
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(request(pathAndQuery).GET().build());
    }

    HttpResponse<String> post(String path, String body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> postEmpty(String path) {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    HttpResponse<String> cancel(String runId) {
        return postEmpty("/workflow_runs/" + runId + "/cancel");
    }

    /** Cancels a processor run: {@code kind} is extract, classify, split or parse. */
    HttpResponse<String> cancel(String kind, String runId) {
        return postEmpty("/" + kind + "_runs/" + runId + "/cancel");
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    static JsonNode fixture(String name) {
        try (InputStream in = SimHttp.class.getResourceAsStream("/fixtures/" + name)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<String> fields(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }

    /** The header value, failing when it is missing. */
    static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name)
                .orElseThrow(() -> new AssertionError("missing response header " + name + " in " + response.headers()));
    }
}

package dev.camelextend.bench;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelextend.model.ExtendJson;
import dev.camelextend.model.WorkflowRun;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.async.methods.SimpleResponseConsumer;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.Method;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;

/**
 * (c) The floor: Apache HttpClient 5 async with a connection pool, plus Jackson, no Camel - about the least code that
 * sends the same request and parses the same {@code WorkflowRun}. Non-2xx answers fail the future.
 */
public final class PlainClient implements CancelClient {

    private final CloseableHttpAsyncClient http;
    private final ObjectMapper mapper = ExtendJson.newObjectMapper();
    private final String runsUrl;

    private PlainClient(CloseableHttpAsyncClient http, String baseUrl) {
        this.http = http;
        this.runsUrl = baseUrl + "/workflow_runs/";
    }

    public static PlainClient create(String baseUrl, int maxConnections) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "bench-c-io-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        CloseableHttpAsyncClient http = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(maxConnections).setMaxConnPerRoute(maxConnections).build())
                .setIOReactorConfig(IOReactorConfig.custom().setTcpNoDelay(true).build())
                .setThreadFactory(threads)
                .disableAutomaticRetries().disableRedirectHandling().disableCookieManagement()
                .build();
        http.start();
        return new PlainClient(http, baseUrl);
    }

    @Override
    public String label() {
        return "c";
    }

    @Override
    public CompletableFuture<WorkflowRun> cancel(String runId) {
        CompletableFuture<WorkflowRun> result = new CompletableFuture<>();
        SimpleHttpRequest request = new SimpleHttpRequest(Method.POST, URI.create(runsUrl + runId + "/cancel"));
        request.setHeader("Authorization", "Bearer " + API_KEY);
        request.setHeader("x-extend-api-version", API_VERSION);
        request.setHeader("Accept", "application/json");
        http.execute(SimpleRequestProducer.create(request), SimpleResponseConsumer.create(), null,
                new FutureCallback<SimpleHttpResponse>() {
                    @Override
                    public void completed(SimpleHttpResponse response) {
                        try {
                            if (response.getCode() / 100 != 2) {
                                throw new IllegalStateException("HTTP " + response.getCode());
                            }
                            result.complete(mapper.readValue(response.getBodyBytes(), WorkflowRun.class));
                        } catch (Exception e) {
                            result.completeExceptionally(e);
                        }
                    }

                    @Override
                    public void failed(Exception ex) {
                        result.completeExceptionally(ex);
                    }

                    @Override
                    public void cancelled() {
                        result.completeExceptionally(new IllegalStateException("cancelled"));
                    }
                });
        return result;
    }

    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
    }
}

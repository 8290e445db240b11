package dev.camelextend.examples.jms;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

/**
 * A forwarding HTTP proxy in front of the Extend simulator that answers 503 for every request about a "poisoned" run:
 * the simulator's faults are random, this makes some runs fail on every attempt, so their requests must end in the
 * dead-letter queue. A connection the simulator drops is dropped here too. (Apache HttpClient 5 classic forwards: it
 * costs far less CPU than the JDK's HttpClient, which matters on a 2-core machine under a soak.)
 */
final class FaultGateway implements AutoCloseable {

    private static final Set<String> HOP_HEADERS = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "transfer-encoding", "keep-alive", "date");

    private final String target;
    private final Set<String> poisoned = ConcurrentHashMap.newKeySet();
    private final AtomicLong poisonedAnswers = new AtomicLong();
    private final CloseableHttpClient client;
    private final ExecutorService executor;
    private final HttpServer server;

    FaultGateway(String target) throws IOException {
        this.target = target;
        this.executor = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "fault-gateway");
            t.setDaemon(true);
            return t;
        });
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(64).setMaxConnPerRoute(64)
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(5))
                        .setSocketTimeout(Timeout.ofSeconds(30)).build())
                .build();
        this.client = HttpClients.custom().setConnectionManager(pool).disableAutomaticRetries()
                .disableRedirectHandling().disableCookieManagement().disableContentCompression()
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(30)).build())
                .build();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every request whose path names this run gets a 503 from now on. */
    void poison(String runId) {
        poisoned.add(runId);
    }

    long poisonedAnswers() {
        return poisonedAnswers.get();
    }

    private void handle(HttpExchange ex) {
        try {
            String path = ex.getRequestURI().getRawPath();
            String[] segments = path.split("/");
            if (segments.length >= 3 && poisoned.contains(segments[2])) {
                poisonedAnswers.incrementAndGet();
                byte[] body = ("{\"code\":\"SERVICE_UNAVAILABLE\",\"message\":\"poisoned run " + segments[2]
                               + "\",\"retryable\":true}").getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(503, body.length);
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(body);
                }
                return;
            }
            byte[] requestBody = ex.getRequestBody().readAllBytes();
            String query = ex.getRequestURI().getRawQuery();
            HttpUriRequestBase forward = new HttpUriRequestBase(ex.getRequestMethod(),
                    java.net.URI.create(target + path + (query == null ? "" : "?" + query)));
            ex.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(v -> forward.addHeader(name, v));
                }
            });
            if (requestBody.length > 0) {
                forward.setEntity(new ByteArrayEntity(requestBody, ContentType.APPLICATION_JSON));
            }
            client.execute(forward, answer -> {
                for (Header h : answer.getHeaders()) {
                    if (!HOP_HEADERS.contains(h.getName().toLowerCase(Locale.ROOT))) {
                        ex.getResponseHeaders().add(h.getName(), h.getValue());
                    }
                }
                byte[] body = answer.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(answer.getEntity());
                ex.sendResponseHeaders(answer.getCode(), body.length == 0 ? -1 : body.length);
                if (body.length > 0) {
                    try (OutputStream os = ex.getResponseBody()) {
                        os.write(body);
                    }
                }
                return null;
            });
        } catch (IOException | RuntimeException e) {
            // the simulator dropped the connection, or the client went away: close without an answer
        } finally {
            ex.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
            client.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // closing anyway
        }
    }
}

package dev.camelextend.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.camel.CamelContext;
import org.apache.camel.test.AvailablePortFinder;

/**
 * What the webhook tests share: a Camel context served by platform-http's Vert.x engine on a free loopback port (the
 * engine camel-platform-http-main wraps on Camel Main; {@link WebhookServer}, the one class that names it), deliveries
 * signed the way Extend signs them - with an HMAC of the test's own, not the component's - and a plain JDK client to
 * post them.
 */
public final class WebhookTestKit {

    public static final String SECRET = "wss_test_Kq8Zr2mW9xYp4Ln7";
    public static final String NEXT_SECRET = "wss_test_rotated_Ab3Cd5Ef7";
    /** The engine reads no request body larger than this; the consumers' own maxBodySize is lower. */
    public static final long SERVER_MAX_BODY = 4L * 1024 * 1024;
    /** platform-http's own bound on a request, slow clients included (its requestTimeout). */
    public static final long SERVER_REQUEST_TIMEOUT_MILLIS = 3_000;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private WebhookTestKit() {
    }

    /**
     * Whether platform-http's Vert.x engine is on the class path, for {@code @EnabledIf} on the webhook tests. The
     * component's build has it (test scope) and says so with the system property
     * {@code camel-extend.webhook-engine=required}, so there a missing engine fails instead of skipping; the version
     * matrix (compat/suite) runs the compiled suite on a class path without it, and skips them.
     */
    public static boolean platformHttpEngine() {
        try {
            Class.forName("org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer", false,
                    WebhookTestKit.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException absent) {
            if ("required".equals(System.getProperty("camel-extend.webhook-engine"))) {
                throw new AssertionError("camel-platform-http-vertx is not on the test class path", absent);
            }
            return false;
        }
    }

    /** A context served by the Vert.x engine on {@code port} ({@link WebhookServer#context}). */
    public static CamelContext context(int port) throws Exception {
        return WebhookServer.context(port);
    }

    public static int freePort() {
        return AvailablePortFinder.getNextAvailable();
    }

    public static long now() {
        return System.currentTimeMillis() / 1000;
    }

    /** Lower-case hex HMAC-SHA256 of {@code v0:{timestamp}:{body}} keyed with the secret's UTF-8 bytes. */
    public static String sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** An envelope around a payload (JSON text). */
    public static String envelope(String eventId, String eventType, String payloadJson) {
        return "{\"eventId\":\"" + eventId + "\",\"eventType\":\"" + eventType + "\",\"payload\":" + payloadJson + "}";
    }

    /** The headers of a delivery signed now with {@link #SECRET}. */
    public static Map<String, String> signed(byte[] body) {
        return signed(SECRET, now(), body);
    }

    public static Map<String, String> signed(String secret, long timestamp, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("x-extend-request-timestamp", String.valueOf(timestamp));
        headers.put("x-extend-request-signature", sign(secret, String.valueOf(timestamp), body));
        return headers;
    }

    /** POSTs the body with the headers to {@code http://127.0.0.1:port{pathAndQuery}}. */
    public static HttpResponse<String> post(int port, String pathAndQuery, Map<String, String> headers, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}

// Owns: the HTTP server extend:webhook is served on: platform-http's Vert.x engine, added to Camel Main's context
// with its limits, as camel-platform-http-main would add it (that module is not served by this build's mirror), and
// the checks that it really listens before anything is cancelled.
package dev.camelextend.examples.webhookconfirm;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.apache.camel.CamelContext;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;

/**
 * A Camel Main listener that adds a {@link VertxPlatformHttpServer} to the context once Main has configured it, so
 * that it starts before the routes and stops after them. The limits come before the consumer's own checks: the engine
 * reads a whole body before any consumer runs, so its {@link #MAX_BODY_SIZE} bounds what a sender can make it hold,
 * and platform-http's request timeout bounds a sender that is slow to send it.
 * <p>
 * A failed bind (a port in use) is only logged by the engine: Camel starts anyway. Events sent to a server that is
 * not there would be lost to this run, so {@link #checkFree} refuses a port in use before Camel starts, and
 * {@link #awaitListening} makes sure, once it started and before anything is cancelled, that extend:webhook answers
 * there (another process could take the port between the two).
 */
final class WebhookServer extends MainListenerSupport {

    /** The engine's body limit: above extend:webhook's own maxBodySize (1 MiB), which answers 413 itself. */
    static final long MAX_BODY_SIZE = 4L * 1024 * 1024;
    /** platform-http answers 503 to a request, body included, that takes longer (below Extend's 30 s). */
    static final long REQUEST_TIMEOUT_MILLIS = 20_000;

    private final String host;
    private final int port;

    WebhookServer(String host, int port) {
        this.host = host;
        this.port = port;
    }

    @Override
    public void afterConfigure(BaseMainSupport main) {
        install(main.getCamelContext());
    }

    /** Adds the server to a context that has not started yet. */
    void install(CamelContext context) {
        VertxPlatformHttpServerConfiguration configuration = new VertxPlatformHttpServerConfiguration();
        configuration.setBindHost(host);
        configuration.setBindPort(port);
        configuration.setMaxBodySize(MAX_BODY_SIZE);
        try {
            context.addService(new VertxPlatformHttpServer(configuration));
        } catch (Exception e) {
            throw RuntimeCamelException.wrapRuntimeException(e);
        }
        context.getComponent("platform-http", PlatformHttpComponent.class).setRequestTimeout(REQUEST_TIMEOUT_MILLIS);
    }

    /** Throws, saying so, when {@code port} cannot be bound on {@code host} now. */
    static void checkFree(String host, int port) throws IOException {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (IOException e) {
            throw new IOException("--host " + host + " is not an address of this machine", e);
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true); // as the engine binds: a port a closed connection lingers on is free to it
            probe.bind(new InetSocketAddress(address, port), 1);
        } catch (IOException e) {
            throw new IOException("port " + port + " is already in use on " + host + " (or cannot be bound there);"
                                  + " choose another with --port", e);
        }
    }

    /**
     * Waits, at most {@code bound}, until extend:webhook answers on {@code path}, and throws when it does not. The
     * probe is a POST without a signature, which the consumer answers 401 before anything reaches the route.
     */
    void awaitListening(String path, Duration bound) throws IOException, InterruptedException {
        String probeHost = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        URI uri = URI.create("http://" + (probeHost.contains(":") ? "[" + probeHost + "]" : probeHost) + ":" + port
                             + path);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + bound.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            // the whole time left, not less: a probe given up mid-request would leave platform-http's exchange for
            // it in flight when Camel stops (a loaded machine answers slowly, not wrongly)
            Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
            HttpRequest probe = HttpRequest.newBuilder(uri).timeout(left)
                    .POST(HttpRequest.BodyPublishers.noBody()).build();
            try {
                int status = client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 401) {
                    return;
                }
                last = "answered " + status;
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(50);
        }
        throw new IOException("the webhook server does not answer at " + uri + " (" + last + "); is port " + port
                              + " taken by another process?");
    }
}

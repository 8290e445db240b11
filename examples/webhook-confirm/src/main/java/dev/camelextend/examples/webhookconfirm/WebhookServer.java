// Owns: the HTTP server extend:webhook is served on: platform-http's Vert.x engine, added to Camel Main's context
// with its limits, as camel-platform-http-main would add it (that module is not served by this build's mirror).
package dev.camelextend.examples.webhookconfirm;

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
        CamelContext context = main.getCamelContext();
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost(host);
        server.setBindPort(port);
        server.setMaxBodySize(MAX_BODY_SIZE);
        try {
            context.addService(new VertxPlatformHttpServer(server));
        } catch (Exception e) {
            throw RuntimeCamelException.wrapRuntimeException(e);
        }
        context.getComponent("platform-http", PlatformHttpComponent.class).setRequestTimeout(REQUEST_TIMEOUT_MILLIS);
    }
}

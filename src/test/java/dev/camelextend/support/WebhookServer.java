package dev.camelextend.support;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The one test class that names platform-http's Vert.x engine, so that the others load without it (the version matrix
 * runs the suite on a class path that lacks it: {@link WebhookTestKit#platformHttpEngine}).
 */
final class WebhookServer {

    private WebhookServer() {
    }

    /** A context whose platform-http server listens on {@code port}; routes are added by the caller. */
    static CamelContext context(int port) throws Exception {
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        server.setMaxBodySize(WebhookTestKit.SERVER_MAX_BODY);
        CamelContext context = new DefaultCamelContext();
        context.getShutdownStrategy().setTimeout(5);
        context.addService(new VertxPlatformHttpServer(server));
        context.getComponent("platform-http", PlatformHttpComponent.class)
                .setRequestTimeout(WebhookTestKit.SERVER_REQUEST_TIMEOUT_MILLIS);
        return context;
    }
}

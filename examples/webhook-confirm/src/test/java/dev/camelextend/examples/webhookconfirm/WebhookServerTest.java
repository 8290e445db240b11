// Owns: the tests of WebhookServer's two checks: a port in use is refused before Camel starts, and once Camel started,
// a port on which extend:webhook does not answer (the engine only logs a failed bind) is noticed.
package dev.camelextend.examples.webhookconfirm;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookServerTest {

    @Test
    void aPortInUseIsRefusedBeforeCamelStarts() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            IOException e = assertThrows(IOException.class,
                    () -> WebhookServer.checkFree("127.0.0.1", taken.getLocalPort()));
            assertTrue(e.getMessage().startsWith("port " + taken.getLocalPort() + " is already in use on 127.0.0.1"),
                    e.getMessage());
        }
    }

    @Test
    void aPortThatAnotherServerAnswersOnIsNoticed() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // what the engine does when its bind fails: it logs, and Camel starts anyway
            WebhookServer server = new WebhookServer("127.0.0.1", taken.getLocalPort());

            IOException e = assertThrows(IOException.class,
                    () -> server.awaitListening("/extend/webhook", Duration.ofMillis(500)));
            assertTrue(e.getMessage().startsWith("the webhook server does not answer at http://127.0.0.1:"
                                                 + taken.getLocalPort() + "/extend/webhook"), e.getMessage());
        }
    }

    @Test
    void extendWebhookOnTheServerAnswersTheProbe() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        WebhookServer server = new WebhookServer("127.0.0.1", port);
        try (CamelContext context = new DefaultCamelContext()) {
            server.install(context);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("extend:webhook?secret=wss_test_probe").to("mock:never");
                }
            });
            context.start();

            assertDoesNotThrow(() -> server.awaitListening("/extend/webhook", Duration.ofSeconds(10)));
            assertEquals(0, context.getEndpoint("mock:never", MockEndpoint.class).getReceivedCounter(),
                    "the unsigned probe reached no route");
        }
    }
}

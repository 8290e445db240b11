// Owns: what bounds a stalled webhook sender on Spring Boot's engine with the camel-extend starter's body filter in
// front: Tomcat's connection timeout (its wait for each read of the body), not platform-http's request timeout.
package dev.camelextend.examples.springboot;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.camelextend.ExtendComponent;
import dev.camelextend.simulator.ExtendSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The application on a random port with {@code camel.component.platform-http.request-timeout} and
 * {@code server.tomcat.connection-timeout} set short. The camel-extend starter's body filter reads a delivery's body
 * on the request's thread before Spring MVC's async handling starts, so the request timeout (Spring MVC's async
 * timeout) does not apply to a body that stalls: Tomcat's read timeout, the connection timeout, bounds how long a
 * stalled sender holds a thread, and Tomcat then answers the delivery 408 without it reaching the route.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {"camel.component.platform-http.request-timeout=" + WebhookSlowSenderTest.REQUEST_TIMEOUT_MILLIS,
                              "server.tomcat.connection-timeout=" + WebhookSlowSenderTest.CONNECTION_TIMEOUT_MILLIS + "ms"})
class WebhookSlowSenderTest {

    static final long REQUEST_TIMEOUT_MILLIS = 1_000;
    static final long CONNECTION_TIMEOUT_MILLIS = 5_000;
    private static final String KEY = "sk_test_spring_boot_example";
    private static final Duration WAIT = Duration.ofSeconds(15);

    @RegisterExtension
    static final ExtendSimulatorExtension SIM = ExtendSimulatorExtension.create().configure(b -> b.apiKey(KEY));

    @DynamicPropertySource
    static void extend(DynamicPropertyRegistry registry) {
        registry.add("camel.component.extend.base-url", SIM::baseUrl);
    }

    @LocalServerPort
    int port;

    @Autowired
    CamelContext camel;


    @Autowired
    RunEvents events;

    private byte[] delivery(String eventId) {
        String runJson = SIM.simulator().run(SIM.simulator().seedRun("CANCELLED")).toString();
        return Deliveries.envelope(eventId, "workflow_run.cancelled", runJson);
    }

    @Test
    void aStalledBodyHoldsItsThreadUntilTomcatsReadTimesOutAndIsAnswered408() throws Exception {
        assertEquals(REQUEST_TIMEOUT_MILLIS, camel.getComponent("platform-http", PlatformHttpComponent.class)
                .getRequestTimeout(), "the property is bound");
        int max = camel.getComponent("extend", ExtendComponent.class).getConfiguration().getMaxBodySize();
        byte[] body = WebhookEngineTest.padded(delivery("evt_slow_body_1"), max);

        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout((int) WAIT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(WebhookEngineTest.head(body));
            out.write(body, 0, 1024);
            out.flush();
            long sent = System.nanoTime();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String status = in.readLine();
            long answered = millisSince(sent);

            // the starter's body filter reads the body before Spring MVC's async handling, whose request timeout
            // would answer 503: Tomcat's read timeout ends the wait, and Tomcat answers it 408
            assertEquals("HTTP/1.1 408", status.substring(0, 12), status);
            assertTrue(answered >= CONNECTION_TIMEOUT_MILLIS - 500 && answered < WAIT.toMillis(),
                    "answered when Tomcat's read timed out: after " + answered + " ms");
        }
        String runId = new String(body, StandardCharsets.UTF_8).replaceFirst("(?s).*?\"id\":\"(workflow_run_[^\"]+)\".*", "$1");
        assertTrue(runId.startsWith("workflow_run_"), runId);
        assertTrue(events.of(runId).isEmpty(), "the stalled delivery never reached the route");
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}

// Owns: what bounds a stalled webhook sender on Spring Boot's engine when the application sets the two timeouts the
// reference page names for it: platform-http's request timeout (Spring MVC's async timeout here) and Tomcat's
// connection timeout (its wait for each read of the body).
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
import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The application on a random port with {@code camel.component.platform-http.request-timeout} and
 * {@code server.tomcat.connection-timeout} set short. The request timeout (Spring MVC's async timeout, which the
 * starter sets from it) answers a request whose body stalls with 503, but the thread reading that body stays busy
 * after the answer, until Tomcat's read times out: the connection timeout, not the request timeout, bounds how long a
 * stalled sender holds one of the executor threads that every delivery needs (WebhookEngineTest).
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
    ApplicationContext spring;

    @Autowired
    RunEvents events;

    private byte[] delivery(String eventId) {
        String runJson = SIM.simulator().run(SIM.simulator().seedRun("CANCELLED")).toString();
        return Deliveries.envelope(eventId, "workflow_run.cancelled", runJson);
    }

    @Test
    void aStalledBodyIsAnswered503ByTheRequestTimeoutButHoldsItsThreadUntilTomcatsReadTimesOut() throws Exception {
        assertEquals(REQUEST_TIMEOUT_MILLIS, camel.getComponent("platform-http", PlatformHttpComponent.class)
                .getRequestTimeout(), "the property is bound");
        ThreadPoolTaskExecutor executor = spring.getBean("applicationTaskExecutor", ThreadPoolTaskExecutor.class);
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

            assertEquals("HTTP/1.1 503", status.substring(0, 12), status);
            assertTrue(answered >= REQUEST_TIMEOUT_MILLIS && answered < CONNECTION_TIMEOUT_MILLIS,
                    "answered by the request timeout: after " + answered + " ms");
            assertEquals(1, executor.getActiveCount(), "a thread still waits for the rest of the body");

            // the sender stalls on, its socket open, as a slow or hostile one would
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (executor.getActiveCount() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            long freed = millisSince(sent);
            assertEquals(0, executor.getActiveCount(), "the thread was freed within " + WAIT);
            assertTrue(freed >= CONNECTION_TIMEOUT_MILLIS - 500,
                    "held past the 503 until Tomcat's read timed out: freed after " + freed + " ms");
        }
        String runId = new String(body, StandardCharsets.UTF_8).replaceFirst("(?s).*?\"id\":\"(workflow_run_[^\"]+)\".*", "$1");
        assertTrue(runId.startsWith("workflow_run_"), runId);
        assertTrue(events.of(runId).isEmpty(), "the stalled delivery never reached the route");
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}

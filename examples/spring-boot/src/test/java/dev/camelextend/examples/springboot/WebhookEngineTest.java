// Owns: what Spring Boot's platform-http engine (camel-platform-http-starter on Tomcat), as the application configures
// it, does around extend:webhook that the Vert.x engine of the component's own tests does not, and what the
// camel-extend starter's body filter changes of it: a body above maxBodySize is refused having read no more than the
// limit (the engine alone reads the whole body first), a form content type, and the executor's threads that bound
// the deliveries handled at once.
package dev.camelextend.examples.springboot;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.camelextend.ExtendComponent;
import dev.camelextend.simulator.ExtendSimulatorExtension;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

/**
 * The application as it runs, on a random port, with deliveries signed by the test. What the reference page's
 * "Receiving webhooks" says of the Spring Boot engine, shown: the starter's filter answers a body above maxBodySize
 * 413 before Spring MVC would read it all (from a declared length at once, a chunked one a byte past the limit); a
 * form-typed body; and each request runs on Spring's task executor, whose threads, not maxConcurrentDeliveries,
 * bound how many deliveries are handled at once, one more waiting in its queue instead of being answered 503.
 * WebhookSlowSenderTest shows what bounds a sender that stalls.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebhookEngineTest {

    private static final String KEY = "sk_test_spring_boot_example";
    static final String PATH = "/extend/webhook";
    private static final Duration WAIT = Duration.ofSeconds(10);

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

    @MockitoSpyBean
    RunEvents events;

    private byte[] delivery(String eventId) {
        String runJson = SIM.simulator().run(SIM.simulator().seedRun("CANCELLED")).toString();
        return Deliveries.envelope(eventId, "workflow_run.cancelled", runJson);
    }

    @Test
    void aDeclaredLengthAboveTheLimitIs413BeforeTheBodyIsSent() throws Exception {
        int max = camel.getComponent("extend", ExtendComponent.class).getConfiguration().getMaxBodySize();
        byte[] body = padded(delivery("evt_engine_body_1"), max + 1);

        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout((int) WAIT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(head(body));
            out.write(body, 0, 1024);
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            // Spring MVC would read the whole body first: the starter's filter answers from the Content-Length alone
            assertEquals("HTTP/1.1 413", in.readLine().substring(0, 12), "answered with the body still unsent");
        }
        Mockito.verifyNoInteractions(events);
    }

    @Test
    void aChunkedBodyIsReadNoFurtherThanOneBytePastTheLimit() throws Exception {
        int max = camel.getComponent("extend", ExtendComponent.class).getConfiguration().getMaxBodySize();
        byte[] delivery = delivery("evt_engine_body_2");
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout((int) WAIT.toMillis());
            OutputStream out = socket.getOutputStream();
            StringBuilder request = new StringBuilder("POST " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                                      + "Transfer-Encoding: chunked\r\nConnection: close\r\n");
            Deliveries.signed(Deliveries.SECRET, delivery)
                    .forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            // chunks past the limit, and no last chunk: a body that would go on forever
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) ' ');
            for (int sent = 0; sent <= max + chunk.length; sent += chunk.length) {
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            assertEquals("HTTP/1.1 413", in.readLine().substring(0, 12), "answered once the limit was passed");
        }
        Mockito.verifyNoInteractions(events);
    }

    /** A signed envelope padded with spaces before its closing brace to {@code size} bytes. */
    static byte[] padded(byte[] envelope, int size) {
        byte[] padded = Arrays.copyOf(envelope, size);
        Arrays.fill(padded, envelope.length - 1, size - 1, (byte) ' ');
        padded[size - 1] = '}';
        return padded;
    }

    /** The request line and headers of a signed POST of {@code body} to the webhook path, its Content-Length declared. */
    static byte[] head(byte[] body) {
        StringBuilder request = new StringBuilder("POST " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                                  + "Content-Length: " + body.length + "\r\nConnection: close\r\n");
        Deliveries.signed(Deliveries.SECRET, body).forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
        return request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void aFormTypedPostIsParsedByTheEngineAndOneThatIsNoFormIsItsOwn500() throws Exception {
        byte[] body = delivery("evt_engine_form_1");
        Map<String, String> headers = new LinkedHashMap<>(Deliveries.signed(Deliveries.SECRET, body));
        headers.put("Content-Type", "application/x-www-form-urlencoded");

        Http.Answer answer = Http.post(port, PATH, headers, HttpRequest.BodyPublishers.ofByteArray(body));

        assertEquals(500, answer.status(), "the engine's, though signed: the consumer never saw it");
        assertTrue(answer.body().contains("Whitelabel"), "Spring's error page, not the consumer's text: " + answer.body());
        Mockito.verifyNoInteractions(events);
        // Extend sends application/json: the same delivery so is the consumer's, and reaches the route
        headers.put("Content-Type", "application/json");
        assertEquals(200, Http.post(port, PATH, headers, HttpRequest.BodyPublishers.ofByteArray(body)).status());
    }

    @Test
    void springsTaskExecutorNotMaxConcurrentDeliveriesBoundsTheDeliveriesHandledAtOnce() throws Exception {
        int threads = spring.getBean("applicationTaskExecutor", ThreadPoolTaskExecutor.class).getCorePoolSize();
        int consumerLimit = camel.getComponent("extend", ExtendComponent.class).getConfiguration()
                .getMaxConcurrentDeliveries();
        assertTrue(threads < consumerLimit, threads + " executor threads, maxConcurrentDeliveries " + consumerLimit);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger inRoute = new AtomicInteger();
        doAnswer(call -> {
            inRoute.incrementAndGet();
            assertTrue(release.await(WAIT.toMillis(), TimeUnit.MILLISECONDS), "released in time");
            return call.callRealMethod();
        }).when(events).record(any());

        HttpClient client = HttpClient.newBuilder().connectTimeout(WAIT).build();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i <= threads; i++) {
                byte[] body = delivery("evt_engine_threads_" + i);
                HttpRequest.Builder post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + PATH))
                        .timeout(WAIT.multipliedBy(3)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
                Deliveries.signed(Deliveries.SECRET, body).forEach(post::header);
                answers.add(client.sendAsync(post.build(), HttpResponse.BodyHandlers.ofString()));
            }
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (inRoute.get() < threads && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(threads, inRoute.get(), "every executor thread holds a delivery in the route");
            Thread.sleep(1_000);
            assertEquals(threads, inRoute.get(), "delivery " + (threads + 1) + " did not reach the consumer's threads");
            assertTrue(answers.stream().noneMatch(CompletableFuture::isDone),
                    "and was not answered (a 503 of the consumer's would have come at once): it waits for a thread");
        } finally {
            release.countDown();
        }
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> done = answer.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertEquals(200, done.statusCode(), done.body());
        }
        assertEquals(threads + 1, inRoute.get());
    }
}

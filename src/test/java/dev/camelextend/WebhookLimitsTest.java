package dev.camelextend;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import dev.camelextend.support.WebhookTestKit;
import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import static dev.camelextend.support.WebhookTestKit.SECRET;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What bounds a hostile sender's cost: the body the component reads (at most {@code maxBodySize + 1} bytes, whatever
 * the engine hands over), the body the engine reads ({@code camel.server.maxBodySize} on Vert.x, answered 413 by the
 * engine before the consumer runs), and the time a slow sender may hold a request (platform-http's
 * {@code requestTimeout}, answered 503). Raw sockets, so the test sends exactly the bytes it means to.
 */
@EnabledIf(value = "dev.camelextend.support.WebhookTestKit#platformHttpEngine",
           disabledReason = "needs camel-platform-http-vertx on the class path")
class WebhookLimitsTest {

    static int port;
    static CamelContext context;

    @BeforeAll
    static void start() throws Exception {
        port = WebhookTestKit.freePort();
        context = WebhookTestKit.context(port);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("extend:webhook?secret=" + SECRET).to("mock:events");
                from("extend:webhook?path=/big&maxBodySize=" + 8 * 1024 * 1024 + "&secret=" + SECRET).to("mock:big");
            }
        });
        context.start();
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.stop();
        }
    }

    /** The component's own read: an endless stream is read one byte past the limit and no further. */
    @Test
    void theBodyIsReadNoFurtherThanOneBytePastTheLimit() throws Exception {
        CountingEndlessStream endless = new CountingEndlessStream();
        Message message = new DefaultExchange(context).getMessage();
        message.setBody(endless);

        assertNull(WebhookRequestBody.read(message, 1024 * 1024));
        assertTrue(endless.read <= 1024 * 1024 + 1 + 8192, endless.read + " bytes read");
        assertTrue(endless.closed, "the stream is closed");

        message.setBody(new java.io.ByteArrayInputStream(new byte[] { 1, 2, 3 }));
        assertArrayEquals(new byte[] { 1, 2, 3 }, WebhookRequestBody.read(message, 3));
    }

    @Test
    void aDeclaredLengthAboveTheLimitIsRefusedBeforeAnyByteIsRead() throws Exception {
        CountingEndlessStream endless = new CountingEndlessStream();
        Message message = new DefaultExchange(context).getMessage();
        message.setHeader("Content-Length", String.valueOf(2L * 1024 * 1024));
        message.setBody(endless);

        assertNull(WebhookRequestBody.read(message, 1024 * 1024));
        assertEquals(0, endless.read);
    }

    /**
     * The engine's limit ({@code maxBodySize} of the Vert.x server, {@code camel.server.maxBodySize} on Camel Main)
     * answers 413 before the consumer runs, even where the consumer would read more: the consumer here takes 8 MiB,
     * the server 4 MiB.
     */
    @Test
    void aBodyAboveTheEnginesLimitIs413FromTheEngine() throws Exception {
        byte[] body = padded((int) WebhookTestKit.SERVER_MAX_BODY + 1);
        assertEquals(413, WebhookTestKit.post(port, "/big", WebhookTestKit.signed(body), body).statusCode());
        byte[] fits = padded((int) WebhookTestKit.SERVER_MAX_BODY - 1024);
        assertEquals(200, WebhookTestKit.post(port, "/big", WebhookTestKit.signed(fits), fits).statusCode());
        MockEndpoint big = context.getEndpoint("mock:big", MockEndpoint.class);
        assertEquals(1, big.getReceivedCounter());
    }

    static byte[] padded(int size) {
        String json = WebhookTestKit.envelope("evt_big", "workflow.deployed", "{\"id\":\"workflow_1\"}");
        byte[] bytes = new byte[size];
        java.util.Arrays.fill(bytes, (byte) ' ');
        System.arraycopy(json.getBytes(StandardCharsets.UTF_8), 0, bytes, 0, json.length());
        return bytes;
    }

    /**
     * 128 MiB, chunked, without a declared length: the engine answers 413 once its limit is passed and keeps nothing of
     * the rest (Vert.x's body handler stops collecting at the limit and discards what follows), the route never runs,
     * and the heap holds no more afterwards than before.
     */
    @Test
    void anEndlessBodyIsCutByTheEnginesLimit() throws Exception {
        long heapBefore = usedHeapAfterGc();
        long sent = 0;
        String status;
        long limit = 128L * 1024 * 1024;
        long started = System.nanoTime();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /extend/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                       + "x-extend-request-timestamp: " + WebhookTestKit.now() + "\r\n"
                       + "x-extend-request-signature: " + "0".repeat(64) + "\r\n"
                       + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = ("10000\r\n" + " ".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            try {
                while (sent < limit && TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) < 30) {
                    out.write(chunk);
                    sent += 0x10000;
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException closedByTheServer) {
                // the engine may also close the connection
            }
            try {
                status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                        .readLine();
            } catch (IOException reset) {
                status = "reset";
            }
        }
        assertTrue(status != null && (status.startsWith("HTTP/1.1 413") || status.equals("reset")),
                status + " after " + sent + " bytes");
        assertNothingRouted();
        long retained = usedHeapAfterGc() - heapBefore;
        assertTrue(retained < 32L * 1024 * 1024, "the heap grew by " + retained + " bytes");
    }

    static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    /** A sender that declares a body and then stalls is answered by platform-http's requestTimeout. */
    @Test
    void aSlowSenderIsAnsweredWithinPlatformHttpsRequestTimeout() throws Exception {
        long started = System.nanoTime();
        String status;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) WebhookTestKit.SERVER_REQUEST_TIMEOUT_MILLIS + 5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /extend/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                       + "Content-Length: 1000\r\n\r\n{\"eventId\":").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            try {
                status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                        .readLine();
            } catch (SocketTimeoutException stillWaiting) {
                status = "no answer";
            }
        }
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertTrue(status != null && status.startsWith("HTTP/1.1 503"), status);
        assertTrue(took < WebhookTestKit.SERVER_REQUEST_TIMEOUT_MILLIS + 2_000, took + " ms");
        assertNothingRouted();
    }

    static void assertNothingRouted() throws InterruptedException {
        MockEndpoint events = context.getEndpoint("mock:events", MockEndpoint.class);
        events.expectedMessageCount(0);
        events.assertIsSatisfied(200);
    }

    /** Endless spaces; counts what was read. */
    static final class CountingEndlessStream extends InputStream {
        long read;
        boolean closed;

        @Override
        public int read() {
            read++;
            return ' ';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            java.util.Arrays.fill(b, off, off + len, (byte) ' ');
            read += len;
            return len;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}

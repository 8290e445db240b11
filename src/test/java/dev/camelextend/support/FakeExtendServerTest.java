package dev.camelextend.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.camelextend.support.FakeExtendServer.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static dev.camelextend.support.ExtendTestKit.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fake's streaming answers end with their client, the next test or the server: no thread is left behind. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // fail, never hang
class FakeExtendServerTest {

    @Test
    void closeEndsStreamingAnswersWhoseClientsNeitherReadNorHangUp() throws Exception {
        FakeExtendServer fake = new FakeExtendServer();
        fake.enqueue(Reply.endlessBody("x".repeat(8192)), Reply.trickle("{", 20));
        List<Socket> clients = new ArrayList<>();
        try {
            clients.add(get(fake));
            clients.add(get(fake));
            assertTrue(waitUntil(() -> fake.requestCount() == 2 && streaming() == 2, Duration.ofSeconds(10)),
                    "both answers are streaming: " + streaming());

            long start = System.nanoTime();
            fake.close();
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertTrue(millis < 10_000, "close() returned after " + millis + " ms");
            assertEquals(0, streaming(), "a streaming handler outlived close()");
        } finally {
            for (Socket s : clients) {
                s.close();
            }
            fake.close();
        }
    }

    @Test
    void aStreamingAnswerEndsWhenItsClientHangsUp() throws Exception {
        try (FakeExtendServer fake = new FakeExtendServer()) {
            for (Reply reply : List.of(Reply.trickle("{", 20), Reply.endlessBody("x".repeat(8192)))) {
                fake.enqueue(reply);
                try (Socket client = get(fake)) {
                    InputStream in = client.getInputStream();
                    String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
                    assertEquals("HTTP/1.1 200", head);
                    assertTrue(waitUntil(() -> streaming() == 1, Duration.ofSeconds(10)), "streaming");
                }
                assertTrue(waitUntil(() -> streaming() == 0, Duration.ofSeconds(10)),
                        "the handler ended with its client: " + reply.mode());
            }
            assertTrue(fake.bytesStreamed() > 0);
        }
    }

    @Test
    void theNextTestEndsAStreamingAnswerOfThePreviousOne() throws Exception {
        try (FakeExtendServer fake = new FakeExtendServer(); Socket client = open(fake)) {
            fake.enqueue(Reply.trickle("{", 20));
            send(client);
            assertTrue(waitUntil(() -> streaming() == 1, Duration.ofSeconds(10)), "streaming");

            fake.reset(); // what the extension does before each test

            assertTrue(waitUntil(() -> streaming() == 0, Duration.ofSeconds(10)), "the trickle went on after reset");
            assertEquals(0, fake.bytesStreamed(), "the count starts again");
        }
    }

    /** Handler threads writing a streaming answer right now. */
    private static int streaming() {
        int n = 0;
        for (StackTraceElement[] stack : Thread.getAllStackTraces().values()) {
            for (StackTraceElement frame : stack) {
                if (frame.getClassName().equals(FakeExtendServer.class.getName())
                    && frame.getMethodName().equals("stream")) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    private static Socket get(FakeExtendServer fake) throws IOException {
        Socket s = open(fake);
        send(s);
        return s;
    }

    private static Socket open(FakeExtendServer fake) throws IOException {
        return new Socket("127.0.0.1", fake.port());
    }

    private static void send(Socket s) throws IOException {
        s.getOutputStream().write("GET /workflow_runs/r HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
    }
}

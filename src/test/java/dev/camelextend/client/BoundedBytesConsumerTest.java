package dev.camelextend.client;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.impl.BasicEntityDetails;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoundedBytesConsumerTest {

    /** Large enough never to refuse; the budget's own rules are tested below with a small one. */
    private final ResponseBudget BIG_BUDGET = new ResponseBudget(Long.MAX_VALUE / 2);
    private final RecordingCallback<byte[]> callback = new RecordingCallback<>();
    private final AtomicReference<byte[]> completed = callback.result;
    private final AtomicReference<Exception> failed = callback.failure;

    private static EntityDetails length(long contentLength) {
        return new BasicEntityDetails(contentLength, ContentType.APPLICATION_JSON);
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) ('a' + i % 26);
        }
        return b;
    }

    @Test
    void aDeclaredLengthIsReadInPiecesIntoExactlyTheBody() throws Exception {
        byte[] body = bytes(2322);
        BoundedBytesConsumer consumer = new BoundedBytesConsumer(10_000, BIG_BUDGET);
        consumer.streamStart(length(body.length), callback);
        consumer.consume(ByteBuffer.wrap(body, 0, 1000));
        consumer.consume(ByteBuffer.wrap(body, 1000, 1322));
        consumer.streamEnd(List.of());

        assertArrayEquals(body, completed.get());
        assertSame(completed.get(), consumer.getContent());
        assertNull(failed.get());
    }

    @Test
    void aLargeDeclaredLengthIsNotReservedBeforeTheBytesArrive() throws Exception {
        byte[] body = bytes(300_000);
        BoundedBytesConsumer consumer = new BoundedBytesConsumer(16 * 1024 * 1024, BIG_BUDGET);
        consumer.streamStart(length(10 * 1024 * 1024), callback); // a server that declares 10 MB ...
        assertEquals(BoundedBytesConsumer.INITIAL_CAPACITY, consumer.reservedBytes());

        consumer.consume(ByteBuffer.wrap(body)); // ... and sends 300 KB, then stalls
        assertTrue(consumer.reservedBytes() < 1024 * 1024, "grows with what arrived: " + consumer.reservedBytes());
    }

    @Test
    void aBodyDeclaredAboveThePreallocationIsStillReadWhole() throws Exception {
        byte[] body = bytes(200_000);
        BoundedBytesConsumer consumer = new BoundedBytesConsumer(1024 * 1024, BIG_BUDGET);
        consumer.streamStart(length(body.length), callback);
        for (int offset = 0; offset < body.length; offset += 8192) {
            consumer.consume(ByteBuffer.wrap(body, offset, Math.min(8192, body.length - offset)));
        }
        assertEquals(body.length, consumer.reservedBytes(), "never grows past the declared length");
        consumer.streamEnd(List.of());
        assertArrayEquals(body, completed.get());
    }

    @Test
    void aDeclaredLengthAboveTheLimitFailsBeforeAnyByteIsRead() {
        BoundedBytesConsumer consumer = new BoundedBytesConsumer(1000, BIG_BUDGET);
        assertThrows(BoundedBytesConsumer.ResponseTooLargeException.class,
                () -> consumer.streamStart(length(1001), callback));
    }

    @Test
    void anUndeclaredLengthGrowsAcrossDirectBuffersUpToTheLimit() throws Exception {
        byte[] body = bytes(9000);
        BoundedBytesConsumer consumer = new BoundedBytesConsumer(9000, BIG_BUDGET);
        consumer.streamStart(length(-1), callback);
        for (int offset = 0; offset < body.length; offset += 700) {
            int n = Math.min(700, body.length - offset);
            ByteBuffer direct = ByteBuffer.allocateDirect(n);
            direct.put(body, offset, n).flip();
            consumer.consume(direct);
            assertEquals(0, direct.remaining(), "every byte handed over is taken");
        }
        consumer.streamEnd(List.of());

        assertArrayEquals(body, completed.get());
    }

    @Test
    void anUndeclaredLengthThatPassesTheLimitFails() throws Exception {
        BoundedBytesConsumer consumer = new BoundedBytesConsumer(5000, BIG_BUDGET);
        consumer.streamStart(length(-1), callback);
        consumer.consume(ByteBuffer.wrap(bytes(4000)));
        assertThrows(BoundedBytesConsumer.ResponseTooLargeException.class,
                () -> consumer.consume(ByteBuffer.wrap(bytes(1001))));
    }

    @Test
    void anEmptyBodyIsAnEmptyArray() throws Exception {
        BoundedBytesConsumer consumer = new BoundedBytesConsumer(1000, BIG_BUDGET);
        consumer.streamStart(length(0), callback);
        consumer.streamEnd(List.of());
        assertArrayEquals(new byte[0], completed.get());
    }

    @Test
    void aFailureReachesTheCallback() throws Exception {
        BoundedBytesConsumer consumer = new BoundedBytesConsumer(1000, BIG_BUDGET);
        consumer.streamStart(length(10), callback);
        consumer.consume(ByteBuffer.wrap("abc".getBytes(StandardCharsets.US_ASCII)));
        Exception reset = new java.net.SocketException("Connection reset");
        consumer.failed(reset);
        assertSame(reset, failed.get());
        assertNull(completed.get());
    }

    @Test
    void bodiesInFlightTogetherStayWithinTheSharedBudgetAndGiveItBack() throws Exception {
        ResponseBudget budget = new ResponseBudget(6_000);
        BoundedBytesConsumer first = new BoundedBytesConsumer(1_000_000, budget);
        BoundedBytesConsumer second = new BoundedBytesConsumer(1_000_000, budget);
        first.streamStart(length(2_000), callback); // every body starts at the same array size
        assertEquals(BoundedBytesConsumer.INITIAL_CAPACITY, budget.reserved());

        RecordingCallback<byte[]> refused = new RecordingCallback<>();
        assertThrows(ResponseBudget.BudgetExceededException.class, () -> second.streamStart(length(2_000), refused));
        assertEquals(BoundedBytesConsumer.INITIAL_CAPACITY, budget.reserved(), "a refused body takes nothing");

        first.consume(ByteBuffer.wrap(bytes(2_000)));
        first.streamEnd(List.of());
        assertEquals(0, budget.reserved(), "handed over: the bytes are given back");
        first.releaseResources();
        assertEquals(0, budget.reserved(), "given back once only");
    }

    @Test
    void aBodyThatGrowsPastTheBudgetFailsAndGivesBackWhatItHeld() throws Exception {
        ResponseBudget budget = new ResponseBudget(50_000);
        BoundedBytesConsumer consumer = new BoundedBytesConsumer(1_000_000, budget);
        consumer.streamStart(length(-1), callback); // chunked: grows as bytes arrive
        consumer.consume(ByteBuffer.wrap(bytes(20_000)));
        assertThrows(ResponseBudget.BudgetExceededException.class,
                () -> consumer.consume(ByteBuffer.wrap(bytes(30_000))));
        consumer.failed(new IOException("the attempt fails"));
        assertEquals(0, budget.reserved());
    }
}

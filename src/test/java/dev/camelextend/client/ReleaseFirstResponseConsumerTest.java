package dev.camelextend.client;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.Message;
import org.apache.hc.core5.http.impl.BasicEntityDetails;
import org.apache.hc.core5.http.message.BasicHttpResponse;
import org.apache.hc.core5.http.nio.support.BasicResponseConsumer;
import org.apache.hc.core5.http.protocol.BasicHttpContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The order HttpClient follows is: end of stream, connection released, {@code releaseResources()}. These tests drive a
 * consumer through that order by hand and check when the answer reaches the caller.
 */
class ReleaseFirstResponseConsumerTest {

    private final RecordingCallback<Message<HttpResponse, byte[]>> caller = new RecordingCallback<>();
    private final AtomicInteger completions = caller.completions;
    private final AtomicReference<Message<HttpResponse, byte[]>> answer = caller.result;
    private final AtomicReference<Exception> failure = caller.failure;

    private static final byte[] BODY = "{\"id\":\"workflow_run_1\"}".getBytes(StandardCharsets.UTF_8);

    private ReleaseFirstResponseConsumer consumer(boolean hold) {
        return new ReleaseFirstResponseConsumer(new BasicResponseConsumer<>(new BoundedBytesConsumer(1024)),
                () -> hold);
    }

    private void readWholeAnswer(ReleaseFirstResponseConsumer consumer) throws Exception {
        consumer.consumeResponse(new BasicHttpResponse(200), new BasicEntityDetails(BODY.length,
                ContentType.APPLICATION_JSON), new BasicHttpContext(), caller);
        consumer.consume(ByteBuffer.wrap(BODY));
        consumer.streamEnd(List.of());
    }

    @Test
    void whenHoldingTheAnswerArrivesOnlyAfterTheRelease() throws Exception {
        ReleaseFirstResponseConsumer consumer = consumer(true);
        readWholeAnswer(consumer);
        assertEquals(0, completions.get(), "the connection is not released yet");

        consumer.releaseResources();
        assertEquals(1, completions.get());
        assertEquals(200, answer.get().getHead().getCode());
        assertEquals(BODY.length, answer.get().getBody().length);

        consumer.releaseResources(); // HttpClient may release twice; the answer is delivered once
        assertEquals(1, completions.get());
    }

    @Test
    void whenNotHoldingTheAnswerArrivesAtTheEndOfTheStreamAndOnlyThen() throws Exception {
        ReleaseFirstResponseConsumer consumer = consumer(false);
        readWholeAnswer(consumer);
        assertEquals(1, completions.get());

        consumer.releaseResources();
        assertEquals(1, completions.get());
        assertNull(failure.get());
    }

    @Test
    void aFailureIsNeverHeld() throws Exception {
        ReleaseFirstResponseConsumer consumer = consumer(true);
        consumer.consumeResponse(new BasicHttpResponse(200), new BasicEntityDetails(BODY.length,
                ContentType.APPLICATION_JSON), new BasicHttpContext(), caller);
        Exception reset = new java.net.SocketException("Connection reset");
        consumer.failed(reset);
        assertEquals(reset, failure.get());

        consumer.releaseResources();
        assertEquals(0, completions.get());
    }
}

package dev.camelextend.client;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.Message;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.nio.support.BasicResponseConsumer;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * When the client is otherwise idle, hands a complete response to its callback only after HttpClient has put the
 * connection back in its pool.
 * <p>
 * HttpClient 5 calls the result callback from inside the end of the response stream, and releases the connection
 * afterwards, right before it calls {@link #releaseResources()}. Whatever the callback runs - the rest of a Camel
 * route, the next call of a loop - would hold the connection all that time, and a call started there would have to
 * lease another connection, often one owned by another I/O thread: one cross-thread wake-up per call, which halved
 * throughput at one call in flight. Delivering from {@link #releaseResources()} lets the next call reuse the
 * connection just released, on the same I/O thread.
 * <p>
 * Under load the same hold does harm: every caller then reuses its own connection, so each stays tied to one client
 * and one server I/O thread, and on a busy machine the server spent 5-9 µs more CPU per call and the p99 latency rose
 * (measured: docs/performance.md). With other requests in flight the I/O threads are awake anyway, so the answer is
 * handed over at once, in HttpClient's order. {@code holdUntilReleased} decides per answer. Failures are never held
 * back: the connection is discarded anyway.
 */
final class ReleaseFirstResponseConsumer implements AsyncResponseConsumer<Message<HttpResponse, byte[]>> {

    private final BasicResponseConsumer<byte[]> delegate;
    private final BooleanSupplier holdUntilReleased;
    /** Set and read on the I/O thread that reads this response: the end of the stream, then the release. */
    private FutureCallback<Message<HttpResponse, byte[]>> resultCallback;
    private Message<HttpResponse, byte[]> held;

    /** @param holdUntilReleased asked when the answer is complete: true to deliver it after the release */
    ReleaseFirstResponseConsumer(BasicResponseConsumer<byte[]> delegate, BooleanSupplier holdUntilReleased) {
        this.delegate = delegate;
        this.holdUntilReleased = holdUntilReleased;
    }

    @Override
    public void consumeResponse(HttpResponse response, EntityDetails entityDetails, HttpContext context,
                                FutureCallback<Message<HttpResponse, byte[]>> callback)
            throws HttpException, IOException {
        this.resultCallback = callback;
        delegate.consumeResponse(response, entityDetails, context, new FutureCallback<>() {
            @Override
            public void completed(Message<HttpResponse, byte[]> result) {
                if (holdUntilReleased.getAsBoolean()) {
                    held = result;
                } else {
                    callback.completed(result);
                }
            }

            @Override
            public void failed(Exception ex) {
                callback.failed(ex);
            }

            @Override
            public void cancelled() {
                callback.cancelled();
            }
        });
    }

    @Override
    public void informationResponse(HttpResponse response, HttpContext context) throws HttpException, IOException {
        delegate.informationResponse(response, context);
    }

    @Override
    public void updateCapacity(CapacityChannel capacityChannel) throws IOException {
        delegate.updateCapacity(capacityChannel);
    }

    @Override
    public void consume(ByteBuffer src) throws IOException {
        delegate.consume(src);
    }

    @Override
    public void streamEnd(List<? extends Header> trailers) throws HttpException, IOException {
        delegate.streamEnd(trailers);
    }

    @Override
    public void failed(Exception cause) {
        held = null;
        delegate.failed(cause);
    }

    @Override
    public void releaseResources() {
        try {
            delegate.releaseResources();
        } finally {
            Message<HttpResponse, byte[]> result = held;
            held = null;
            if (result != null) {
                resultCallback.completed(result);
            }
        }
    }
}

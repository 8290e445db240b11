package dev.camelextend.client;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

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
 * Hands a complete response to its callback only after HttpClient has put the connection back in its pool.
 * <p>
 * HttpClient 5 calls the result callback from inside the end of the response stream, and releases the connection
 * afterwards, right before it calls {@link #releaseResources()}. Whatever the callback runs - the rest of a Camel
 * route, the next call of a loop - would hold the connection all that time, and a call started there would have to
 * lease another connection, often one owned by another I/O thread: one cross-thread wake-up per call, which halved
 * throughput at one call in flight. Delivering from {@link #releaseResources()} lets the next call reuse the
 * connection just released, on the same I/O thread. Failures are not held back: the connection is discarded anyway.
 */
final class ReleaseFirstResponseConsumer implements AsyncResponseConsumer<Message<HttpResponse, byte[]>> {

    private final BasicResponseConsumer<byte[]> delegate;
    /** Set and read on the I/O thread that reads this response: the end of the stream, then the release. */
    private FutureCallback<Message<HttpResponse, byte[]>> resultCallback;
    private Message<HttpResponse, byte[]> held;

    ReleaseFirstResponseConsumer(BasicResponseConsumer<byte[]> delegate) {
        this.delegate = delegate;
    }

    @Override
    public void consumeResponse(HttpResponse response, EntityDetails entityDetails, HttpContext context,
                                FutureCallback<Message<HttpResponse, byte[]>> callback)
            throws HttpException, IOException {
        this.resultCallback = callback;
        delegate.consumeResponse(response, entityDetails, context, new FutureCallback<>() {
            @Override
            public void completed(Message<HttpResponse, byte[]> result) {
                held = result;
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

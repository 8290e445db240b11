package dev.camelextend.client;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.nio.entity.AbstractBinAsyncEntityConsumer;
import org.apache.hc.core5.util.ByteArrayBuffer;

/**
 * Collects a response body up to a limit. HttpClient's own {@code SimpleResponseConsumer} buffers without bound; a
 * misbehaving server (or proxy) streaming an endless body must not be able to exhaust the heap.
 */
final class BoundedBytesConsumer extends AbstractBinAsyncEntityConsumer<byte[]> {

    private final int maxBytes;
    private ByteArrayBuffer buffer;

    BoundedBytesConsumer(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void streamStart(ContentType contentType) {
        buffer = new ByteArrayBuffer(1024);
    }

    @Override
    protected int capacityIncrement() {
        return Integer.MAX_VALUE;
    }

    @Override
    protected void data(ByteBuffer src, boolean endOfStream) throws IOException {
        int incoming = src.remaining();
        if ((long) buffer.length() + incoming > maxBytes) {
            throw new ResponseTooLargeException(maxBytes);
        }
        if (src.hasArray()) {
            buffer.append(src.array(), src.arrayOffset() + src.position(), incoming);
            src.position(src.limit());
        } else {
            while (src.hasRemaining()) {
                buffer.append(src.get());
            }
        }
    }

    @Override
    protected byte[] generateContent() {
        return buffer == null ? new byte[0] : buffer.toByteArray();
    }

    @Override
    public void releaseResources() {
        buffer = null;
    }

    /** The body was longer than the configured maximum; the connection is dropped. */
    static final class ResponseTooLargeException extends IOException {
        ResponseTooLargeException(int maxBytes) {
            super("the response body is larger than the maximum of " + maxBytes + " bytes");
        }
    }
}

package dev.camelextend.client;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.nio.AsyncEntityConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;

/**
 * Collects a response body up to a limit. HttpClient's own {@code SimpleResponseConsumer} buffers without bound; a
 * misbehaving server (or proxy) streaming an endless body must not be able to exhaust the heap.
 * <p>
 * Every body, declared or not, starts in an array of {@value #INITIAL_CAPACITY} bytes (or the limit, if smaller)
 * that doubles as bytes arrive - never past the declared length - and is copied to its exact length at the end; a
 * declared length above the limit fails before a byte is read. A server that declares a huge body and sends little
 * therefore cannot make every connection reserve the whole limit.
 * <p>
 * Every array it holds is reserved in the shared {@link ResponseBudget} first and given back once the body has been
 * handed over or has failed, so the bodies of all answers in flight together stay within the budget.
 */
final class BoundedBytesConsumer implements AsyncEntityConsumer<byte[]> {

    /** First array size of every body; it doubles up to the declared length or the limit. */
    static final int INITIAL_CAPACITY = 4096;
    private static final byte[] EMPTY = new byte[0];

    private final int maxBytes;
    private final ResponseBudget budget;
    /** Bytes of {@link #budget} this body holds now. */
    private long reserved;
    private FutureCallback<byte[]> resultCallback;
    private byte[] buffer;
    private int length;
    /** The declared length, or the limit when none was declared: the array never grows past it. */
    private int ceiling;
    private volatile byte[] content;

    BoundedBytesConsumer(int maxBytes, ResponseBudget budget) {
        this.maxBytes = maxBytes;
        this.budget = budget;
    }

    /** A new array of {@code size} bytes, reserved first; the old one's reservation is given back. */
    private byte[] allocate(int size, byte[] old) throws IOException {
        budget.reserve(size);
        release();
        reserved = size;
        return old == null ? new byte[size] : Arrays.copyOf(old, size);
    }

    private void release() {
        if (reserved > 0) {
            budget.release(reserved);
            reserved = 0;
        }
    }

    @Override
    public void streamStart(EntityDetails entityDetails, FutureCallback<byte[]> callback) throws IOException {
        this.resultCallback = callback;
        long declared = entityDetails == null ? -1 : entityDetails.getContentLength();
        if (declared > maxBytes) {
            throw new ResponseTooLargeException(maxBytes);
        }
        ceiling = declared >= 0 ? (int) declared : maxBytes;
        buffer = allocate(Math.min(maxBytes, INITIAL_CAPACITY), null);
        length = 0;
    }

    @Override
    public void updateCapacity(CapacityChannel capacityChannel) throws IOException {
        capacityChannel.update(Integer.MAX_VALUE); // the limit is enforced on what arrives, not by flow control
    }

    @Override
    public void consume(ByteBuffer src) throws IOException {
        int incoming = src.remaining();
        if ((long) length + incoming > maxBytes) {
            throw new ResponseTooLargeException(maxBytes);
        }
        if (length + incoming > buffer.length) {
            buffer = allocate((int) Math.min(Math.max(ceiling, length + incoming),
                    Math.max(length + incoming, 2L * buffer.length)), buffer);
        }
        src.get(buffer, length, incoming);
        length += incoming;
    }

    @Override
    public void streamEnd(List<? extends Header> trailers) {
        byte[] body = buffer == null ? EMPTY : length == buffer.length ? buffer : Arrays.copyOf(buffer, length);
        buffer = null;
        content = body;
        FutureCallback<byte[]> callback = resultCallback;
        try {
            if (callback != null) {
                callback.completed(body); // the call reads the body on this thread, before this returns
            }
        } finally {
            release();
        }
    }

    @Override
    public void failed(Exception cause) {
        buffer = null;
        release();
        FutureCallback<byte[]> callback = resultCallback;
        if (callback != null) {
            callback.failed(cause);
        }
    }

    /** Bytes reserved for the body so far. */
    int reservedBytes() {
        return buffer == null ? 0 : buffer.length;
    }

    @Override
    public byte[] getContent() {
        return content;
    }

    @Override
    public void releaseResources() {
        buffer = null;
        release();
    }

    /** The body was longer than the configured maximum; the connection is dropped. */
    static final class ResponseTooLargeException extends IOException {
        ResponseTooLargeException(int maxBytes) {
            super("the response body is larger than the maximum of " + maxBytes + " bytes");
        }
    }
}

package dev.camelextend;

import java.io.IOException;
import java.io.InputStream;

import org.apache.camel.Message;

/**
 * Reads the body a platform-http engine handed over, holding at most {@code maxBodySize + 1} bytes of it: a declared
 * {@code Content-Length} above the limit is refused before anything is read, a stream is read no further than one byte
 * past the limit, and a body the engine already holds is measured, not copied, where its type allows. The engine's own
 * limit (Vert.x's {@code camel.server.maxBodySize}, the servlet container's) bounds what it buffers before the consumer
 * runs; the reference's "Receiving webhooks" says how to set it.
 */
final class WebhookRequestBody {

    private WebhookRequestBody() {
    }

    /** The bytes of the body, or null when it is larger than {@code maxBodySize}. */
    static byte[] read(Message message, int maxBodySize) throws IOException {
        if (declaredLength(message) > maxBodySize) {
            return null;
        }
        Object body = message.getBody();
        if (body == null) {
            return new byte[0];
        }
        if (body instanceof byte[] bytes) {
            return bytes.length > maxBodySize ? null : bytes;
        }
        InputStream stream = body instanceof InputStream in ? in : message.getBody(InputStream.class);
        if (stream != null) {
            try (InputStream in = stream) {
                byte[] bytes = in.readNBytes((int) Math.min((long) maxBodySize + 1, Integer.MAX_VALUE - 8));
                return bytes.length > maxBodySize ? null : bytes;
            }
        }
        byte[] bytes = message.getBody(byte[].class);
        return bytes == null ? new byte[0] : bytes.length > maxBodySize ? null : bytes;
    }

    /** The Content-Length the sender declared, or -1 (none, or not a number: the read itself is bounded). */
    static long declaredLength(Message message) {
        Object value = message.getHeader("Content-Length");
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(String.valueOf(value).strip());
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }
}

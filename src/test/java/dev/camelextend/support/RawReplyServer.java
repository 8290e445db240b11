package dev.camelextend.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * For bytes the JDK HttpServer behind {@link FakeExtendServer} cannot send (a status line or header bytes of our
 * choosing): a bare-socket server on 127.0.0.1 that reads a request head (the request has no body), writes exactly the
 * bytes its {@link #reply(Function) reply} makes of the request's Authorization header, and closes the connection.
 * One connection at a time, on one daemon thread that ends with {@link #close()}.
 */
public final class RawReplyServer implements AutoCloseable {

    private final ServerSocket socket;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Function<String, byte[]> reply = auth -> response("200 OK", null, "text/plain", "");

    public RawReplyServer() {
        try {
            socket = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::serve, "raw-reply-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    /** What every following connection is answered: the bytes made of its Authorization header (null if none). */
    public RawReplyServer reply(Function<String, byte[]> reply) {
        this.reply = reply;
        return this;
    }

    /** How many request heads were read. */
    public int requestCount() {
        return requests.get();
    }

    /** A response: status line after "HTTP/1.1 ", one extra header line (or null), and a UTF-8 body. */
    public static byte[] response(String status, String header, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + "\r\n" + (header != null ? header + "\r\n" : "")
                      + "Content-Type: " + contentType + "\r\nContent-Length: " + bytes.length
                      + "\r\nConnection: close\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[h.length + bytes.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(bytes, 0, all, h.length, bytes.length);
        return all;
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket s = socket.accept()) {
                String auth = readAuthorization(s.getInputStream());
                requests.incrementAndGet();
                OutputStream out = s.getOutputStream();
                out.write(reply.apply(auth));
                out.flush();
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return; // closed
                }
                // the client went away: next
            }
        }
    }

    /** Reads the request head up to its empty line. */
    private static String readAuthorization(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        String auth = null;
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                String l = line.toString().strip();
                if (l.isEmpty()) {
                    break;
                }
                if (l.regionMatches(true, 0, "Authorization:", 0, 14)) {
                    auth = l.substring(14).strip();
                }
                line.setLength(0);
            } else {
                line.append((char) b);
            }
        }
        return auth;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}

package dev.camelextend.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/**
 * The lightest client that can load the stub: one thread, one selector, {@code concurrency} keep-alive connections,
 * each sending a prebuilt cancel request and reading the answer's bytes without parsing JSON. What it reaches is the
 * stub's ceiling on this machine: if it is well above what client (c) reaches, the stub is not what limits (c).
 */
final class RawLoad {

    private RawLoad() {
    }

    /** @return completed requests per second over {@code measureMillis}, after {@code warmupMillis} */
    static double run(int port, int concurrency, long warmupMillis, long measureMillis) throws IOException {
        byte[] request = ("POST /workflow_runs/workflow_run_raw_xKm9pNv3qWsY/cancel HTTP/1.1\r\n"
                          + "Host: 127.0.0.1:" + port + "\r\n"
                          + "Authorization: Bearer " + CancelClient.API_KEY + "\r\n"
                          + "x-extend-api-version: " + CancelClient.API_VERSION + "\r\n"
                          + "Accept: application/json\r\n"
                          + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        try (Selector selector = Selector.open()) {
            for (int i = 0; i < concurrency; i++) {
                connect(selector, port, request);
            }
            long start = System.nanoTime();
            long warmEnd = start + warmupMillis * 1_000_000L;
            long end = warmEnd + measureMillis * 1_000_000L;
            long counted = 0;
            long now;
            while ((now = System.nanoTime()) < end) {
                selector.select(50);
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    SocketChannel ch = (SocketChannel) key.channel();
                    Conn c = (Conn) key.attachment();
                    if (key.isWritable()) {
                        try {
                            ch.write(c.out);
                        } catch (IOException closed) {
                            reconnect(key, selector, port, request);
                            continue;
                        }
                        if (!c.out.hasRemaining()) {
                            key.interestOps(SelectionKey.OP_READ);
                        }
                    } else if (key.isReadable()) {
                        int n;
                        try {
                            n = ch.read(c.in);
                        } catch (IOException reset) {
                            n = -1;
                        }
                        if (n < 0) {
                            // the JDK server closes keep-alive connections beyond its idle limit: open another
                            reconnect(key, selector, port, request);
                            continue;
                        }
                        if (c.complete()) {
                            if (System.nanoTime() >= warmEnd) {
                                counted++;
                            }
                            c.out.rewind();
                            ch.write(c.out);
                            key.interestOps(c.out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
                        }
                    }
                }
            }
            for (SelectionKey key : selector.keys()) {
                key.channel().close();
            }
            return counted / (measureMillis / 1000.0);
        }
    }

    private static void connect(Selector selector, int port, byte[] request) throws IOException {
        SocketChannel ch = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
        ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
        ch.configureBlocking(false);
        ch.register(selector, SelectionKey.OP_WRITE, new Conn(ByteBuffer.wrap(request)));
    }

    private static void reconnect(SelectionKey key, Selector selector, int port, byte[] request) throws IOException {
        key.cancel();
        key.channel().close();
        connect(selector, port, request);
    }

    /** One connection: the request to (re)send and the bytes of the answer read so far. */
    private static final class Conn {
        final ByteBuffer out;
        final ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        int expected = -1;

        Conn(ByteBuffer out) {
            this.out = out;
        }

        /** True when a whole answer (head plus Content-Length bytes) is in; the buffer is then cleared. */
        boolean complete() {
            if (expected < 0) {
                int headEnd = indexOf(in, "\r\n\r\n");
                if (headEnd < 0) {
                    return false;
                }
                String head = new String(in.array(), 0, headEnd, StandardCharsets.US_ASCII).toLowerCase();
                int cl = head.indexOf("content-length:");
                int lineEnd = head.indexOf("\r\n", cl);
                int length = Integer.parseInt(head.substring(cl + 15, lineEnd < 0 ? head.length() : lineEnd).trim());
                expected = headEnd + 4 + length;
            }
            if (in.position() < expected) {
                return false;
            }
            // answers never overlap: one request is in flight per connection
            in.clear();
            expected = -1;
            return true;
        }

        private static int indexOf(ByteBuffer buf, String s) {
            byte[] a = buf.array();
            int limit = buf.position() - s.length();
            outer:
            for (int i = 0; i <= limit; i++) {
                for (int j = 0; j < s.length(); j++) {
                    if (a[i + j] != s.charAt(j)) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}

package dev.camelextend.springboot;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import dev.camelextend.ExtendComponent;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.camel.CamelContext;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The body limit of extend:webhook on a servlet engine. Spring MVC (camel-platform-http-starter's engine) reads a
 * request's whole body into memory before any consumer runs, with no limit of its own or of Tomcat's for a JSON body,
 * so the consumer's {@code maxBodySize} would come too late to bound memory. This filter runs first, only for a POST
 * to a path an extend:webhook consumer serves: a declared length above that consumer's limit is answered 413 before a
 * byte is read, and otherwise at most the limit plus one byte is read - more is 413 too, as the consumer itself
 * answers - and the engine is handed exactly what was read. A body that cannot be read (the sender broke off, or
 * stalled past the server's read timeout: {@code server.tomcat.connection-timeout}) is 400. Every other request passes
 * untouched. The read holds the request's thread, as the engine's own read would: the server's read timeout bounds it.
 */
final class ExtendWebhookBodyFilter extends OncePerRequestFilter implements Ordered {

    /** Before Spring's own filters that may read the body (a form's parameters). */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

    private final CamelContext camel;

    ExtendWebhookBodyFilter(CamelContext camel) {
        this.camel = camel;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || limit(request) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Integer limit = limit(request);
        if (limit == null) { // the consumer stopped since shouldNotFilter asked
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > limit) {
            tooLarge(response, limit);
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readNBytes(limit + 1);
        } catch (IOException unreadable) {
            // the sender broke off or stalled past the server's read timeout: as the consumer answers it
            answer(response, 400, "the request body could not be read");
            return;
        }
        if (body.length > limit) {
            tooLarge(response, limit);
            return;
        }
        chain.doFilter(new ReadBody(request, body), response);
    }

    /** The limit of the consumer serving this request's path (the context path left off), or null. */
    private Integer limit(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String contextPath = request.getContextPath();
        String path = contextPath != null && !contextPath.isEmpty() && uri.startsWith(contextPath)
                ? uri.substring(contextPath.length()) : uri;
        for (String name : camel.getComponentNames()) {
            if (camel.hasComponent(name) instanceof ExtendComponent extend) {
                Integer limit = extend.webhookBodyLimit(path);
                if (limit != null) {
                    return limit;
                }
            }
        }
        return null;
    }

    /** As the consumer answers a body above its limit. */
    private static void tooLarge(HttpServletResponse response, int limit) throws IOException {
        answer(response, 413, "the request body is larger than maxBodySize (" + limit + " bytes)");
    }

    /**
     * The answer, sent now, with its length, so that the sender reads it whole while it may still be sending. The
     * server then deals with the unread rest of the body as it does for any request (Tomcat reads and drops up to
     * {@code server.tomcat.max-swallow-size}, then closes the connection).
     */
    private static void answer(HttpServletResponse response, int status, String text) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }

    /** The request with the body this filter read, all of it, so that the engine reads no byte more. */
    private static final class ReadBody extends HttpServletRequestWrapper {
        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                /** The whole body is here already: what there is to read is told at once, then its end. */
                @Override
                public void setReadListener(ReadListener listener) {
                    try {
                        if (in.available() > 0) {
                            listener.onDataAvailable();
                        }
                        listener.onAllDataRead();
                    } catch (IOException e) {
                        listener.onError(e);
                    }
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(new ByteArrayInputStream(body),
                    getCharacterEncoding() != null ? java.nio.charset.Charset.forName(getCharacterEncoding())
                            : StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public String getHeader(String name) {
            return "Content-Length".equalsIgnoreCase(name) ? Integer.toString(body.length) : super.getHeader(name);
        }
    }
}

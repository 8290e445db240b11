package dev.camelextend.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.Message;
import org.apache.hc.core5.http.Method;
import org.apache.hc.core5.http.nio.support.BasicResponseConsumer;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends one HTTP request to Extend and completes its future exactly once: with the answer, with the transport's
 * failure, or with a {@link TimeoutException} at the attempt deadline. Owns the request's headers (the API key goes
 * only here), the requests in flight with their deadlines, and ending them all at {@link #close()}.
 * <p>
 * The socket-level response timeout (an I/O thread) normally ends a silent request; the deadline, {@code
 * requestTimeout} plus a little grace and checked by a sweep on the scheduler, is the backstop for a body that trickles
 * forever or a pool that never frees a connection. A request is registered before it is handed over, so neither a fast
 * answer nor a close can miss it, and the transport's send gate withdraws a request that ended while it waited for a
 * connection.
 */
final class Dispatcher {

    static final String USER_AGENT = "camel-extend/" + version();
    /** The attempt deadline trails the socket timeout a little, so a silent server is reported by the I/O thread. */
    private static final long DEADLINE_GRACE_MILLIS = 250;
    /** How often overdue attempts are looked for while any is in flight: a deadline fires at most this much late. */
    private static final long DEADLINE_SWEEP_MILLIS = 100;

    private final ExtendClientSettings settings;
    private final Transport transport;
    private final RequestsInFlight requestsInFlight;
    private final RequestConfig requestConfig;
    private final String authorization;
    private volatile boolean closed;

    Dispatcher(ExtendClientSettings settings, Transport transport, ClientTime time) {
        this.settings = settings;
        this.transport = transport;
        this.requestsInFlight = new RequestsInFlight(time, Duration.ofMillis(DEADLINE_SWEEP_MILLIS));
        Timeout timeout = Timeout.of(settings.requestTimeout());
        this.requestConfig = RequestConfig.custom()
                .setResponseTimeout(timeout)
                .setConnectionRequestTimeout(timeout)
                .setRedirectsEnabled(false)
                .build();
        String key = settings.apiKey();
        // An empty key sends no Authorization header: Extend then answers 401, never a request with "Bearer ".
        this.authorization = key == null || key.isBlank() ? null : "Bearer " + key;
    }

    boolean isClosed() {
        return closed;
    }

    /** Every request in flight ends now with a CancellationException; nothing is sent from now on. Idempotent. */
    void close() {
        closed = true;
        requestsInFlight.forEach(request -> ((InFlightRequest) request).abort());
    }

    CompletableFuture<RawResponse> dispatch(ApiRequest apiRequest) {
        String workspaceId = apiRequest.workspaceId();
        InFlightRequest inFlight = new InFlightRequest();
        if (closed) {
            inFlight.answer.completeExceptionally(new CancellationException("the Extend client is closed"));
            return inFlight.answer;
        }
        SimpleHttpRequest request = new SimpleHttpRequest(apiRequest.method(), URI.create(apiRequest.url()));
        if (apiRequest.jsonBody() != null) {
            request.setBody(apiRequest.jsonBody(), ContentType.APPLICATION_JSON);
        }
        if (authorization != null) {
            request.setHeader("Authorization", authorization);
        }
        request.setHeader("x-extend-api-version", settings.apiVersion());
        request.setHeader("Accept", "application/json");
        request.setHeader("User-Agent", USER_AGENT);
        if (workspaceId != null && !workspaceId.isBlank()) {
            request.setHeader("x-extend-workspace-id", workspaceId);
        }
        HttpClientContext context = HttpClientContext.create();
        context.setRequestConfig(requestConfig);
        context.setAttribute(HttpTransports.SEND_GATE, inFlight);
        try {
            // registered before it is handed over, so that neither a fast answer nor close() can miss it
            requestsInFlight.add(inFlight);
        } catch (RuntimeException shutDown) {
            inFlight.answer.completeExceptionally(shutDown);
            return inFlight.answer;
        }
        try {
            inFlight.handedOver(transport.client().execute(SimpleRequestProducer.create(request),
                    new BasicResponseConsumer<>(new BoundedBytesConsumer(settings.maxResponseBytes(),
                            transport.budget())), null, context, inFlight));
        } catch (RuntimeException notRunning) {
            inFlight.failed(notRunning);
            return inFlight.answer;
        }
        if (closed) {
            inFlight.abort(); // close() ran while this request was being handed over
        }
        return inFlight.answer;
    }

    /** One request handed to HttpClient, which completes {@link #answer} with HttpClient's outcome or the deadline. */
    private final class InFlightRequest extends RequestsInFlight.Request
            implements FutureCallback<Message<HttpResponse, byte[]>>, BooleanSupplier {

        final CompletableFuture<RawResponse> answer = new CompletableFuture<>();
        private volatile Future<?> future;

        InFlightRequest() {
            super(settings.requestTimeout().plusMillis(DEADLINE_GRACE_MILLIS));
        }

        /** Asked by the transport once the request has its connection: false once it has ended or we are closed. */
        @Override
        public boolean getAsBoolean() {
            return !closed && !answer.isDone();
        }

        void handedOver(Future<?> f) {
            future = f;
            if (answer.isDone()) {
                f.cancel(true); // expired or aborted before HttpClient returned its future
            }
        }

        @Override
        public void completed(Message<HttpResponse, byte[]> message) {
            requestsInFlight.remove(this);
            RawResponse raw;
            try {
                raw = new RawResponse(message.getHead(), message.getBody());
            } catch (RuntimeException unreadable) {
                answer.completeExceptionally(unreadable); // out of the registry now: nothing else would end it
                return;
            }
            answer.complete(raw);
        }

        @Override
        public void failed(Exception ex) {
            requestsInFlight.remove(this);
            answer.completeExceptionally(ex);
        }

        @Override
        public void cancelled() {
            failed(new CancellationException("request cancelled"));
        }

        /**
         * The deadline passed. Completing here, on the scheduler thread, only runs the client's own non-blocking steps
         * (a retry is scheduled, or the call fails); whoever continues a route hands it to threads of its own.
         */
        @Override
        void expire() {
            if (answer.completeExceptionally(new TimeoutException(
                    "no complete answer within " + settings.requestTimeout().toMillis() + " ms"))) {
                cancelFuture();
            }
        }

        /** The client is closing: the request ends now, whatever HttpClient does later. */
        void abort() {
            requestsInFlight.remove(this);
            answer.completeExceptionally(new CancellationException("the Extend client is closed"));
            cancelFuture();
        }

        private void cancelFuture() {
            Future<?> f = future;
            if (f != null) {
                f.cancel(true);
            }
        }
    }

    private static String version() {
        try (InputStream in = Dispatcher.class.getResourceAsStream("camel-extend.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}

package dev.camelextend.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fetches the payload of a webhook delivery that Extend sent as a signed URL ({@code "object": "signed_data_url"}), the
 * way Extend's SDK helper does it (one GET, no credentials: the URL is its own, for an hour), with the bounds of the
 * component: at most {@code maxBytes} read (a larger declared length fails before a byte is read), each attempt within
 * its timeout and never past the delivery's deadline, transient failures (no answer, 408, 429, 5xx) retried with
 * backoff on the component's scheduler (no thread sleeps), no redirect followed, and https only (plain http to
 * loopback alone, for tests and local simulators).
 * <p>
 * It uses the JDK's {@link HttpClient}, not the component's HttpClient 5 transport: that transport's dispatcher sends
 * Extend's API key with every request, which a storage host must never receive, and its pool, budget and limiter
 * belong to API calls. A message names the URL's host, never the URL: its query is the signature.
 */
public final class SignedPayloadFetcher {

    private final Duration connectTimeout;
    /** Made on the first fetch: most endpoints never get a signed URL, and a JDK client keeps a selector thread. */
    private volatile HttpClient http;
    private final ScheduledExecutorService scheduler;
    private final int maxBytes;
    private final Duration attemptTimeout;
    private final int retries;
    private final RetryPolicy backoff;

    /**
     * @param scheduler      runs the waits between attempts and the attempt deadlines
     * @param maxBytes       the largest payload read
     * @param attemptTimeout how long one attempt may take, to the last byte
     * @param retries        how many times a transient failure is retried
     * @param initialBackoff the first wait between attempts; it doubles up to {@code maxBackoff}
     */
    public SignedPayloadFetcher(ScheduledExecutorService scheduler, int maxBytes, Duration connectTimeout,
                                Duration attemptTimeout, int retries, Duration initialBackoff, Duration maxBackoff) {
        this.connectTimeout = connectTimeout;
        this.scheduler = scheduler;
        this.maxBytes = maxBytes;
        this.attemptTimeout = attemptTimeout;
        this.retries = retries;
        this.backoff = new RetryPolicy(initialBackoff, maxBackoff);
    }

    /** A fetch that failed, permanently or after its retries; the message names the host and what happened. */
    public static final class FetchFailure extends IOException {

        private static final long serialVersionUID = 1L;
        private final transient boolean retryable;

        FetchFailure(String message, boolean retryable) {
            super(message);
            this.retryable = retryable;
        }

        boolean isRetryable() {
            return retryable;
        }
    }

    /**
     * The bytes the URL holds, or a {@link FetchFailure}.
     *
     * @param deadlineNanos the {@link System#nanoTime()} after which no attempt starts and the last one ends
     */
    public CompletableFuture<byte[]> fetch(String url, long deadlineNanos) {
        URI uri;
        try {
            uri = checked(url);
        } catch (FetchFailure refused) {
            return CompletableFuture.failedFuture(refused);
        }
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        attempt(uri, 1, deadlineNanos, result);
        return result;
    }

    private void attempt(URI uri, int number, long deadlineNanos, CompletableFuture<byte[]> result) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            result.completeExceptionally(new FetchFailure("no time left to fetch the payload from " + uri.getHost(),
                    true));
            return;
        }
        Duration timeout = Duration.ofNanos(Math.min(left, attemptTimeout.toNanos()));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .GET()
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("User-Agent", Dispatcher.USER_AGENT)
                .build();
        Bounded body = new Bounded(maxBytes);
        CompletableFuture<HttpResponse<byte[]>> sent = http().sendAsync(request, info -> body.start(info));
        // the request timeout covers the head; this one also ends a body that trickles
        ScheduledFuture<?> deadline = scheduler.schedule(() -> {
            if (!sent.isDone()) {
                body.abort(new TimeoutException("no complete answer within " + timeout.toMillis() + " ms"));
                sent.cancel(true);
            }
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        sent.handle((response, failure) -> {
            deadline.cancel(false);
            FetchFailure outcome = failure == null ? failure(uri, response)
                    : body.timedOut() ? new FetchFailure("the fetch of the payload from " + uri.getHost()
                                                         + " timed out", true)
                    : failure(uri, failure);
            if (outcome == null) {
                result.complete(response.body());
                return null;
            }
            long wait = backoff.backoff(number).toNanos();
            if (outcome.isRetryable() && number <= retries && System.nanoTime() + wait < deadlineNanos) {
                scheduler.schedule(() -> attempt(uri, number + 1, deadlineNanos, result), wait, TimeUnit.NANOSECONDS);
            } else {
                result.completeExceptionally(outcome);
            }
            return null;
        });
    }

    private HttpClient http() {
        HttpClient client = http;
        if (client == null) {
            synchronized (this) {
                if (http == null) {
                    http = HttpClient.newBuilder()
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .connectTimeout(connectTimeout)
                            .build();
                }
                client = http;
            }
        }
        return client;
    }

    /** https, or http to loopback; with a host. */
    static URI checked(String url) throws FetchFailure {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            throw new FetchFailure("the signed payload URL is not a URL", false);
        }
        String scheme = uri.getScheme();
        if (uri.getHost() == null || scheme == null) {
            throw new FetchFailure("the signed payload URL has no host", false);
        }
        if (!"https".equalsIgnoreCase(scheme) && !("http".equalsIgnoreCase(scheme) && Hosts.isLoopback(uri.getHost()))) {
            throw new FetchFailure("the signed payload URL must be https, was " + scheme.toLowerCase(Locale.ROOT)
                                   + " to " + uri.getHost(), false);
        }
        return uri;
    }

    private static FetchFailure failure(URI uri, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return null;
        }
        boolean retryable = status == 408 || status == 429 || status >= 500;
        String what = status >= 300 && status < 400 ? " (a redirect, which is not followed)" : "";
        return new FetchFailure(uri.getHost() + " answered " + status + what + " to the fetch of the payload",
                retryable);
    }

    private static FetchFailure failure(URI uri, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof FetchFailure f) {
                return f;
            }
        }
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        String kind = cause instanceof TimeoutException || cause instanceof java.net.http.HttpTimeoutException
                ? "timed out" : "failed (" + cause.getClass().getSimpleName() + ")";
        return new FetchFailure("the fetch of the payload from " + uri.getHost() + " " + kind, true);
    }

    /** Collects a body of at most {@code maxBytes}; a longer one, declared or not, fails and is not read on. */
    private static final class Bounded implements HttpResponse.BodySubscriber<byte[]> {

        private final int maxBytes;
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final AtomicBoolean ended = new AtomicBoolean();
        private volatile Flow.Subscription subscription;
        private volatile boolean tooLarge;
        private volatile boolean timedOut;

        Bounded(int maxBytes) {
            this.maxBytes = maxBytes;
        }

        HttpResponse.BodySubscriber<byte[]> start(HttpResponse.ResponseInfo info) {
            long declared = info.headers().firstValueAsLong("content-length").orElse(-1);
            tooLarge = declared > maxBytes;
            return this;
        }

        boolean timedOut() {
            return timedOut;
        }

        void abort(Exception why) {
            if (ended.compareAndSet(false, true)) {
                timedOut = why instanceof TimeoutException;
                Flow.Subscription s = subscription;
                if (s != null) {
                    s.cancel();
                }
                body.completeExceptionally(why);
            }
        }

        private FetchFailure tooLargeFailure() {
            return new FetchFailure("the payload is larger than maxResponseSize (" + maxBytes + " bytes)", false);
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (tooLarge) {
                abort(tooLargeFailure());
            } else {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer item : items) {
                if (ended.get()) {
                    return;
                }
                if (bytes.size() + (long) item.remaining() > maxBytes) {
                    abort(tooLargeFailure());
                    return;
                }
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            if (ended.compareAndSet(false, true)) {
                body.completeExceptionally(throwable);
            }
        }

        @Override
        public void onComplete() {
            if (ended.compareAndSet(false, true)) {
                body.complete(bytes.toByteArray());
            }
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }
    }
}

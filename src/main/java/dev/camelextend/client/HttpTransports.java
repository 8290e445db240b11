package dev.camelextend.client;

import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ThreadFactory;
import java.util.function.BooleanSupplier;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.hc.client5.http.async.AsyncExecCallback;
import org.apache.hc.client5.http.async.AsyncExecChain;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the pooled Apache HttpClient 5 async client that every Extend call goes through. */
public final class HttpTransports {

    private static final Logger LOG = LoggerFactory.getLogger(HttpTransports.class);

    private HttpTransports() {
    }

    /** The context attribute holding a request's {@link BooleanSupplier} "may this request still be sent?". */
    static final String SEND_GATE = "dev.camelextend.sendGate";

    /** A started client, for tools and tests that manage it themselves. */
    public static CloseableHttpAsyncClient create(TransportSettings settings) {
        return create(settings, () -> false);
    }

    /**
     * A started client. HttpClient's own retries, redirects and cookies are off: retrying is the
     * {@link ExtendClient}'s job (HttpClient 5.5+ would otherwise sleep on {@code Retry-After} by itself, out of our
     * bounds), Extend never redirects an API call, and a cookie jar would leak state between exchanges.
     * <p>
     * Content compression is off: HttpClient would otherwise ask for gzip and inflate answers, and a few KB of gzip
     * can inflate to many MB before any limit of ours sees a byte. Extend's JSON answers are small; an answer that
     * arrives encoded anyway is refused by the client. (Async compression, and the switch that turns it off, came
     * with HttpClient 5.6; older async clients never ask for nor inflate an encoding: see
     * {@link #disableContentCompression}.)
     * <p>
     * A request whose {@link #SEND_GATE} says no by the time it has its connection is not written: a request that
     * waited in the pool's queue while its client closed, or past its deadline, never reaches the server late.
     *
     * @param closing true once the owner is closing the client: I/O errors are then expected and logged at DEBUG
     */
    static CloseableHttpAsyncClient create(TransportSettings settings, BooleanSupplier closing) {
        PoolingAsyncClientConnectionManagerBuilder pool = PoolingAsyncClientConnectionManagerBuilder.create()
                .setMaxConnTotal(settings.maxConnections())
                .setMaxConnPerRoute(settings.maxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .setTimeToLive(TimeValue.ofMinutes(5))
                        .build());
        if (settings.sslContext() != null) {
            pool.setTlsStrategy(ClientTlsStrategyBuilder.create().setSslContext(settings.sslContext()).buildAsync());
        }
        PoolingAsyncClientConnectionManager connectionManager = pool.build();

        IOReactorConfig.Builder reactor = IOReactorConfig.custom().setTcpNoDelay(true);
        if (settings.ioThreads() > 0) {
            reactor.setIoThreadCount(settings.ioThreads());
        }
        HttpAsyncClientBuilder builder = HttpAsyncClientBuilder.create()
                .setConnectionManager(connectionManager)
                .setIOReactorConfig(reactor.build())
                .setThreadFactory(new NamedThreadFactory("camel-extend-io"))
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .addExecInterceptorBefore(ChainElement.MAIN_TRANSPORT.name(), "extend-send-gate", HttpTransports::gate)
                .setIoReactorExceptionCallback(error -> {
                    if (closing.getAsBoolean()) {
                        LOG.debug("I/O error while the Extend HTTP client closes", error);
                    } else {
                        LOG.error("Fatal I/O error in the Extend HTTP client; it is replaced at the next request",
                                error);
                    }
                })
                .evictIdleConnections(TimeValue.ofSeconds(30));
        disableContentCompression(builder);
        if (settings.proxyHost() != null) {
            HttpHost proxy = new HttpHost(settings.proxyScheme(), settings.proxyHost(), settings.proxyPort());
            builder.setProxy(proxy);
            if (settings.proxyUsername() != null) {
                BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                char[] password = settings.proxyPassword() == null ? new char[0] : settings.proxyPassword().toCharArray();
                credentials.setCredentials(new AuthScope(proxy),
                        new UsernamePasswordCredentials(settings.proxyUsername(), password));
                builder.setDefaultCredentialsProvider(credentials);
            }
        }
        CloseableHttpAsyncClient client = builder.build();
        client.start();
        return client;
    }

    /**
     * Turns HttpClient 5.6's async content compression off. The platforms users run the component on manage older
     * HttpClients (Spring Boot 3.5 and 4.0, Camel Quarkus 3.33: 5.5.x), whose async builder has no such method and
     * whose async client neither sends {@code Accept-Encoding} nor inflates: there is nothing to turn off there. The
     * call is linked directly (no reflection, so native images need no configuration for it) and a missing method
     * is the older client.
     */
    static void disableContentCompression(HttpAsyncClientBuilder builder) {
        try {
            builder.disableContentCompression();
        } catch (NoSuchMethodError olderHttpClient) {
            LOG.trace("HttpClient before 5.6: its async client does not compress", olderHttpClient);
        }
    }

    private static void gate(HttpRequest request, AsyncEntityProducer entity, AsyncExecChain.Scope scope,
                             AsyncExecChain chain, AsyncExecCallback callback) throws HttpException, IOException {
        Object gate = scope.clientContext.getAttribute(SEND_GATE);
        if (gate instanceof BooleanSupplier open && !open.getAsBoolean()) {
            callback.failed(new CancellationException("the request was withdrawn before it was sent"));
            return;
        }
        chain.proceed(request, entity, scope, callback);
    }

    /** True on an I/O thread of a client built here: code there must never wait for another call. */
    public static boolean isIoThread() {
        return Thread.currentThread() instanceof IoThread;
    }

    private static final class IoThread extends Thread {
        IoThread(Runnable task, String name) {
            super(task, name);
        }
    }

    /** Daemon threads with a recognisable name, so a thread dump says whose they are. */
    static final class NamedThreadFactory implements ThreadFactory {
        private final String prefix;
        private final AtomicInteger count = new AtomicInteger();

        NamedThreadFactory(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new IoThread(r, prefix + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}

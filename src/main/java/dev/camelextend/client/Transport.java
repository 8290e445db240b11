package dev.camelextend.client;

import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pooled HTTP client for one {@link TransportSettings}, which outlives the failure of its I/O reactor. An
 * {@code Error} on an I/O thread ({@code OutOfMemoryError}, say) shuts HttpClient's reactor down for good, and every
 * later request of every endpoint sharing it would fail with {@code IOReactorShutdownException} until a restart. So
 * {@link #client()} checks the reactor before each request and builds a new client when the old one is dead; the
 * request that met the death fails as a connection failure and its retry goes through the new client.
 */
public final class Transport implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Transport.class);

    private final TransportSettings settings;
    private final ResponseBudget budget;
    private volatile CloseableHttpAsyncClient client;
    private volatile boolean closed;
    private int rebuilds;

    /** Starts the first client now, so that a bad setting (TLS, proxy) fails at route start. */
    public Transport(TransportSettings settings, ResponseBudget budget) {
        this.settings = settings;
        this.budget = budget;
        this.client = HttpTransports.create(settings, this::isClosing);
    }

    /** The live client; a dead one is replaced first. Every request asks, so the live case takes no lock. */
    public CloseableHttpAsyncClient client() {
        CloseableHttpAsyncClient c = client;
        if (closed || c.getStatus() == IOReactorStatus.ACTIVE) {
            return c;
        }
        synchronized (this) {
            if (!closed && client.getStatus() != IOReactorStatus.ACTIVE) { // another request may have replaced it
                CloseableHttpAsyncClient dead = client;
                client = HttpTransports.create(settings, this::isClosing);
                rebuilds++;
                LOG.warn("The HTTP client's I/O reactor had stopped ({}): a new client replaces it", dead.getStatus());
                dead.close(CloseMode.IMMEDIATE);
            }
            return client;
        }
    }

    /** The memory budget that every answer read through this transport counts against. */
    public ResponseBudget budget() {
        return budget;
    }

    /** How many times a dead client was replaced. */
    public synchronized int rebuilds() {
        return rebuilds;
    }

    boolean isClosing() {
        return closed;
    }

    /**
     * Closes the client. GRACEFUL lets the I/O reactor close its channels itself (IMMEDIATE races it); requests still
     * in flight fail with the closed connection.
     */
    @Override
    public void close() {
        CloseableHttpAsyncClient c;
        synchronized (this) {
            closed = true;
            c = client;
        }
        c.close(CloseMode.GRACEFUL);
    }

    @Override
    public String toString() {
        return "Transport" + settings;
    }
}

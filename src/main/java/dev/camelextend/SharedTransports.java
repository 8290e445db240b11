package dev.camelextend;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;

import dev.camelextend.client.ResponseBudget;
import dev.camelextend.client.Transport;
import dev.camelextend.client.TransportSettings;
import org.apache.camel.CamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The component's HTTP clients: one per distinct connection setup, shared by every started endpoint with that setup
 * and counted, so that a {@code toD} with many distinct settings does not keep a client (and its I/O threads) per
 * value for ever - and one memory budget for all the bodies they read. Each acquire is matched by one release; the
 * last user closes the client.
 */
final class SharedTransports {

    private final Map<TransportKey, Shared> transports = new HashMap<>();
    private ResponseBudget responseBudget;

    synchronized Transport acquire(ExtendConfiguration config, CamelContext context, long maxResponseBytesInFlight) {
        if (responseBudget == null) {
            responseBudget = new ResponseBudget(maxResponseBytesInFlight);
        }
        TransportKey key = TransportKey.of(config);
        Shared shared = transports.get(key);
        if (shared == null) {
            shared = new Shared(new Transport(key.toSettings(context), responseBudget));
            transports.put(key, shared);
        }
        shared.users++;
        return shared.transport;
    }

    void release(Transport transport) {
        Transport toClose = null;
        synchronized (this) {
            for (Map.Entry<TransportKey, Shared> e : transports.entrySet()) {
                Shared shared = e.getValue();
                if (shared.transport == transport) {
                    if (--shared.users == 0) {
                        transports.remove(e.getKey());
                        toClose = transport;
                    }
                    break;
                }
            }
        }
        if (toClose != null) {
            toClose.close();
        }
    }

    /** How many HTTP clients are open now. */
    synchronized int openCount() {
        return transports.size();
    }

    /**
     * Closes every client left. Endpoints give theirs back when they stop; these are left only if an endpoint was
     * never stopped. The next acquire starts a new budget.
     */
    void closeAll() {
        List<Shared> left;
        synchronized (this) {
            left = new ArrayList<>(transports.values());
            transports.clear();
            responseBudget = null;
        }
        left.forEach(shared -> shared.transport.close());
    }

    private static final class Shared {
        final Transport transport;
        int users;

        Shared(Transport transport) {
            this.transport = transport;
        }
    }

    /** The options that shape connections. Endpoints with equal keys share one pool. */
    private record TransportKey(long connectTimeout, int maxConnections, int ioThreads,
            SSLContextParameters sslContextParameters, String proxyHost, Integer proxyPort, String proxyScheme,
            String proxyUser, String proxyPassword) {

        static TransportKey of(ExtendConfiguration c) {
            return new TransportKey(c.getConnectTimeout(), c.getMaxConnections(), c.getIoThreadCount(),
                    c.getSslContextParameters(), c.getProxyHost(), c.getProxyPort(), c.getProxyScheme(),
                    c.getProxyAuthUsername(), c.getProxyAuthPassword());
        }

        TransportSettings toSettings(CamelContext context) {
            SSLContext sslContext;
            try {
                sslContext = sslContextParameters == null ? null : sslContextParameters.createSSLContext(context);
            } catch (Exception e) {
                throw new IllegalArgumentException("Cannot create the TLS context from sslContextParameters: "
                                                   + e.getMessage(), e);
            }
            return new TransportSettings(Duration.ofMillis(connectTimeout), maxConnections, ioThreads, sslContext,
                    proxyHost, proxyPort == null ? defaultPort(proxyScheme) : proxyPort, proxyScheme, proxyUser,
                    proxyPassword);
        }

        private static int defaultPort(String scheme) {
            return "https".equalsIgnoreCase(scheme) ? 443 : 80;
        }

        @Override
        public String toString() {
            return "TransportKey[proxyHost=" + proxyHost + "]"; // never the proxy password
        }
    }
}

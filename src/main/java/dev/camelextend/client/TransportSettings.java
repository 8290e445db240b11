package dev.camelextend.client;

import java.time.Duration;

import javax.net.ssl.SSLContext;

/**
 * What shapes the HTTP connections: one {@link HttpTransports#create pooled client} is built per distinct value.
 *
 * @param connectTimeout     bound on establishing a TCP (and TLS) connection
 * @param maxConnections     pool size, total and per route (Extend is one route)
 * @param ioThreads          HttpClient I/O reactor threads; 0 means one per CPU core
 * @param sslContext         the TLS context to use, or null for the JVM default
 * @param proxyHost          an HTTP proxy host, or null
 * @param proxyPort          the proxy port
 * @param proxyScheme        {@code http} or {@code https}
 * @param proxyUsername      proxy Basic/Digest user, or null
 * @param proxyPassword      proxy password, or null; never printed
 */
public record TransportSettings(Duration connectTimeout, int maxConnections, int ioThreads, SSLContext sslContext,
        String proxyHost, int proxyPort, String proxyScheme, String proxyUsername, String proxyPassword) {

    /** Checks every value, naming the component option that sets it. */
    public TransportSettings {
        OptionRules.positive(connectTimeout, "connectTimeout");
        OptionRules.positive(maxConnections, "maxConnections");
        OptionRules.notNegative(ioThreads, "ioThreadCount");
        if (proxyHost != null) {
            OptionRules.port(proxyPort, "proxyPort");
        }
    }

    @Override
    public String toString() {
        return "TransportSettings[connectTimeout=" + connectTimeout + ", maxConnections=" + maxConnections
               + ", ioThreads=" + ioThreads + ", tls=" + (sslContext != null ? "custom" : "default")
               + ", proxy=" + (proxyHost == null ? "none" : proxyScheme + "://" + proxyHost + ":" + proxyPort)
               + "]";
    }
}

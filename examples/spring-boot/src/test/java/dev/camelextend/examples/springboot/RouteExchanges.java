// Owns: what the tests see of the webhook route's exchanges: a snapshot of each one's headers, body and failure as
// it ended, taken by a Camel event notifier that the test configuration registers.
package dev.camelextend.examples.springboot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeCompletedEvent;
import org.apache.camel.spi.CamelEvent.ExchangeFailedEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * An EventNotifier bean: camel-spring-boot adds every EventNotifier of the Spring context to Camel before it starts.
 * It watches only the exchanges that the route {@code routeId} started from its consumer, so that a test can tell
 * what reached the route and that nothing did, without the route's code knowing about tests.
 */
final class RouteExchanges extends EventNotifierSupport {

    /** One exchange as it ended: its headers (case-insensitive, as Camel's), its body and whether it failed. */
    record Seen(Map<String, Object> headers, Object body, Throwable failure) {
    }

    private final String routeId;
    private final BlockingQueue<Seen> seen = new LinkedBlockingQueue<>();

    RouteExchanges(String routeId) {
        this.routeId = routeId;
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof ExchangeCompletedEvent || event instanceof ExchangeFailedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        Exchange exchange = ((CamelEvent.ExchangeEvent) event).getExchange();
        if (routeId.equals(exchange.getFromRouteId())) {
            Map<String, Object> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(exchange.getMessage().getHeaders());
            seen.add(new Seen(headers, exchange.getMessage().getBody(), exchange.getException()));
        }
    }

    /** The next exchange that ended, waiting at most {@code timeout}; fails when none did. */
    Seen next(Duration timeout) throws InterruptedException {
        Seen next = seen.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (next == null) {
            throw new AssertionError("no exchange of route " + routeId + " ended within " + timeout);
        }
        return next;
    }

    /** Every exchange that ended and was not taken yet. */
    List<Seen> drain() {
        List<Seen> all = new ArrayList<>();
        seen.drainTo(all);
        return all;
    }
}

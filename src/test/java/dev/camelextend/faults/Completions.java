package dev.camelextend.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.camelextend.support.ExtendTestKit;
import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.Synchronization;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.support.processor.DelegateAsyncProcessor;

/**
 * Counts, per exchange ID, three independent signals that an exchange ended: the component producer's
 * {@code callback.done(...)} ({@link #counting(AsyncProcessor)} wraps the producer), an on-completion
 * {@link Synchronization} added to the exchange ({@link #synchronization()}), and Camel's {@code ExchangeCompletedEvent} /
 * {@code ExchangeFailedEvent} ({@link #install(CamelContext)}). Each must be exactly 1 for every exchange.
 */
final class Completions {

    final Map<String, AtomicInteger> producerCallbacks = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> synchronizations = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> events = new ConcurrentHashMap<>();
    private final AtomicInteger synchronizationsTotal = new AtomicInteger();

    /** Registers the event notifier; call before the context starts. */
    void install(CamelContext context) {
        context.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                if (event instanceof CamelEvent.ExchangeCompletedEvent
                    || event instanceof CamelEvent.ExchangeFailedEvent) {
                    bump(events, ((CamelEvent.ExchangeEvent) event).getExchange().getExchangeId());
                }
            }

            @Override
            public boolean isEnabled(CamelEvent event) {
                return event instanceof CamelEvent.ExchangeCompletedEvent
                       || event instanceof CamelEvent.ExchangeFailedEvent;
            }
        });
    }

    /**
     * Wraps the component's producer (or the route step that calls it) so that each call of its callback is counted
     * before it is passed on. The wrapper starts and stops what it wraps.
     */
    AsyncProcessor counting(Processor producer) {
        return new DelegateAsyncProcessor(producer) {
            @Override
            public boolean process(Exchange exchange, AsyncCallback callback) {
                String id = exchange.getExchangeId();
                return processor.process(exchange, doneSync -> {
                    bump(producerCallbacks, id);
                    callback.done(doneSync);
                });
            }
        };
    }

    /** Counts the callbacks of every {@code to(...)} step of the context's routes; call before routes are added. */
    void countToSteps(CamelContext context) {
        context.getCamelContextExtension().addInterceptStrategy((ctx, definition, target, nextTarget) -> {
            return "to".equals(definition.getShortName()) ? counting(target) : target;
        });
    }

    Synchronization synchronization() {
        return new Synchronization() {
            @Override
            public void onComplete(Exchange exchange) {
                bump(synchronizations, exchange.getExchangeId());
                synchronizationsTotal.incrementAndGet();
            }

            @Override
            public void onFailure(Exchange exchange) {
                bump(synchronizations, exchange.getExchangeId());
                synchronizationsTotal.incrementAndGet();
            }
        };
    }

    int synchronizationsTotal() {
        return synchronizationsTotal.get();
    }

    /** Waits (bounded) until {@code expected} synchronizations were counted. @return whether they were */
    boolean awaitSynchronizations(int expected, long timeoutMillis) throws InterruptedException {
        return ExtendTestKit.waitUntil(() -> synchronizationsTotal.get() >= expected,
                Duration.ofMillis(timeoutMillis));
    }

    /**
     * @param  exchangeIds     every exchange sent
     * @param  producerCounted whether the producer was wrapped with {@link #counting(AsyncProcessor)}
     * @return                 one line per exchange whose signals were not each exactly 1 (empty when all were)
     */
    List<String> notExactlyOnce(List<String> exchangeIds, boolean producerCounted) {
        List<String> wrong = new ArrayList<>();
        for (String id : exchangeIds) {
            int p = count(producerCallbacks, id);
            int s = count(synchronizations, id);
            int e = count(events, id);
            if ((producerCounted && p != 1) || s != 1 || e != 1) {
                wrong.add(id + ": producer callbacks=" + p + ", synchronizations=" + s + ", completed/failed events="
                          + e);
            }
        }
        return wrong;
    }

    private static int count(Map<String, AtomicInteger> map, String id) {
        AtomicInteger n = map.get(id);
        return n == null ? 0 : n.get();
    }

    private static void bump(Map<String, AtomicInteger> map, String id) {
        map.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
    }
}

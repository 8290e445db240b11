package dev.camelextend;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dev.camelextend.support.ExtendTestKit;
import dev.camelextend.support.FakeExtendServer;
import dev.camelextend.support.FakeExtendServer.Reply;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.camelextend.support.ExtendTestKit.RUN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Route code never runs on a component I/O thread or on {@code ForkJoinPool.commonPool()}: the rest of a route
 * continues on the component's own worker threads, so a blocking step after an extend call cannot stop the I/O thread
 * that must send the next request, timed-out calls reach their error handler together, and an {@code Error} thrown by
 * route code is logged and ends the exchange.
 */
class ContinuationThreadsTest extends CamelTestSupport {

    @RegisterExtension
    static final FakeExtendServer FAKE = new FakeExtendServer();

    /** One I/O thread: a blocked I/O thread then blocks every request. */
    static final String OPTIONS = "?apiKey=sk_threads&ioThreadCount=1&requestTimeout=1500&maxRetries=0&baseUrl=";

    final List<String> handledOn = new CopyOnWriteArrayList<>();
    final List<Long> handledAt = new CopyOnWriteArrayList<>();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                String extend = OPTIONS + FAKE.baseUrl();
                from("direct:thenSynchronous")
                        .to("extend:getRun" + extend)
                        .to("extend:cancelRun" + extend + "&synchronous=true");
                from("direct:thenTemplate")
                        .to("extend:getRun" + extend)
                        .process(e -> {
                            ProducerTemplate nested = e.getContext().createProducerTemplate();
                            try {
                                e.getMessage().setBody(nested.requestBody("direct:cancel", RUN));
                            } finally {
                                nested.stop();
                            }
                        });
                from("direct:cancel").to("extend:cancelRun" + extend);
                from("direct:slowHandler")
                        .onException(ExtendTimeoutException.class).handled(true)
                            .process(e -> {
                                handledOn.add(Thread.currentThread().getName());
                                handledAt.add(System.nanoTime());
                                Thread.sleep(1000); // an error handler that blocks, as many do (JDBC, JMS)
                            })
                        .end()
                        .to("extend:getRun" + extend);
                from("direct:throwsError")
                        .to("extend:getRun" + extend)
                        .process(e -> {
                            throw new StackOverflowError("route code after the extend step");
                        });
            }
        };
    }

    private static Reply runOfPath(FakeExtendServer.Recorded r) {
        String status = r.method().equals("POST") ? "CANCELLED" : "PROCESSING";
        return Reply.json(200, ExtendTestKit.run(status));
    }

    @Test
    void aSynchronousCallAfterAnAsyncStepIsSentAndAnswered() {
        FAKE.otherwise(ContinuationThreadsTest::runOfPath);

        Exchange out = template.request("direct:thenSynchronous", e -> e.getIn().setBody(RUN));

        assertNull(out.getException(), () -> "the second call must be sent: " + out.getException());
        assertEquals(2, FAKE.requestCount());
        assertEquals("CANCELLED", out.getMessage().getHeader(ExtendConstants.RUN_STATUS));
    }

    @Test
    void aProducerTemplateInABeanAfterAnAsyncStepIsSentAndAnswered() {
        FAKE.otherwise(ContinuationThreadsTest::runOfPath);

        Exchange out = template.request("direct:thenTemplate", e -> e.getIn().setBody(RUN));

        assertNull(out.getException(), () -> "the nested call must be sent: " + out.getException());
        assertEquals(2, FAKE.requestCount());
    }

    @Test
    void timedOutCallsReachABlockingErrorHandlerTogetherOnComponentThreads() throws Exception {
        FAKE.otherwise(r -> Reply.neverAnswer());
        List<CompletableFuture<Exchange>> sent = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sent.add(template.asyncSend("direct:slowHandler", e -> e.getIn().setBody(RUN)));
        }
        for (CompletableFuture<Exchange> f : sent) {
            assertNull(f.get(30, TimeUnit.SECONDS).getException());
        }

        assertEquals(4, handledOn.size());
        for (String thread : handledOn) {
            assertFalse(thread.contains("ForkJoinPool"), "never the common pool: " + thread);
            assertFalse(thread.startsWith("camel-extend-io"), "never an I/O thread: " + thread);
        }
        long first = handledAt.stream().mapToLong(Long::longValue).min().orElseThrow();
        long last = handledAt.stream().mapToLong(Long::longValue).max().orElseThrow();
        // one shared thread would make them wait for each other's 1 s handler; on their own threads they overlap
        assertTrue(TimeUnit.NANOSECONDS.toMillis(last - first) < 900,
                "the four handlers started " + TimeUnit.NANOSECONDS.toMillis(last - first) + " ms apart: " + handledOn);
    }

    @Test
    void anErrorThrownByRouteCodeIsLoggedAndTheExchangeCompletes() throws Exception {
        FAKE.otherwise(ContinuationThreadsTest::runOfPath);
        List<LogEvent> errors = new CopyOnWriteArrayList<>();
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        AbstractAppender appender = new AbstractAppender("errors", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                if (event.getLevel().isMoreSpecificThan(Level.ERROR)) {
                    errors.add(event.toImmutable());
                }
            }
        };
        appender.start();
        ctx.getConfiguration().getRootLogger().addAppender(appender, Level.ERROR, null);
        ctx.updateLoggers();
        try {
            Exchange out = template.asyncSend("direct:throwsError", e -> e.getIn().setBody(RUN))
                    .get(10, TimeUnit.SECONDS);

            assertNotNull(out.getException(), "the exchange ends failed");
            assertTrue(ExtendTestKit.causeOfType(out.getException(), StackOverflowError.class) != null);
            assertTrue(errors.stream().anyMatch(e -> e.getThrown() != null
                                                     && e.getThrown() instanceof StackOverflowError
                                                     || String.valueOf(e.getMessage().getFormattedMessage())
                                                             .contains("StackOverflowError")),
                    "logged at ERROR: " + errors);
        } finally {
            ctx.getConfiguration().getRootLogger().removeAppender("errors");
            ctx.updateLoggers();
            appender.stop();
        }
    }
}

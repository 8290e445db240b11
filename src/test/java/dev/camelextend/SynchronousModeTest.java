package dev.camelextend;

import dev.camelextend.support.FakeExtendServer;
import dev.camelextend.support.FakeExtendServer.Reply;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Transacted exchanges (and synchronous=true) continue on the calling thread, so a transaction bound to that thread
 * covers the error handling and the steps after the call; other exchanges continue on a worker thread of the component,
 * never on an HttpClient I/O thread.
 */
class SynchronousModeTest extends CamelTestSupport {

    @RegisterExtension // reset before each test, stopped after the class
    static final FakeExtendServer FAKE = new FakeExtendServer();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        FAKE.otherwise(r -> r.rawPath().contains("missing")
                ? Reply.json(404, FakeExtendServer.fixture("error-not-found.json")).delayed(50)
                : Reply.runFor(r, "workflow-run-processing.json").delayed(50));
        String common = "baseUrl=" + FAKE.baseUrl() + "&apiKey=sk_sync_mode_test";
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:async").to("extend:getRun?" + common)
                        .setHeader("continuedOn", method(Thread.class, "currentThread().getName()"));
                from("direct:sync").to("extend:getRun?synchronous=true&" + common)
                        .setHeader("continuedOn", method(Thread.class, "currentThread().getName()"));
                from("direct:tx")
                        .onException(ExtendNotFoundException.class).handled(true)
                            .setHeader("handledOn", method(Thread.class, "currentThread().getName()"))
                        .end()
                        .to("extend:getRun?" + common)
                        .setHeader("continuedOn", method(Thread.class, "currentThread().getName()"));
            }
        };
    }

    private Exchange send(String uri, String runId, boolean transacted) {
        return template.request(uri, e -> {
            e.getIn().setBody(runId);
            if (transacted) {
                e.getExchangeExtension().setTransacted(true);
            }
        });
    }

    @Test
    void plainExchangesContinueOnAWorkerThreadNeverAnIoThread() {
        Exchange out = send("direct:async", "workflow_run_sync1", false);
        assertNull(out.getException());
        assertTrue(out.getMessage().getHeader("continuedOn", String.class).contains("ExtendWorker"),
                out.getMessage().getHeader("continuedOn", String.class));
    }

    @Test
    void synchronousOptionContinuesOnTheCallingThread() {
        Exchange out = send("direct:sync", "workflow_run_sync2", false);
        assertNull(out.getException());
        assertEquals(Thread.currentThread().getName(), out.getMessage().getHeader("continuedOn"));
    }

    @Test
    void transactedExchangesContinueAndHandleErrorsOnTheCallingThread() {
        Exchange ok = send("direct:tx", "workflow_run_sync3", true);
        assertNull(ok.getException());
        assertEquals(Thread.currentThread().getName(), ok.getMessage().getHeader("continuedOn"));

        Exchange refused = send("direct:tx", "workflow_run_missing", true);
        assertNull(refused.getException(), "handled by onException");
        assertInstanceOf(ExtendNotFoundException.class, refused.getProperty(Exchange.EXCEPTION_CAUGHT));
        assertEquals(Thread.currentThread().getName(), refused.getMessage().getHeader("handledOn"));
    }
}

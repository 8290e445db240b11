package dev.camelextend.client;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import dev.camelextend.support.FakeExtendServer;
import dev.camelextend.support.FakeExtendServer.Reply;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.async.methods.SimpleResponseConsumer;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.Method;
import org.apache.hc.core5.io.CloseMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The transport's send gate withdraws a request before it is written, and the connection it had leased goes back:
 * with a pool of one, the next request still gets through.
 */
class SendGateTest {

    @RegisterExtension
    static final FakeExtendServer FAKE = new FakeExtendServer();

    private Future<SimpleHttpResponse> send(CloseableHttpAsyncClient http, BooleanSupplier gate) {
        HttpClientContext context = HttpClientContext.create();
        if (gate != null) {
            context.setAttribute(HttpTransports.SEND_GATE, gate);
        }
        SimpleHttpRequest request = new SimpleHttpRequest(Method.GET, URI.create(FAKE.baseUrl() + "/workflow_runs/x"));
        return http.execute(SimpleRequestProducer.create(request), SimpleResponseConsumer.create(), context, null);
    }

    @Test
    void aWithdrawnRequestIsNotSentAndGivesItsConnectionBack() throws Exception {
        FAKE.otherwise(r -> Reply.json(200, "{}"));
        CloseableHttpAsyncClient http = HttpTransports.create(new TransportSettings(Duration.ofSeconds(5), 1, 1, null,
                null, 0, "http", null, null));
        try {
            for (int i = 0; i < 3; i++) {
                Future<SimpleHttpResponse> withdrawn = send(http, () -> false);
                ExecutionException e = assertThrows(ExecutionException.class, () -> withdrawn.get(5, TimeUnit.SECONDS));
                assertInstanceOf(java.util.concurrent.CancellationException.class, e.getCause());
            }

            assertEquals(200, send(http, () -> true).get(5, TimeUnit.SECONDS).getCode(),
                    "the one pooled connection is free again");
            assertEquals(200, send(http, null).get(5, TimeUnit.SECONDS).getCode());
            assertEquals(2, FAKE.requestCount(), "withdrawn requests never reached the server");
        } finally {
            http.close(CloseMode.IMMEDIATE);
        }
    }
}

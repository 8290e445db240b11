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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A gateway that reflects request headers into its error page must not carry the key into exceptions. */
class ReflectedKeyRedactionTest extends CamelTestSupport {

    @RegisterExtension // reset before each test, stopped after the class
    static final FakeExtendServer FAKE = new FakeExtendServer();
    static final String KEY = "sk_live_REFLECTED_CANARY_9191";

    @Override
    protected RoutesBuilder createRouteBuilder() {
        FAKE.otherwise(request -> Reply.json(502,
                "{\"code\":\"BAD_GATEWAY\",\"message\":\"upstream refused " + request.header("Authorization")
                + "\"}").withHeader("X-Echo", request.header("Authorization")));
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:cancel").to("extend:cancelRun?maxRetries=0&baseUrl=" + FAKE.baseUrl() + "&apiKey=" + KEY);
            }
        };
    }

    @Test
    void theKeyIsMaskedInEverythingQuotedFromTheAnswer() {
        Exchange out = template.request("direct:cancel", e -> e.getIn().setBody("workflow_run_reflect1"));

        ExtendServerException e = assertInstanceOf(ExtendServerException.class, out.getException());
        assertEquals(502, e.getStatusCode());
        assertTrue(e.getResponseBody().contains("upstream refused Bearer ***"), e.getResponseBody());
        assertEquals("upstream refused Bearer ***", e.getErrorMessage());
        assertEquals("Bearer ***", e.getResponseHeaders().get("X-echo") != null
                ? e.getResponseHeaders().get("X-echo") : e.getResponseHeaders().get("X-Echo"));
        for (String text : new String[] { e.getMessage(), e.toString(), e.getResponseBody(), e.getErrorMessage(),
                e.getResponseHeaders().toString() }) {
            assertFalse(text.contains(KEY), "the key leaked into: " + text);
        }
    }
}

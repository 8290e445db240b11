package dev.camelextend;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.camelextend.support.FakeExtendServer;
import dev.camelextend.support.FakeExtendServer.Reply;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.apache.camel.impl.health.DefaultHealthCheckRegistry;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.camelextend.support.LeakChecks.assertSafe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProducerHealthCheckTest extends CamelTestSupport {

    @RegisterExtension // reset before each test, stopped after the class
    static final FakeExtendServer FAKE = new FakeExtendServer();
    static final String KEY = "sk_health_SECRET_77";

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        HealthCheckRegistry registry = new DefaultHealthCheckRegistry();
        registry.setCamelContext(context);
        context.getCamelContextExtension().addContextPlugin(HealthCheckRegistry.class, registry);
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:cancel").routeId("cancel")
                        .to("extend:cancelRun?baseUrl=" + FAKE.baseUrl() + "&apiKey=" + KEY + "&requestTimeout=3000");
            }
        };
    }

    private HealthCheck extendCheck() {
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        registry.getRepository("producers").ifPresent(r -> r.setEnabled(true));
        Optional<HealthCheck> check = registry.stream()
                .filter(c -> c.getId().startsWith("producer:extend-"))
                .findFirst();
        assertTrue(check.isPresent(), "the producer registers its health check");
        check.get().setEnabled(true);
        return check.get();
    }

    @Test
    void upWhenExtendAcceptsTheKey() {
        FAKE.enqueue(Reply.json(200, "{\"object\":\"list\",\"data\":[]}"));
        HealthCheck.Result result = extendCheck().call(Map.of());

        assertEquals(HealthCheck.State.UP, result.getState(), () -> result.getMessage() + " " + result.getDetails());
        assertEquals("GET", FAKE.requests().get(0).method());
        assertEquals("Bearer " + KEY, FAKE.requests().get(0).header("Authorization"));
        assertEquals("/workflow_runs", FAKE.requests().get(0).rawPath());
    }

    @Test
    void downWithTheReasonWhenTheKeyIsRejected() {
        FAKE.enqueue(Reply.json(401, FakeExtendServer.fixture("error-unauthorized.json")));
        HealthCheck.Result result = extendCheck().call(Map.of());

        assertEquals(HealthCheck.State.DOWN, result.getState());
        String message = result.getMessage().orElse("");
        assertTrue(message.contains("401"), message);
        assertEquals(401, result.getDetails().get(HealthCheck.HTTP_RESPONSE_CODE) != null
                ? result.getDetails().get(HealthCheck.HTTP_RESPONSE_CODE)
                : result.getDetails().get("service.status.code"));
        assertFalse(result.toString().contains(KEY) || message.contains(KEY)
                    || result.getDetails().toString().contains(KEY), "the key never appears in health output");
    }

    /**
     * Health output is often public (an actuator endpoint, a status page): a gateway that reflects the Authorization
     * header into its 401 must not get the key, or any part of it, into the message or the details, and nothing it
     * sends may break a line there.
     */
    @Test
    void aRejectionReflectingTheKeyShowsNoPartOfItAndStaysOnOneLine() {
        FAKE.otherwise(request -> {
            String auth = request.header("Authorization");
            return Reply.json(401, "{\"code\":\"UNAUTHORIZED " + auth + "\",\"message\":\"invalid key " + auth
                                   + "\\r\\n12:00:00.000 INFO forged \\u001b[31m\u2028\u202Eevil " + "m".repeat(280)
                                   + auth + "\",\"requestId\":\"body_req\"}")
                    .withHeader("x-extend-request-id", "req_" + auth + "\u001b[31m" + "r".repeat(7000));
        });

        HealthCheck.Result result = extendCheck().call(Map.of());

        assertEquals(HealthCheck.State.DOWN, result.getState());
        String message = result.getMessage().orElse("");
        assertTrue(message.contains("HTTP 401"), message);
        assertTrue(message.contains("invalid key Bearer ***"), message);
        assertSafe("health message", message, KEY, 1000);
        assertTrue(String.valueOf(result.getDetails().get(AbstractHealthCheck.SERVICE_ERROR_CODE)).startsWith("UNAUTHORIZED"));
        assertTrue(String.valueOf(result.getDetails().get("extend.requestId")).startsWith("req_Bearer ***"));
        result.getDetails().forEach((k, v) -> assertSafe("health detail " + k, String.valueOf(v), KEY, 300));
        assertSafe("health detail extend.requestId", (String) result.getDetails().get("extend.requestId"), KEY, 128);
        assertSafe("health detail " + AbstractHealthCheck.SERVICE_ERROR_CODE,
                (String) result.getDetails().get(AbstractHealthCheck.SERVICE_ERROR_CODE), KEY, 100);
    }

    @Test
    void downWhenExtendDoesNotAnswer() {
        FAKE.enqueue(Reply.neverAnswer());
        HealthCheck.Result result = extendCheck().call(Map.of());
        assertEquals(HealthCheck.State.DOWN, result.getState());
        assertNotNull(result.getMessage().orElse(null));
    }

    @Test
    void upOnRateLimitBecauseTheAccountIsValid() {
        FAKE.enqueue(Reply.json(429, FakeExtendServer.fixture("error-rate-limited.json")));
        assertEquals(HealthCheck.State.UP, extendCheck().call(Map.of()).getState());
    }

    @Test
    void producerChecksAreOffUnlessEnabled() {
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        boolean anyEnabledExtendCheck = HealthCheckHelper.invoke(context).stream()
                .anyMatch(r -> r.getCheck().getId().startsWith("producer:extend-"));
        assertFalse(anyEnabledExtendCheck, "like Camel's other producer checks, ours only runs once enabled");
        assertNotNull(registry);
    }

    /** A toD with a per-message option makes many endpoints of one account: still one check and one request. */
    @Test
    void oneCheckPerAccountWithAShortlyCachedResult() throws Exception {
        FAKE.otherwise(r -> Reply.json(200, "{\"object\":\"list\",\"data\":[]}"));
        List<String> routes = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            routes.add(dev.camelextend.support.ExtendTestKit.route(context, "extend:getRun?baseUrl=" + FAKE.baseUrl()
                    + "&apiKey=" + KEY + "&requestTimeout=3000&runId=workflow_run_fixed" + i));
        }
        String otherAccount = dev.camelextend.support.ExtendTestKit.route(context, "extend:getRun?baseUrl="
                + FAKE.baseUrl() + "&apiKey=" + KEY + "&workspaceId=ws_other");
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        registry.getRepository("producers").ifPresent(r -> r.setEnabled(true));
        List<HealthCheck> checks = registry.stream().filter(c -> c.getId().startsWith("producer:extend-"))
                .collect(java.util.stream.Collectors.toList());

        assertEquals(2, checks.size(), "one per account (key, base URL, workspace): " + checks);
        for (int poll = 0; poll < 3; poll++) {
            for (HealthCheck check : checks) {
                check.setEnabled(true);
                assertEquals(HealthCheck.State.UP, check.call(Map.of()).getState());
            }
        }
        assertEquals(2, FAKE.requestCount(), "one probe per account, cached between polls");
        checks.forEach(c -> assertFalse(c.getId().contains(KEY), c.getId()));

        for (org.apache.camel.Route route : new java.util.ArrayList<>(context.getRoutes())) {
            context.getRouteController().stopRoute(route.getId());
        }
        assertEquals(0, registry.stream().filter(c -> c.getId().startsWith("producer:extend-")).count(),
                "the last producer of an account unregisters its check");
        assertTrue(routes.size() == 30 && otherAccount != null);
    }
}

package dev.camelextend;

import dev.camelextend.client.RateLimiter;
import dev.camelextend.client.RequestCategory;
import dev.camelextend.support.ExtendTestKit;
import dev.camelextend.support.FakeExtendServer;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.camelextend.client.RequestCategory.READ;
import static dev.camelextend.client.RequestCategory.WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rate-limit options as endpoints take them at start: one limiter per account, workspace and request category
 * (reads, writes), shared by the endpoints of that account and workspace; {@code readRateLimit} and
 * {@code writeRateLimit} override {@code rateLimit} for their category (unset follows it, 0 turns the category off),
 * on the component and per endpoint; a bad value fails the route at start naming its option; a stop gives the leases
 * back. How the limiters pace and pause is {@code client/CategoryPacingTest}, in virtual time.
 */
class RateLimitCategoriesTest {

    @RegisterExtension
    static final FakeExtendServer FAKE = new FakeExtendServer();

    /** A key of this test alone, so that no other test's lease sets the rate. */
    private static String key(TestInfo test) {
        return "sk_rl_categories_" + test.getTestMethod().orElseThrow().getName();
    }

    private static String uri(String operation, String key, String options) {
        return "extend:" + operation + "?baseUrl=" + FAKE.baseUrl() + "&apiKey=" + key + (options.isEmpty() ? "" : "&" + options);
    }

    /** The started endpoint of a new route to {@code uri}. */
    private static ExtendEndpoint started(CamelContext context, String uri) throws Exception {
        ExtendTestKit.route(context, uri);
        ExtendEndpoint endpoint = context.getEndpoint(uri, ExtendEndpoint.class);
        assertTrue(endpoint.isStarted(), uri);
        return endpoint;
    }

    private static double rate(ExtendEndpoint endpoint, RequestCategory category) {
        RateLimiter limiter = endpoint.rateLimiter(category);
        assertNotNull(limiter, category + " is limited");
        return limiter.permitsPerSecond();
    }

    @Test
    void endpointsOfOneAccountAndWorkspaceShareEachCategorysLimiterAndOtherWorkspacesDoNot(TestInfo test)
            throws Exception {
        String key = key(test);
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            ExtendEndpoint getRun = started(context, uri("getRun", key, "rateLimit=10&workspaceId=ws_a"));
            ExtendEndpoint cancelRun = started(context, uri("cancelRun", key, "rateLimit=10&workspaceId=ws_a"));
            ExtendEndpoint otherWorkspace = started(context, uri("cancelRun", key, "rateLimit=10&workspaceId=ws_b"));

            assertSame(getRun.rateLimiter(READ), cancelRun.rateLimiter(READ), "one read budget per account and workspace");
            assertSame(getRun.rateLimiter(WRITE), cancelRun.rateLimiter(WRITE), "one write budget per account and workspace");
            assertNotSame(getRun.rateLimiter(READ), getRun.rateLimiter(WRITE), "reads and writes are counted apart");
            assertNotSame(cancelRun.rateLimiter(READ), otherWorkspace.rateLimiter(READ), "each workspace its own");
            assertNotSame(cancelRun.rateLimiter(WRITE), otherWorkspace.rateLimiter(WRITE));
        }
    }

    @Test
    void eachCategoryRunsAtRateLimitWhenItsOwnOptionIsUnset(TestInfo test) throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            ExtendEndpoint endpoint = started(context, uri("getRun", key(test), "rateLimit=7"));
            assertNull(endpoint.getConfiguration().getReadRateLimit(), "unset by default");
            assertNull(endpoint.getConfiguration().getWriteRateLimit(), "unset by default");
            assertEquals(7, rate(endpoint, READ), 1e-6, "readRateLimit unset: rateLimit, per category");
            assertEquals(7, rate(endpoint, WRITE), 1e-6, "writeRateLimit unset: rateLimit, per category");
        }
    }

    @Test
    void readRateLimitZeroTurnsReadsOffWhileWritesStayLimited(TestInfo test) throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            ExtendEndpoint endpoint = started(context, uri("cancelRun", key(test), "rateLimit=10&readRateLimit=0"));
            assertNull(endpoint.rateLimiter(READ), "reads are not paced");
            assertEquals(10, rate(endpoint, WRITE), 1e-6);
        }
    }

    @Test
    void aCategoryCanBeLimitedWithoutRateLimit(TestInfo test) throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            ExtendEndpoint endpoint = started(context, uri("cancelRun", key(test), "writeRateLimit=2.5"));
            assertNull(endpoint.rateLimiter(READ), "rateLimit is 0 (off) by default");
            assertEquals(2.5, rate(endpoint, WRITE), 1e-6);
        }
    }

    @Test
    void componentLevelCategoryRatesApplyToEveryEndpointAndAnEndpointOptionWins(TestInfo test) throws Exception {
        String key = key(test);
        try (CamelContext context = new DefaultCamelContext()) {
            ExtendConfiguration shared = context.getComponent("extend", ExtendComponent.class).getConfiguration();
            shared.setRateLimit(9);
            shared.setReadRateLimit(3.0);
            context.start();
            ExtendEndpoint inherits = started(context, uri("getRun", key, "workspaceId=ws_inherits"));
            ExtendEndpoint overrides = started(context, uri("getRun", key, "workspaceId=ws_overrides&readRateLimit=5"));
            ExtendEndpoint readsOff = started(context, uri("getRun", key, "workspaceId=ws_off&readRateLimit=0"));

            assertEquals(3, rate(inherits, READ), 1e-6, "the component's readRateLimit");
            assertEquals(9, rate(inherits, WRITE), 1e-6, "the component's rateLimit");
            assertEquals(5, rate(overrides, READ), 1e-6, "the endpoint's readRateLimit wins");
            assertEquals(9, rate(overrides, WRITE), 1e-6);
            assertNull(readsOff.rateLimiter(READ));
            assertEquals(3.0, shared.getReadRateLimit(), "an endpoint's override never changes the component");
        }
    }

    @Test
    void theLowestRateOfTheStartedEndpointsIsInForcePerCategory(TestInfo test) throws Exception {
        String key = key(test);
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            ExtendEndpoint a = started(context, uri("getRun", key, "rateLimit=10&readRateLimit=4"));
            ExtendEndpoint b = started(context, uri("cancelRun", key, "rateLimit=10&writeRateLimit=6"));
            assertEquals(4, rate(b, READ), 1e-6, "a's lower read rate holds b's reads too");
            assertEquals(6, rate(a, WRITE), 1e-6, "b's lower write rate holds a's writes too");
        }
    }

    @Test
    void aStopGivesBackTheLeasesOfEveryCategory(TestInfo test) throws Exception {
        String key = key(test);
        ExtendEndpoint slow;
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            slow = started(context, uri("getRun", key, "rateLimit=2"));
            assertNotNull(slow.rateLimiter(READ));
        }
        assertNull(slow.rateLimiter(READ), "a stopped endpoint holds no lease");
        assertNull(slow.rateLimiter(WRITE));
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            ExtendEndpoint fast = started(context, uri("getRun", key, "rateLimit=50"));
            assertEquals(50, rate(fast, READ), 1e-6, "the stopped endpoint's 2/s no longer holds reads back");
            assertEquals(50, rate(fast, WRITE), 1e-6, "nor writes");
        }
    }

    @ParameterizedTest(name = "[{index}] {0}={1}")
    @CsvSource({ "rateLimit, -1", "rateLimit, NaN", "readRateLimit, -0.5", "readRateLimit, Infinity",
                 "writeRateLimit, -3", "writeRateLimit, NaN" })
    void aBadRateFailsTheRouteAtStartNamingItsOption(String option, String value, TestInfo test) throws Exception {
        String key = key(test) + "_" + option + "_" + value.replace("-", "minus").replace(".", "_");
        try (CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:a").to(uri("cancelRun", key, option + "=" + value));
                }
            });
            Exception e = assertThrows(Exception.class, context::start);
            String message = ExtendTestKit.rootCause(e).getMessage();
            assertTrue(message.startsWith("The " + option + " option must be 0 (off) or a positive number"), message);
            assertTrue(message.contains(value), "quotes the value: " + message);
            assertEquals(0, context.getComponent("extend", ExtendComponent.class).openTransports(),
                    "the failed start gave back its HTTP client");
        }
        assertEquals(0, FAKE.requestCount());
    }

    @Test
    void aBadComponentLevelCategoryRateFailsTheRouteAtStart(TestInfo test) throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.getComponent("extend", ExtendComponent.class).getConfiguration().setWriteRateLimit(-1.0);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:a").to(uri("getRun", key(test), ""));
                }
            });
            Exception e = assertThrows(Exception.class, context::start);
            String message = ExtendTestKit.rootCause(e).getMessage();
            assertTrue(message.startsWith("The writeRateLimit option "), message);
            assertFalse(message.contains("readRateLimit"), message);
        }
    }
}

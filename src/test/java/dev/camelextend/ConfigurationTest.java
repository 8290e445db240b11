package dev.camelextend;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelextend.model.WorkflowRun;
import dev.camelextend.model.WorkflowRunStatus;
import dev.camelextend.support.FakeExtendServer;
import dev.camelextend.support.FakeExtendServer.Recorded;
import dev.camelextend.support.FakeExtendServer.Reply;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.Main;
import org.apache.camel.spi.EndpointUriFactory;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import dev.camelextend.support.ExtendTestKit;

import static dev.camelextend.support.ExtendTestKit.RUN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How the component is configured: component-level properties through Camel Main, endpoint overrides, validation at
 * route start, TLS through SSLContextParameters, an HTTP proxy, duration options, and the generated Camel metadata.
 */
class ConfigurationTest extends CamelTestSupport {

    @RegisterExtension // reset before each test, stopped after the class
    static final FakeExtendServer FAKE = new FakeExtendServer();
    static final String KEY = "sk_test_configuration_key";
    static final String STORE_PASSWORD = "changeit";

    static Path tlsDir;
    /** An HTTPS fake of Extend on 127.0.0.1 that answers the fixture. */
    static FakeExtendServer tlsFake;
    /** A forward proxy stand-in: records absolute-form request targets and answers as Extend would. */
    static FakeExtendServer proxyFake;

    @BeforeAll
    static void startFakes() throws Exception {
        tlsDir = Path.of("target", "configuration-test-tls").toAbsolutePath();
        createKeyAndTrustStores(tlsDir);
        tlsFake = FakeExtendServer.https(serverSsl(tlsDir.resolve("server.p12")))
                .otherwise(r -> Reply.json(200, FakeExtendServer.fixture("workflow-run-cancelled.json")));
        proxyFake = new FakeExtendServer()
                .otherwise(r -> Reply.json(200, FakeExtendServer.fixture("workflow-run-cancelled.json")));
    }

    @AfterAll
    static void stopFakes() {
        if (tlsFake != null) {
            tlsFake.close();
        }
        if (proxyFake != null) {
            proxyFake.close();
        }
    }

    @BeforeEach
    void resetFake() {
        FAKE.otherwise(r -> Reply.json(200, FakeExtendServer.fixture("workflow-run-cancelled.json")));
    }

    private void addRoute(String from, String to) throws Exception {
        ExtendTestKit.route(context, from, to);
    }

    private Exchange call(String from, Object body) {
        return template.request(from, e -> e.getIn().setBody(body));
    }

    private static void assertOk(Exchange out) {
        assertNull(out.getException(), () -> "unexpected failure: " + out.getException());
        assertEquals(RUN, out.getMessage().getBody(WorkflowRun.class).getId());
    }

    // ---- (a) component-level properties through Camel Main ----

    @Test
    void componentLevelPropertiesThroughCamelMain() throws Exception {
        Main main = new Main();
        main.addInitialProperty("camel.component.extend.api-key", "sk_test_main_component_key");
        main.addInitialProperty("camel.component.extend.base-url", FAKE.baseUrl());
        main.addInitialProperty("camel.component.extend.request-timeout", "2s");
        main.addInitialProperty("camel.component.extend.max-retries", "1");
        main.addInitialProperty("camel.component.extend.workspace-id", "ws_from_main");
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:main").to("extend:cancelRun");
            }
        });
        main.start();
        try {
            CamelContext camel = main.getCamelContext();
            ProducerTemplate producer = camel.createProducerTemplate();
            Exchange out = producer.request("direct:main", e -> e.getIn().setBody(RUN));
            assertOk(out);

            Recorded request = FAKE.requests().get(0);
            assertEquals("POST", request.method());
            assertEquals("/workflow_runs/" + RUN + "/cancel", request.rawPath());
            assertEquals("Bearer sk_test_main_component_key", request.header("Authorization"));
            assertEquals("ws_from_main", request.header("x-extend-workspace-id"));

            ExtendComponent component = camel.getComponent("extend", ExtendComponent.class);
            assertEquals(2000, component.getConfiguration().getRequestTimeout());
            assertEquals(1, component.getConfiguration().getMaxRetries());
            ExtendEndpoint endpoint = extendEndpoints(camel).get(0);
            assertEquals(2000, endpoint.getConfiguration().getRequestTimeout());
            assertEquals(FAKE.baseUrl(), endpoint.getConfiguration().getBaseUrl());
            producer.stop();
        } finally {
            main.stop();
        }
    }

    private static List<ExtendEndpoint> extendEndpoints(CamelContext camel) {
        List<ExtendEndpoint> list = new ArrayList<>();
        for (Endpoint e : camel.getEndpoints()) {
            if (e instanceof ExtendEndpoint extend) {
                list.add(extend);
            }
        }
        return list;
    }

    // ---- (b) endpoint options override component defaults, only for that endpoint ----

    @Test
    void endpointOptionOverridesComponentWithoutChangingIt() throws Exception {
        ExtendConfiguration shared = context.getComponent("extend", ExtendComponent.class).getConfiguration();
        shared.setApiKey(KEY);
        shared.setBaseUrl(FAKE.baseUrl());
        shared.setApiVersion("2025-04-21");
        shared.setWorkspaceId("ws_component");

        // the overriding endpoint is created first: if it wrote through to the component, the next one would show it
        addRoute("direct:override", "extend:getRun?apiVersion=2026-02-09&workspaceId=ws_endpoint");
        addRoute("direct:default", "extend:getRun");

        assertOk(call("direct:override", RUN));
        assertOk(call("direct:default", RUN));
        assertOk(call("direct:override", RUN));

        List<Recorded> requests = FAKE.requests();
        assertEquals(3, requests.size());
        assertEquals("2026-02-09", requests.get(0).header("x-extend-api-version"));
        assertEquals("ws_endpoint", requests.get(0).header("x-extend-workspace-id"));
        assertEquals("2025-04-21", requests.get(1).header("x-extend-api-version"));
        assertEquals("ws_component", requests.get(1).header("x-extend-workspace-id"));
        assertEquals("2026-02-09", requests.get(2).header("x-extend-api-version"));
        for (Recorded r : requests) {
            assertEquals("Bearer " + KEY, r.header("Authorization"));
        }
        assertEquals("2025-04-21", shared.getApiVersion(), "the component default is unchanged");
        assertEquals("ws_component", shared.getWorkspaceId());

        // an endpoint created afterwards still gets the component's defaults
        ExtendEndpoint later = context.getEndpoint("extend:cancelRun?runId=" + RUN, ExtendEndpoint.class);
        assertEquals("2025-04-21", later.getConfiguration().getApiVersion());
        assertEquals("ws_component", later.getConfiguration().getWorkspaceId());
        assertEquals(RUN, later.getConfiguration().getRunId());
        assertNull(shared.getRunId(), "an endpoint's runId never becomes the component's");
    }

    // ---- (c), (d), (e) configuration errors fail at route start ----

    static Stream<Arguments> invalidEndpoints() {
        return Stream.of(
                Arguments.of("missing key", "extend:cancelRun?baseUrl=%s", "apiKey"),
                Arguments.of("empty key", "extend:cancelRun?baseUrl=%s&apiKey=", "apiKey"),
                Arguments.of("blank key", "extend:cancelRun?baseUrl=%s&apiKey=RAW(   )", "apiKey"),
                Arguments.of("baseUrl without scheme", "extend:cancelRun?apiKey=k&baseUrl=api.extend.ai", "baseUrl"),
                Arguments.of("baseUrl ftp", "extend:cancelRun?apiKey=k&baseUrl=ftp://api.extend.ai", "baseUrl"),
                Arguments.of("baseUrl without host", "extend:cancelRun?apiKey=k&baseUrl=RAW(https://)", "baseUrl"),
                Arguments.of("baseUrl with user info", "extend:cancelRun?apiKey=k&baseUrl=RAW(https://u:hunter2@api.extend.ai)",
                        "baseUrl"),
                Arguments.of("baseUrl with token as user info", "extend:cancelRun?apiKey=k&baseUrl=RAW(https://hunter2@api.extend.ai)",
                        "baseUrl"),
                Arguments.of("baseUrl with query", "extend:cancelRun?apiKey=k&baseUrl=RAW(https://api.extend.ai?x=1)",
                        "baseUrl"),
                Arguments.of("negative maxRetries", "extend:cancelRun?apiKey=k&baseUrl=%s&maxRetries=-1", "maxRetries"),
                Arguments.of("zero requestTimeout", "extend:cancelRun?apiKey=k&baseUrl=%s&requestTimeout=0",
                        "requestTimeout"),
                Arguments.of("runId with dot-dot", "extend:cancelRun?apiKey=k&baseUrl=%s&runId=../workflows", "runId"),
                Arguments.of("runId with slash", "extend:getRun?apiKey=k&baseUrl=%s&runId=a/b", "runId"),
                Arguments.of("runId too long", "extend:getRun?apiKey=k&baseUrl=%s&runId=" + "r".repeat(256), "runId"),
                Arguments.of("blank apiVersion", "extend:getRun?apiKey=k&baseUrl=%s&apiVersion=RAW( )", "apiVersion"),
                Arguments.of("proxyPort out of range",
                        "extend:getRun?apiKey=k&baseUrl=%s&proxyHost=127.0.0.1&proxyPort=70000", "proxyPort"),
                Arguments.of("negative rateLimit", "extend:getRun?apiKey=k&baseUrl=%s&rateLimit=-1", "rateLimit"),
                Arguments.of("negative readRateLimit", "extend:getRun?apiKey=k&baseUrl=%s&readRateLimit=-1",
                        "readRateLimit"),
                Arguments.of("infinite readRateLimit", "extend:cancelRun?apiKey=k&baseUrl=%s&readRateLimit=Infinity",
                        "readRateLimit"),
                Arguments.of("NaN writeRateLimit", "extend:cancelRun?apiKey=k&baseUrl=%s&writeRateLimit=NaN",
                        "writeRateLimit"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("invalidEndpoints")
    void configurationErrorFailsAtRouteStartNamingTheOption(String name, String uriTemplate, String option)
            throws Exception {
        String uri = uriTemplate.replace("%s", FAKE.baseUrl());
        Throwable root = startFailureRootCause(uri);
        // the root cause, not just a wrapper that quotes the (sanitized) endpoint URI, must name the option
        assertTrue(root.getMessage().contains(option), "the failure names the option " + option + ": " + root);
        assertFalse(root.getMessage().contains("\n"), "single-line message: " + root.getMessage());
        assertFalse(causeChain(root).contains("hunter2"), "a password in the baseUrl is never echoed: " + root);
        assertEquals(0, FAKE.requestCount(), "no request may be sent");
    }

    @Test
    void componentLevelEmptyKeyFailsAtRouteStart() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            ExtendConfiguration c = camel.getComponent("extend", ExtendComponent.class).getConfiguration();
            c.setApiKey("");
            c.setBaseUrl(FAKE.baseUrl());
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:a").to("extend:cancelRun");
                }
            });
            Exception e = assertThrows(Exception.class, camel::start);
            String text = causeChain(e);
            assertTrue(text.contains("apiKey"), text);
            assertTrue(text.contains("camel.component.extend.api-key"), "tells where to set it: " + text);
            assertFalse(text.contains("Spring Boot"), "no Spring Boot on this class path, so no word of its starter: "
                                                      + text);
        }
        assertEquals(0, FAKE.requestCount());
    }

    @Test
    void unknownOperationFailsClearly() throws Exception {
        String text = startFailure("extend:deleteRun?apiKey=k&baseUrl=" + FAKE.baseUrl());
        assertTrue(text.contains("deleteRun"), text);
        assertTrue(text.contains("cancelRun") && text.contains("getRun"), "lists the valid operations: " + text);
        assertEquals(0, FAKE.requestCount());
    }

    @Test
    void missingOperationFailsClearly() throws Exception {
        String text = startFailure("extend:?apiKey=k&baseUrl=" + FAKE.baseUrl());
        assertTrue(text.contains("cancelRun") && text.contains("getRun"), "lists the valid operations: " + text);
    }

    private static Throwable startFailureRootCause(String uri) throws Exception {
        Throwable[] root = new Throwable[1];
        startFailure(uri, e -> root[0] = ExtendTestKit.rootCause(e));
        String all = causeChain(root[0]);
        assertFalse(all.contains("hunter2"), all);
        return root[0];
    }

    private static String startFailure(String uri) throws Exception {
        return startFailure(uri, e -> {
        });
    }

    /** Starts a fresh context with one route to {@code uri}; it must fail. Returns the whole cause chain as text. */
    private static String startFailure(String uri, java.util.function.Consumer<Exception> inspect) throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:start").to(uri);
                }
            });
            Exception e = assertThrows(Exception.class, camel::start, "starting a route to " + uri + " must fail");
            assertFalse(camel.isStarted(), "the context must not be running");
            inspect.accept(e);
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            assertFalse(trace.toString().contains("hunter2"), "a password in the baseUrl is never echoed");
            return causeChain(e);
        }
    }

    private static String causeChain(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t.getClass().getName()).append(": ").append(t.getMessage()).append(" | ");
        }
        return sb.toString();
    }

    // ---- (f) TLS with SSLContextParameters ----

    @Test
    void tlsWithSslContextParametersTrustsTheServer() throws Exception {
        context.getRegistry().bind("tls", trustStoreParameters());
        addRoute("direct:tls", "extend:getRun?apiKey=" + KEY + "&baseUrl=" + tlsFake.baseUrl()
                               + "&sslContextParameters=#tls");
        int before = tlsFake.requestCount();

        Exchange out = call("direct:tls", RUN);

        assertOk(out);
        assertEquals(WorkflowRunStatus.CANCELLED, out.getMessage().getBody(WorkflowRun.class).getStatus());
        assertEquals(before + 1, tlsFake.requestCount());
        Recorded seen = tlsFake.requests().get(before);
        assertEquals("GET /workflow_runs/" + RUN + " Bearer " + KEY,
                seen.method() + " " + seen.rawPath() + " " + seen.header("Authorization"));
    }

    @Test
    void tlsWithoutParametersFailsAsUntrustedAndIsNotRetried() throws Exception {
        // retries allowed, with a long backoff: a retried handshake failure would say "after 3 attempts"
        addRoute("direct:untrusted", "extend:getRun?apiKey=" + KEY + "&baseUrl=" + tlsFake.baseUrl()
                                     + "&maxRetries=2&retryInitialDelay=200&requestTimeout=10s");
        int before = tlsFake.requestCount();

        Exchange out = call("direct:untrusted", RUN);

        ExtendConnectionException e = assertInstanceOf(ExtendConnectionException.class, out.getException());
        assertTrue(e.getMessage().contains("after 1 attempt"), "a certificate problem is not retried: "
                                                              + e.getMessage());
        assertEquals(RUN, e.getRunId());
        assertTrue(causeChain(e).contains("SSL") || causeChain(e).contains("certificate"),
                "the cause says it is TLS: " + causeChain(e));
        assertEquals(before, tlsFake.requestCount(), "no HTTP request got through the failed handshake");
    }

    private SSLContextParameters trustStoreParameters() {
        KeyStoreParameters trustStore = new KeyStoreParameters();
        trustStore.setResource("file:" + tlsDir.resolve("trust.p12"));
        trustStore.setPassword(STORE_PASSWORD);
        trustStore.setType("PKCS12");
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(trustStore);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trust);
        return parameters;
    }

    /** A self-signed key pair for 127.0.0.1, made with the JDK's keytool, and a trust store holding its certificate. */
    private static void createKeyAndTrustStores(Path dir) throws Exception {
        Files.createDirectories(dir);
        for (String f : List.of("server.p12", "server.cer", "trust.p12")) {
            Files.deleteIfExists(dir.resolve(f));
        }
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        keytool(keytool, "-genkeypair", "-alias", "fake-extend", "-keyalg", "EC", "-groupname", "secp256r1",
                "-validity", "2", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-keystore", dir.resolve("server.p12").toString(), "-storetype", "PKCS12",
                "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
        keytool(keytool, "-exportcert", "-alias", "fake-extend", "-keystore", dir.resolve("server.p12").toString(),
                "-storepass", STORE_PASSWORD, "-file", dir.resolve("server.cer").toString());
        keytool(keytool, "-importcert", "-noprompt", "-alias", "fake-extend", "-file",
                dir.resolve("server.cer").toString(), "-keystore", dir.resolve("trust.p12").toString(),
                "-storetype", "PKCS12", "-storepass", STORE_PASSWORD);
    }

    private static void keytool(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        if (exit != 0) {
            throw new IllegalStateException("keytool failed (" + exit + "): " + output);
        }
    }

    /** The SSL context of an HTTPS fake of Extend, with the server certificate from {@code keyStore}. */
    private static SSLContext serverSsl(Path keyStore) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            ks.load(in, STORE_PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, STORE_PASSWORD.toCharArray());
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), null, null);
        return ssl;
    }

    // ---- (g) HTTP proxy ----

    @Test
    void requestsGoThroughTheConfiguredProxy() throws Exception {
        // extend.invalid can never resolve (RFC 2606): the call only works if it really goes through the proxy
        addRoute("direct:proxied", "extend:cancelRun?apiKey=" + KEY + "&baseUrl=http://extend.invalid"
                                   + "&proxyHost=127.0.0.1&proxyPort=" + proxyFake.port() + "&maxRetries=0");
        int before = proxyFake.requestCount();

        Exchange out = call("direct:proxied", RUN);

        assertOk(out);
        assertEquals(before + 1, proxyFake.requestCount());
        Recorded seen = proxyFake.requests().get(before);
        assertEquals("POST http://extend.invalid/workflow_runs/" + RUN + "/cancel", seen.method() + " " + seen.target());
        assertEquals("Bearer " + KEY, seen.header("Authorization"));
        assertEquals("extend.invalid", seen.header("Host"));
        assertEquals(0, FAKE.requestCount());
    }

    // ---- (h) duration options ----

    @Test
    void durationOptionsAcceptTextAndMillis() {
        String base = "extend:getRun?apiKey=" + KEY + "&baseUrl=" + FAKE.baseUrl();
        assertEquals(30_000, endpoint(base + "&requestTimeout=30s").getConfiguration().getRequestTimeout());
        assertEquals(45_000, endpoint(base + "&requestTimeout=45000").getConfiguration().getRequestTimeout());
        assertEquals(90_000, endpoint(base + "&requestTimeout=1m30s").getConfiguration().getRequestTimeout());
        assertEquals(1_500, endpoint(base + "&connectTimeout=1500").getConfiguration().getConnectTimeout());
        assertEquals(5_000, endpoint(base + "&connectTimeout=5s").getConfiguration().getConnectTimeout());
        assertEquals(120_000, endpoint(base + "&maxRetryAfter=2m").getConfiguration().getMaxRetryAfter());
        assertEquals(250, endpoint(base + "&retryInitialDelay=250").getConfiguration().getRetryInitialDelay());
        assertEquals(10_000, endpoint(base + "&retryMaxDelay=10s").getConfiguration().getRetryMaxDelay());
        ExtendConfiguration defaults = endpoint(base).getConfiguration();
        assertEquals(30_000, defaults.getRequestTimeout());
        assertEquals(10_000, defaults.getConnectTimeout());
        assertEquals(2, defaults.getMaxRetries());
        assertEquals(ExtendConfiguration.DEFAULT_API_VERSION, defaults.getApiVersion());
    }

    @Test
    void durationTextIsUsedAsTheAttemptTimeout() throws Exception {
        addRoute("direct:short", "extend:getRun?apiKey=" + KEY + "&baseUrl=" + FAKE.baseUrl()
                                 + "&requestTimeout=1s&maxRetries=0");
        FAKE.enqueue(Reply.neverAnswer());
        long started = System.nanoTime();

        Exchange out = call("direct:short", RUN);

        long millis = (System.nanoTime() - started) / 1_000_000;
        assertInstanceOf(ExtendTimeoutException.class, out.getException());
        assertTrue(millis >= 900, "1s was read as one second, not one millisecond: " + millis + " ms");
    }

    private ExtendEndpoint endpoint(String uri) {
        return context.getEndpoint(uri, ExtendEndpoint.class);
    }

    // ---- (i) generated metadata ----

    @Test
    void generatedConfigurersAndUriFactoryAreFound() throws Exception {
        PropertyConfigurer endpointConfigurer = PluginHelper.getConfigurerResolver(context)
                .resolvePropertyConfigurer("extend-endpoint", context);
        assertInstanceOf(ExtendEndpointConfigurer.class, endpointConfigurer);
        PropertyConfigurer componentConfigurer = PluginHelper.getConfigurerResolver(context)
                .resolvePropertyConfigurer("extend-component", context);
        assertInstanceOf(ExtendComponentConfigurer.class, componentConfigurer);
        EndpointUriFactory uriFactory = context.getCamelContextExtension().getEndpointUriFactory("extend");
        assertInstanceOf(ExtendEndpointUriFactory.class, uriFactory);

        // they work, not just load
        ExtendEndpoint endpoint = endpoint("extend:getRun?apiKey=" + KEY + "&baseUrl=" + FAKE.baseUrl());
        assertTrue(endpointConfigurer.configure(context, endpoint, "requestTimeout", "7s", false));
        assertEquals(7_000, endpoint.getConfiguration().getRequestTimeout());
        ExtendComponent component = context.getComponent("extend", ExtendComponent.class);
        assertTrue(componentConfigurer.configure(context, component, "workspaceId", "ws_configured", false));
        assertEquals("ws_configured", component.getConfiguration().getWorkspaceId());
        assertEquals("extend:cancelRun?runId=" + RUN,
                uriFactory.buildUri("extend", Map.of("operation", "cancelRun", "runId", RUN), false));
        assertTrue(uriFactory.secretPropertyNames().contains("apiKey"));
        assertTrue(uriFactory.propertyNames().containsAll(List.of("apiKey", "baseUrl", "apiVersion", "workspaceId",
                "runId", "connectTimeout", "requestTimeout", "maxRetries", "alreadyCancelledIsSuccess",
                "sslContextParameters", "proxyHost", "proxyPort")));
    }

    @Test
    void componentDescriptorsAreOnTheClasspath() throws Exception {
        ClassLoader cl = ConfigurationTest.class.getClassLoader();
        try (InputStream in = cl.getResourceAsStream("META-INF/services/org/apache/camel/component/extend")) {
            assertNotNull(in, "component service descriptor");
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(text.contains("class=dev.camelextend.ExtendComponent"), text);
        }
        JsonNode json;
        try (InputStream in = cl.getResourceAsStream("META-INF/dev/camelextend/extend.json")) {
            assertNotNull(in, "component JSON schema");
            json = new ObjectMapper().readTree(in);
        }
        assertEquals("extend", json.get("component").get("scheme").asText());
        assertEquals("extend:operation", json.get("component").get("syntax").asText());
        assertTrue(json.get("properties").get("apiKey").get("secret").asBoolean());
        assertTrue(json.get("componentProperties").has("apiKey"));
        assertTrue(json.get("headers").has(ExtendConstants.RUN_ID));

        // and Camel finds them by itself
        try (CamelContext fresh = new DefaultCamelContext()) {
            Component found = fresh.getComponent("extend");
            assertInstanceOf(ExtendComponent.class, found);
            String schema = ((org.apache.camel.CatalogCamelContext) fresh).getComponentParameterJsonSchema("extend");
            assertNotNull(schema);
            assertTrue(schema.contains("\"apiKey\""));
        }
    }
}

package dev.camelextend;


import dev.camelextend.support.CapturedLogs;
import dev.camelextend.support.ExtendTestKit;
import dev.camelextend.support.FakeExtendServer;
import dev.camelextend.support.FakeExtendServer.Reply;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What users configure is checked before anything is sent: the workspace (option at route start, header per message),
 * the API key's characters, and whether a plain-http base URL really goes to this machine.
 */
class StartupChecksTest {

    @RegisterExtension
    static final FakeExtendServer FAKE = new FakeExtendServer();

    private static Exception startFailure(String uri) {
        CamelContext context = new DefaultCamelContext();
        try {
            ExtendTestKit.route(context, "direct:start", uri);
            Exception e = assertThrows(Exception.class, context::start, "the route must not start: " + uri);
            return e;
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            context.stop();
        }
    }

    private static String rootMessage(Throwable t) {
        return ExtendTestKit.rootCause(t).getMessage();
    }

    @ParameterizedTest
    @ValueSource(strings = { "ws_%C3%A9t%C3%A9", "ws_%E5%B7%A5%E4%BD%9C", "ws%0D%0AX-Evil:1", "ws%20one", "ws/../x" })
    void aWorkspaceOptionThatCannotBeSentAsIsFailsAtStartNamingTheOption(String workspace) {
        Exception e = startFailure("extend:getRun?apiKey=sk_checks&baseUrl=" + FAKE.baseUrl() + "&workspaceId="
                                   + workspace);
        assertTrue(rootMessage(e).contains("workspaceId"), rootMessage(e));
        assertEquals(0, FAKE.requestCount());
    }

    @Test
    void anOverlongWorkspaceOptionFailsAtStart() {
        Exception e = startFailure("extend:getRun?apiKey=sk_checks&baseUrl=" + FAKE.baseUrl() + "&workspaceId=ws_"
                                   + "a".repeat(300));
        assertTrue(rootMessage(e).contains("workspaceId"), rootMessage(e));
    }

    @ParameterizedTest
    @ValueSource(strings = { "ws_été", "ws_工作", "ws_\r\nX-Evil: 1", " ws_padded", "" })
    void aWorkspaceHeaderThatCannotBeSentAsIsFailsTheMessageTyped(String workspace) throws Exception {
        FAKE.otherwise(r -> Reply.runFor(r, "workflow-run-processing.json"));
        CamelContext context = new DefaultCamelContext();
        context.start();
        try {
            String from = ExtendTestKit.route(context, "extend:getRun?apiKey=sk_checks&baseUrl=" + FAKE.baseUrl());
            Exchange out = context.createProducerTemplate().send(from, x -> {
                x.getIn().setBody(ExtendTestKit.RUN);
                x.getIn().setHeader(ExtendConstants.WORKSPACE_ID, workspace);
            });
            ExtendInvalidWorkspaceIdException e = ExtendTestKit.failure(out, ExtendInvalidWorkspaceIdException.class);
            assertTrue(e.getMessage().contains(ExtendConstants.WORKSPACE_ID), e.getMessage());
            assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), e.getMessage());
            assertEquals(0, FAKE.requestCount(), "nothing was sent");
        } finally {
            context.stop();
        }
    }

    /** As camel.component.extend.api-key={{file:...}} or an environment variable with a trailing newline sets it. */
    @ParameterizedTest
    @ValueSource(strings = { "sk_from_a_file\n", "sk_from_a_file\r\n", " sk_padded", "sk_in\tside", "sk_\u00e9t\u00e9" })
    void anApiKeyWithWhitespaceOrLineBreaksFailsAtStartWithoutQuotingIt(String key) throws Exception {
        CamelContext context = new DefaultCamelContext();
        ExtendComponent component = new ExtendComponent();
        component.getConfiguration().setApiKey(key);
        context.addComponent("extend", component);
        ExtendTestKit.route(context, "direct:start", "extend:getRun?baseUrl=" + FAKE.baseUrl());
        try {
            Exception e = assertThrows(Exception.class, context::start, "the route must not start");
            String message = rootMessage(e);
            assertTrue(message.contains("apiKey"), message);
            assertFalse(message.contains(key.strip()), "the key is never quoted: " + message);
        } finally {
            context.stop();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://127.evil.example.com", "http://localhost.evil.example.com",
                             "http://10.0.0.7" })
    void plainHttpToAHostThatIsNotLoopbackWarns(String baseUrl) throws Exception {
        assertEquals(1, plainHttpWarnings(baseUrl), baseUrl);
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://127.0.0.1:1", "http://127.5.6.7:1", "http://localhost:1", "http://LOCALHOST:1",
                             "http://[::1]:1" })
    void plainHttpToLoopbackDoesNotWarn(String baseUrl) throws Exception {
        assertEquals(0, plainHttpWarnings(baseUrl), baseUrl);
    }

    private static long plainHttpWarnings(String baseUrl) throws Exception {
        try (CapturedLogs logs = new CapturedLogs(Level.WARN)) {
            CamelContext context = new DefaultCamelContext();
            ExtendTestKit.route(context, "direct:start", "extend:getRun?apiKey=sk_checks&baseUrl=" + baseUrl);
            context.start();
            context.stop();
            return logs.containing("plain http").size();
        }
    }

}

package dev.camelextend.model;


import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Language;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import dev.camelextend.support.FakeExtendServer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The model is meant to be used from Camel Simple ({@code ${body.status}}, {@code ${body.workflow.name}}): check it
 * really is, with a real CamelContext.
 */
class WorkflowRunSimpleTest {

    private static CamelContext context;
    private static Language simple;
    private static WorkflowRun run;

    @BeforeAll
    static void setUp() throws Exception {
        context = new DefaultCamelContext();
        context.start();
        simple = context.resolveLanguage("simple");
        run = ExtendJson.newObjectMapper().readValue(FakeExtendServer.fixture("workflow-run-cancelled.json"),
                WorkflowRun.class);
    }

    @AfterAll
    static void tearDown() {
        context.stop();
    }

    private static Object eval(String expression) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(run);
        return simple.createExpression(expression).evaluate(exchange, Object.class);
    }

    private static boolean matches(String predicate) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(run);
        return simple.createPredicate(predicate).matches(exchange);
    }

    @Test
    void beanPropertiesAreReachableFromSimple() {
        assertSame(WorkflowRunStatus.CANCELLED, eval("${body.status}"));
        assertEquals("CANCELLED", eval("${body.rawStatus}"));
        assertEquals("Invoice Processing", eval("${body.workflow.name}"));
        assertEquals("ingest-pipeline", eval("${body.workflow.createdBy.name}"));
        assertEquals("1", eval("${body.workflowVersion.version}"));
        assertEquals("cust_42", eval("${body.metadata[customerId]}"));
        assertEquals(12, eval("${body.files[0].metadata.pageCount}"));
        assertEquals("PARSE", eval("${body.stepRuns[0].stepType}"));
        assertEquals(false, eval("${body.reviewed}"));
        assertEquals(true, eval("${body.status.isTerminal()}"));
    }

    @Test
    void statusComparesWithText() {
        assertTrue(matches("${body.status} == 'CANCELLED'"));
        assertFalse(matches("${body.status} == 'PROCESSING'"));
        assertTrue(matches("${body.workflow.name} == 'Invoice Processing'"));
    }
}

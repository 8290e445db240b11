package dev.camelextend.examples.cancelruns.docs;

// tag::advice-with-test[]

import dev.camelextend.ExtendCancelNotAllowedException;
import dev.camelextend.ExtendComponent;
import dev.camelextend.model.WorkflowRun;
import dev.camelextend.model.WorkflowRunStatus;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CancelRouteAdviceWithTest extends CamelTestSupport {

    @Override
    public void configureTest(TestExecutionConfiguration configuration) {
        configuration.withUseAdviceWith(true); // Camel starts when the test calls context.start(), after advising
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new CancelRoute();
    }

    static WorkflowRun run(String id, WorkflowRunStatus status) {
        WorkflowRun run = new WorkflowRun();
        run.setId(id);
        run.setStatus(status);
        return run;
    }

    @Test
    void replaceExtendWithAMock() throws Exception {
        AdviceWith.adviceWith(context, "cancel", a -> a.weaveByToUri("extend:*").replace().to("mock:extend"));
        context.start();
        MockEndpoint extend = getMockEndpoint("mock:extend");
        extend.expectedBodiesReceived("workflow_run_test1");
        extend.whenAnyExchangeReceived(e -> e.getMessage().setBody(run("workflow_run_test1", WorkflowRunStatus.CANCELLED)));

        String result = template.requestBody("direct:cancel", "workflow_run_test1", String.class);

        assertEquals("workflow_run_test1 is CANCELLED", result);
        extend.assertIsSatisfied();
    }

    @Test
    void letTheMockRefuseTheCancel() throws Exception {
        AdviceWith.adviceWith(context, "cancel", a -> a.weaveByToUri("extend:*").replace().to("mock:extend"));
        context.start();
        WorkflowRun processed = run("workflow_run_test2", WorkflowRunStatus.PROCESSED);
        getMockEndpoint("mock:extend").whenAnyExchangeReceived(e -> {
            throw ExtendCancelNotAllowedException.refusing(processed); // what Extend says of a finished run
        });

        String result = template.requestBody("direct:cancel", "workflow_run_test2", String.class);

        assertEquals("workflow_run_test2 not cancelled: run is PROCESSED", result);
    }

    @Test
    void mockEndpointsAndSkip() throws Exception {
        // the extend endpoint is still created and checks its options at start, so it needs some key; it is never called
        context.getComponent("extend", ExtendComponent.class).getConfiguration().setApiKey("sk_test_unused");
        AdviceWith.adviceWith(context, "cancel", a -> a.mockEndpointsAndSkip("extend:*"));
        context.start();
        MockEndpoint extend = getMockEndpoint("mock:extend:cancelRun");
        extend.whenAnyExchangeReceived(e -> e.getMessage().setBody(run("workflow_run_test3", WorkflowRunStatus.CANCELLED)));

        String result = template.requestBody("direct:cancel", "workflow_run_test3", String.class);

        assertEquals("workflow_run_test3 is CANCELLED", result);
        assertEquals(1, extend.getReceivedCounter());
    }
}
// end::advice-with-test[]

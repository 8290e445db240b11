package dev.camelextend.examples.yamlroute;

// tag::yaml-advice-with-test[]
import java.util.Properties;

import dev.camelextend.model.WorkflowRun;
import dev.camelextend.model.WorkflowRunStatus;
import dev.camelextend.model.WorkflowSummary;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CancelYamlRouteAdviceWithTest extends CamelTestSupport {

    @Override
    public void configureTest(TestExecutionConfiguration configuration) {
        configuration.withUseAdviceWith(true);
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() throws Exception {
        Resource yaml = ResourceHelper.resolveMandatoryResource(context, "classpath:routes/cancel.camel.yaml");
        return PluginHelper.getRoutesLoader(context).findRoutesBuilders(yaml).toArray(RoutesBuilder[]::new);
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = new Properties();
        properties.put("cancel.inbox", "target/test-inbox"); // the YAML's {{cancel.inbox}}
        return properties;
    }

    @Test
    void theYamlRouteWithAMockInsteadOfExtend() throws Exception {
        AdviceWith.adviceWith(context, "cancel-run", a -> a.weaveByToUri("extend:*").replace().to("mock:extend"));
        context.start();
        WorkflowRun run = new WorkflowRun();
        run.setId("workflow_run_test1");
        run.setStatus(WorkflowRunStatus.CANCELLED);
        run.setWorkflow(new WorkflowSummary());
        run.getWorkflow().setName("Invoice Processing");
        MockEndpoint extend = getMockEndpoint("mock:extend");
        extend.whenAnyExchangeReceived(e -> e.getMessage().setBody(run));

        String result = template.requestBody("direct:cancel", "workflow_run_test1", String.class);

        assertEquals("workflow_run_test1 CANCELLED Invoice Processing", result);
    }
}
// end::yaml-advice-with-test[]

package dev.camelextend.examples.jms;

import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * Runs the cancel pipeline with Camel Main until Ctrl-C. Settings come from {@code application.properties}, JVM system
 * properties and environment variables (see README.md). Without {@code EXTEND_API_KEY} it talks to the Extend
 * simulator and, with {@code pipeline.demo-requests} above zero, sends that many demo requests.
 */
public final class JmsPipelineApp {

    private JmsPipelineApp() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main(); // no classpath scanning: the configuration and routes are added once, below
        main.configure().addConfiguration(PipelineConfiguration.class);
        main.configure().addRoutesBuilder(CancelPipelineRoutes.class);
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport support) {
                sendDemoRequests(support.getCamelContext());
            }
        });
        main.run(args);
    }

    @SuppressWarnings("unchecked")
    private static void sendDemoRequests(CamelContext context) {
        List<String> runIds = context.getRegistry().lookupByNameAndType(PipelineConfiguration.DEMO_RUN_IDS, List.class);
        if (runIds == null || runIds.isEmpty()) {
            return;
        }
        PipelineSettings s = PipelineSettings.from(context);
        try (ProducerTemplate producer = context.createProducerTemplate()) {
            int n = 0;
            for (String runId : runIds) {
                producer.sendBodyAndHeader("jms:queue:" + s.requestsQueue(), runId, PipelineHeaders.REQUEST_ID,
                        "demo-" + ++n);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not send the demo requests", e);
        }
    }
}

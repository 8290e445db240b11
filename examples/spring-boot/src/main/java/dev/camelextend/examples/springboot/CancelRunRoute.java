package dev.camelextend.examples.springboot;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The route: a run ID in, the cancelled run out, or the component's typed exception for the caller (RunsController)
 * to turn into an answer. The component retries by itself; with no error handler of Camel's, a refused or unknown
 * run is not logged as a failed delivery on top of the answer the caller gives.
 */
@Component
public class CancelRunRoute extends RouteBuilder {

    @Override
    public void configure() {
        errorHandler(noErrorHandler());

        from("direct:cancel-run").routeId("cancel-run")
            .to("extend:cancelRun")
            .log("Run ${body.id} is now ${header.CamelExtendRunStatus} (workflow ${body.workflow.name})");
    }
}

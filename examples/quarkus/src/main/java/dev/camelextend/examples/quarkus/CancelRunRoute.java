package dev.camelextend.examples.quarkus;

import dev.camelextend.ExtendCancelNotAllowedException;
import org.apache.camel.builder.RouteBuilder;

/**
 * The example's one route: cancels the run whose ID is the body of a message to {@code direct:cancel-run}, and says in
 * the header {@code outcome} what happened, through Simple getters on the run and on the refusal. Camel Quarkus finds
 * the class by itself; the component's options come from {@code application.properties}.
 */
public class CancelRunRoute extends RouteBuilder {

    @Override
    public void configure() {
        onException(ExtendCancelNotAllowedException.class)
            .handled(true)
            .setHeader("outcome", simple("Run ${exception.runId} was not cancelled: it is already ${exception.runStatus}"));

        from("direct:cancel-run")
            .to("extend:cancelRun")
            .setHeader("outcome", simple("Run ${body.id} is now ${body.status} (workflow ${body.workflow.name})"));
    }
}

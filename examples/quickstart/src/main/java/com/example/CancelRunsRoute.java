package com.example;

import dev.camelextend.ExtendCancelNotAllowedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;

public class CancelRunsRoute extends RouteBuilder {

    @Override
    public void configure() {
        onException(ExtendCancelNotAllowedException.class)
            .handled(true)
            .log("Run ${exception.runId} was not cancelled: it is already ${exception.runStatus}");

        from("direct:cancel-run")                       // or jms:queue:..., kafka:..., file:...
            .to("extend:cancelRun")
            .log("Run ${body.id} is now ${header.CamelExtendRunStatus}"
                 + " (workflow ${body.workflow.name})");
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main();
        main.configure().addRoutesBuilder(new CancelRunsRoute());
        main.start();
        main.getCamelContext().createProducerTemplate()
            .sendBody("direct:cancel-run", args[0]);    // e.g. workflow_run_xKm9pNv3qWsY_jL2tR5Dh
        main.stop();
    }
}

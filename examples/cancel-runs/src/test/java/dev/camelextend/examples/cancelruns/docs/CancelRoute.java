package dev.camelextend.examples.cancelruns.docs;

// tag::route[]
import dev.camelextend.ExtendCancelNotAllowedException;
import org.apache.camel.builder.RouteBuilder;

public class CancelRoute extends RouteBuilder {

    @Override
    public void configure() {
        onException(ExtendCancelNotAllowedException.class)
                .handled(true)
                .setBody(simple("${exception.runId} not cancelled: run is ${exception.runStatus}"));

        from("direct:cancel").routeId("cancel")
                .to("extend:cancelRun")
                .setBody(simple("${body.id} is ${body.status}"));
    }
}
// end::route[]

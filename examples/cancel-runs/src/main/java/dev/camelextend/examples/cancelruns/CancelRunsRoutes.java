package dev.camelextend.examples.cancelruns;

import dev.camelextend.ExtendCancelNotAllowedException;
import dev.camelextend.ExtendNotFoundException;
import dev.camelextend.model.WorkflowRun;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The Camel part: send a run ID to {@code direct:cancel-run} and get a {@link RunResult} back as the body. The
 * component's typed exceptions become outcomes; nothing is thrown back to the caller.
 */
public class CancelRunsRoutes extends RouteBuilder {

    public static final String ENDPOINT = "direct:cancel-run";
    public static final String ROUTE_ID = "cancel-run";
    private static final String RUN_ID = "cancelRuns.runId";

    private final boolean alreadyCancelledIsSuccess;

    public CancelRunsRoutes(boolean alreadyCancelledIsSuccess) {
        this.alreadyCancelledIsSuccess = alreadyCancelledIsSuccess;
    }

    @Override
    public void configure() {
        // the API key and base URL are set on the extend component, never in this URI
        from(ENDPOINT).routeId(ROUTE_ID)
                .setProperty(RUN_ID, body())
                .doTry()
                    .to("extend:cancelRun?alreadyCancelledIsSuccess=" + alreadyCancelledIsSuccess)
                    .process(e -> result(e, RunResult.cancelled(runId(e), e.getMessage().getBody(WorkflowRun.class))))
                .doCatch(ExtendCancelNotAllowedException.class)
                    .process(e -> result(e, RunResult.notAllowed(runId(e), caught(e, ExtendCancelNotAllowedException.class))))
                .doCatch(ExtendNotFoundException.class)
                    .process(e -> result(e, RunResult.notFound(runId(e))))
                .doCatch(Exception.class)
                    .process(e -> result(e, RunResult.failed(runId(e), caught(e, Exception.class))))
                .end();
    }

    private static String runId(Exchange exchange) {
        return exchange.getProperty(RUN_ID, String.class);
    }

    private static <T extends Exception> T caught(Exchange exchange, Class<T> type) {
        return exchange.getProperty(Exchange.EXCEPTION_CAUGHT, type);
    }

    private static void result(Exchange exchange, RunResult result) {
        exchange.getMessage().setBody(result);
    }
}

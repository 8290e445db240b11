// Owns: the cancel route, direct:cancel-run: one run ID in, its cancel's outcome written to the ledger; Extend's
// refusals are outcomes, not failures, so nothing is thrown back to the caller.
package dev.camelextend.examples.webhookconfirm;

import dev.camelextend.ExtendCancelNotAllowedException;
import dev.camelextend.ExtendConstants;
import dev.camelextend.ExtendInvalidRunIdException;
import dev.camelextend.ExtendNotFoundException;
import dev.camelextend.model.ExtendRun;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * Send a run ID to {@value #ENDPOINT}: the route cancels it through {@code extend:cancelRun} and tells the
 * {@link ConfirmationLedger} what came of it. A refused cancel ({@link ExtendCancelNotAllowedException}: the run had
 * finished already) and an unknown run ({@link ExtendNotFoundException}) are outcomes; any other exception is recorded
 * as a failed cancel. The API key and base URL are set on the {@code extend} component, never in the URI.
 */
public final class CancelRoute extends RouteBuilder {

    public static final String ENDPOINT = "direct:cancel-run";
    public static final String ROUTE_ID = "cancel-run";
    private static final String RUN_ID = "webhookConfirm.runId";
    /** A failure's text is printed on the run's line: long answers are cut. */
    private static final int MAX_ERROR_LENGTH = 300;

    private final ConfirmationLedger ledger;

    public CancelRoute(ConfirmationLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void configure() {
        from(ENDPOINT).routeId(ROUTE_ID)
                .setProperty(RUN_ID, body())
                .doTry()
                    .to("extend:cancelRun")
                    .process(e -> ledger.accepted(runId(e), e.getMessage().getHeader(ExtendConstants.RUN_STATUS,
                            String.class)))
                .doCatch(ExtendCancelNotAllowedException.class)
                    .process(e -> ledger.notAllowed(runId(e), refusedStatus(e)))
                .doCatch(ExtendNotFoundException.class)
                    .process(e -> ledger.notFound(runId(e)))
                .doCatch(Exception.class)
                    .process(e -> ledger.failed(runId(e), describe(caught(e, Exception.class))))
                .end();
    }

    private static String runId(Exchange exchange) {
        return exchange.getProperty(RUN_ID, String.class);
    }

    /** What the refused run is now, as the component's confirming read saw it. */
    private static String refusedStatus(Exchange exchange) {
        ExtendRun run = caught(exchange, ExtendCancelNotAllowedException.class).getCurrentRun();
        return run == null ? null : run.getRawStatus();
    }

    private static <T extends Exception> T caught(Exchange exchange, Class<T> type) {
        return exchange.getProperty(Exchange.EXCEPTION_CAUGHT, type);
    }

    static String describe(Throwable e) {
        String text = e instanceof ExtendInvalidRunIdException invalid
                ? "invalid run ID: " + invalid.getReason()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) + "..." : text;
    }
}

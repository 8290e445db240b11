package dev.camelextend.examples.cancelruns;

import java.time.Duration;

import dev.camelextend.ExtendCancelNotAllowedException;
import dev.camelextend.ExtendConstants;
import dev.camelextend.ExtendNotFoundException;
import dev.camelextend.ExtendWaitTimeoutException;
import dev.camelextend.model.ExtendRun;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The Camel part, two routes:
 * <ul>
 * <li>{@value #ENDPOINT}: send a run ID, get a {@link RunResult} back as the body. The component's typed exceptions
 * become outcomes; nothing is thrown back to the caller. With {@code waitForOutcome} the cancel waits for the run to
 * settle, and {@code CamelExtendCancelWon} says whether the cancel won.</li>
 * <li>{@value #BATCH_ENDPOINT}: send a batch ID, get the {@code extend:cancelBatch} summary back
 * ({@code dev.camelextend.model.CancelBatchSummary}). The bean {@value #PROGRESS_BEAN} is told the progress. A listing
 * that fails is thrown back: the caller reports what was done so far.</li>
 * </ul>
 */
public class CancelRunsRoutes extends RouteBuilder {

    public static final String ENDPOINT = "direct:cancel-run";
    public static final String ROUTE_ID = "cancel-run";
    public static final String BATCH_ENDPOINT = "direct:cancel-batch";
    public static final String BATCH_ROUTE_ID = "cancel-batch";
    /** The name of the {@code dev.camelextend.client.BatchProgressListener} bean the batch route reports to. */
    public static final String PROGRESS_BEAN = "cancelRunsProgress";
    /** How often the batch route tells the progress (the progress line on a terminal is redrawn this often). */
    static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(1);
    private static final String RUN_ID = "cancelRuns.runId";

    private final boolean alreadyCancelledIsSuccess;
    private final boolean waitForOutcome;
    private final Duration waitTimeout;
    private final int batchConcurrency;

    public CancelRunsRoutes(boolean alreadyCancelledIsSuccess) {
        this(alreadyCancelledIsSuccess, false, null, CommandLine.DEFAULT_CONCURRENCY);
    }

    /**
     * @param waitForOutcome   wait for each cancelled run to settle ({@code --wait})
     * @param waitTimeout      how long each wait may take, or null for the component's default
     * @param batchConcurrency how many cancels of a batch are under way at once
     */
    public CancelRunsRoutes(boolean alreadyCancelledIsSuccess, boolean waitForOutcome, Duration waitTimeout,
                            int batchConcurrency) {
        this.alreadyCancelledIsSuccess = alreadyCancelledIsSuccess;
        this.waitForOutcome = waitForOutcome;
        this.waitTimeout = waitTimeout;
        this.batchConcurrency = batchConcurrency;
    }

    @Override
    public void configure() {
        // the API key and base URL are set on the extend component, never in these URIs
        from(ENDPOINT).routeId(ROUTE_ID)
                .setProperty(RUN_ID, body())
                .doTry()
                    .to("extend:cancelRun?alreadyCancelledIsSuccess=" + alreadyCancelledIsSuccess + waitOptions())
                    .process(e -> result(e, settled(e)))
                .doCatch(ExtendCancelNotAllowedException.class)
                    .process(e -> result(e, RunResult.notAllowed(runId(e), caught(e, ExtendCancelNotAllowedException.class))))
                .doCatch(ExtendNotFoundException.class)
                    .process(e -> result(e, RunResult.notFound(runId(e))))
                .doCatch(ExtendWaitTimeoutException.class)
                    .process(e -> result(e, RunResult.notSettled(runId(e), caught(e, ExtendWaitTimeoutException.class))))
                .doCatch(Exception.class)
                    .process(e -> result(e, RunResult.failed(runId(e), caught(e, Exception.class))))
                .end();

        // the body is the batch ID; extend:cancelBatch lists the batch's PENDING and PROCESSING runs and cancels each
        from(BATCH_ENDPOINT).routeId(BATCH_ROUTE_ID)
                .to("extend:cancelBatch?batchConcurrency=" + batchConcurrency + waitOptions()
                    + "&progressListener=#" + PROGRESS_BEAN + "&progressInterval=" + PROGRESS_INTERVAL.toMillis());
    }

    private String waitOptions() {
        if (!waitForOutcome) {
            return "";
        }
        return "&waitForOutcome=true" + (waitTimeout == null ? "" : "&waitTimeout=" + waitTimeout.toMillis());
    }

    /** The answer of a cancel that went through: with a wait, the run as it settled. */
    private RunResult settled(Exchange exchange) {
        ExtendRun run = exchange.getMessage().getBody(ExtendRun.class);
        if (!waitForOutcome) {
            return RunResult.cancelled(runId(exchange), run);
        }
        Boolean won = exchange.getMessage().getHeader(ExtendConstants.CANCEL_WON, Boolean.class);
        boolean cancelled = won != null ? won : "CANCELLED".equals(run.getRawStatus());
        return cancelled ? RunResult.cancelled(runId(exchange), run) : RunResult.finishedFirst(runId(exchange), run);
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

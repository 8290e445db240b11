package dev.camelextend.examples.jms;

import dev.camelextend.ExtendCancelNotAllowedException;
import dev.camelextend.ExtendInvalidRunIdException;
import dev.camelextend.ExtendNotFoundException;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * The cancel pipeline: one JMS transaction per request.
 *
 * <pre>
 * extend.cancel.requests --(transaction)--&gt; extend:cancelRun --&gt; extend.cancel.results
 *                                              | refused, unknown run, invalid ID --&gt; extend.cancel.rejected
 *                                              | anything else: roll back --&gt; broker redelivers --&gt; extend.cancel.dlq
 * </pre>
 *
 * The route is {@code transacted()}: the JMS transaction manager's transaction spans receiving the request and
 * sending its outcome, on one JMS session, so both commit together or neither does. That transaction is bound to the
 * consumer thread, so every JMS send must happen on that thread:
 * <ul>
 * <li>{@code transacted()} makes Camel wait on the consumer thread for each step, also for the asynchronous
 * {@code extend:} producer, so the steps after it run there;</li>
 * <li>but error handling of a failed asynchronous call ({@code onException}) runs on the thread that completed the
 * call (not the consumer thread), outside the transaction. So refusals are caught with {@code doTry/doCatch}, which only
 * sets headers, and the outcome is sent by the {@code choice()} after it, on the consumer thread.</li>
 * </ul>
 */
public class CancelPipelineRoutes extends RouteBuilder {

    /** The route's ID. */
    public static final String ROUTE_ID = "extend-cancel-pipeline";
    /** The ID of the step that sends a result, for tests that weave around it. */
    public static final String SEND_RESULT_ID = "send-result";
    /** The ID of the step that sends a rejection. */
    public static final String SEND_REJECTED_ID = "send-rejected";
    /** The log name of the per-request lines (INFO). */
    public static final String LOG_NAME = "dev.camelextend.examples.jms.pipeline";

    @Override
    public void configure() {
        PipelineSettings s = PipelineSettings.from(getContext());
        // no redelivery inside Camel: a failed request rolls back, and the broker redelivers it. The transaction
        // error handler logs each rollback once, at WARN, with the reason.
        errorHandler(springTransactionErrorHandler(PipelineConfiguration.TRANSACTION_POLICY)
                .maximumRedeliveries(0)
                .logExhausted(false));

        from("jms:queue:" + s.requestsQueue() + "?concurrentConsumers=" + s.concurrentConsumers())
                .routeId(ROUTE_ID)
                .transacted(PipelineConfiguration.TRANSACTION_POLICY)
                .process(PipelineHeaders::ensureRequestId)
                // outcome properties of an earlier pass (a rejected message sent back for another try) would mislead
                .removeHeaders("Extend*")
                .doTry()
                    .to("extend:cancelRun?alreadyCancelledIsSuccess=true"
                        + "&maxRetries=" + s.extendMaxRetries()
                        + "&retryInitialDelay=" + s.extendRetryInitialDelayMillis()
                        + "&requestTimeout=" + s.extendRequestTimeoutMillis()
                        + "&maxRetryAfter=5000")
                    .process(PipelineHeaders::describeResult)
                // Extend refused this request for good (finished run, unknown run, invalid ID): asking again cannot
                // help, so it goes to the rejected queue. Only headers are set here, no JMS send: see the class comment.
                .doCatch(ExtendCancelNotAllowedException.class, ExtendNotFoundException.class,
                        ExtendInvalidRunIdException.class)
                    .process(PipelineHeaders::describeRefusal)
                .end()
                // Every other failure (5xx, 429, timeouts, dropped connections, bad answers, authentication) is not
                // caught: the transaction rolls back, the broker redelivers after its redelivery delay and, after
                // broker.max-delivery-attempts, moves the request to the dead-letter queue.
                .choice()
                    .when(header(PipelineHeaders.REJECTED_REASON).isNotNull())
                        .log(LoggingLevel.INFO, LOG_NAME, "Rejected request ${header.requestId}: run"
                                                          + " ${header.ExtendRunId} ${header.ExtendRejectedReason}"
                                                          + " ${header.ExtendRunStatus}")
                        .to("jms:queue:" + s.rejectedQueue()).id(SEND_REJECTED_ID)
                    .otherwise()
                        .log(LoggingLevel.INFO, LOG_NAME, "Cancelled run ${header.ExtendRunId}"
                                                          + " (${header.ExtendRunStatus}) for request ${header.requestId}")
                        .to("jms:queue:" + s.resultsQueue()).id(SEND_RESULT_ID)
                .end();
    }
}

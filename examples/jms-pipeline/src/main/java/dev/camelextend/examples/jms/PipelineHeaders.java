package dev.camelextend.examples.jms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelextend.ExtendApiException;
import dev.camelextend.ExtendCancelNotAllowedException;
import dev.camelextend.ExtendConstants;
import dev.camelextend.ExtendException;
import dev.camelextend.model.ExtendJson;
import dev.camelextend.model.WorkflowRun;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The JMS properties the pipeline reads and writes, and the small steps that set them.
 * <p>
 * The component's own headers ({@code CamelExtendRunStatus}, {@code CamelExtendAttempts}, ...) start with "Camel", and
 * camel-jms never copies such headers into a JMS message. So the pipeline copies them into the properties below,
 * whose names are valid JMS property identifiers.
 */
public final class PipelineHeaders {

    /** In and out: the caller's correlation ID. When a request has none, the pipeline uses its JMSMessageID. */
    public static final String REQUEST_ID = "requestId";
    /** Out: the workflow run the request was about. */
    public static final String RUN_ID = "ExtendRunId";
    /** Out: the run's status: CANCELLED or CANCELLING on results; the status that refused the cancel on rejected. */
    public static final String RUN_STATUS = "ExtendRunStatus";
    /** Out: Extend's request ID of the answer (quote it to Extend support). */
    public static final String EXTEND_REQUEST_ID = "ExtendRequestId";
    /** Out (results): how many HTTP attempts the cancel took in this delivery. */
    public static final String ATTEMPTS = "ExtendAttempts";
    /** Out (rejected): the simple class name of the refusal, e.g. ExtendCancelNotAllowedException. */
    public static final String REJECTED_REASON = "ExtendRejectedReason";
    /** Out (rejected): Extend's error code, e.g. INVALID_REQUEST or NOT_FOUND (absent for an invalid run ID). */
    public static final String ERROR_CODE = "ExtendErrorCode";
    /** Out (rejected): Extend's error message, or the component's message for an invalid run ID. */
    public static final String ERROR_MESSAGE = "ExtendErrorMessage";
    /** Out (rejected): the HTTP status of Extend's answer (absent for an invalid run ID). */
    public static final String HTTP_STATUS = "ExtendHttpStatus";

    private static final ObjectMapper JSON = ExtendJson.newObjectMapper();
    private static final int MAX_TEXT = 1000;

    private PipelineHeaders() {
    }

    /** Gives every request a correlation ID: its own {@value #REQUEST_ID}, else its JMSMessageID (stable on redelivery). */
    public static void ensureRequestId(Exchange exchange) {
        Message in = exchange.getMessage();
        if (in.getHeader(REQUEST_ID) == null) {
            in.setHeader(REQUEST_ID, in.getHeader("JMSMessageID", String.class));
        }
    }

    /** After a successful cancel: the run as JSON text, and its ID, status and Extend request ID as JMS properties. */
    public static void describeResult(Exchange exchange) throws JsonProcessingException {
        Message m = exchange.getMessage();
        WorkflowRun run = m.getBody(WorkflowRun.class);
        m.setHeader(RUN_ID, run.getId());
        m.setHeader(RUN_STATUS, m.getHeader(ExtendConstants.RUN_STATUS));
        m.setHeader(ATTEMPTS, m.getHeader(ExtendConstants.ATTEMPTS));
        copyIfPresent(m, ExtendConstants.REQUEST_ID, EXTEND_REQUEST_ID);
        m.setBody(JSON.writeValueAsString(run));
    }

    /**
     * After a refusal (handled by {@code onException}): why, as JMS properties. The body stays the request's body (the
     * run ID).
     */
    public static void describeRefusal(Exchange exchange) {
        Message m = exchange.getMessage();
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        m.setHeader(REJECTED_REASON, e == null ? "unknown" : e.getClass().getSimpleName());
        if (e instanceof ExtendException ee && ee.getRunId() != null) {
            m.setHeader(RUN_ID, ee.getRunId());
        }
        if (e instanceof ExtendApiException api) {
            m.setHeader(HTTP_STATUS, api.getStatusCode());
            setIfPresent(m, ERROR_CODE, api.getErrorCode());
            setIfPresent(m, ERROR_MESSAGE, truncate(api.getErrorMessage()));
            setIfPresent(m, EXTEND_REQUEST_ID, api.getRequestId());
        } else if (e != null) {
            setIfPresent(m, ERROR_MESSAGE, truncate(e.getMessage()));
        }
        if (e instanceof ExtendCancelNotAllowedException na && na.getRun() != null) {
            m.setHeader(RUN_STATUS, na.getRun().getRawStatus());
        }
    }

    private static void copyIfPresent(Message m, String from, String to) {
        Object v = m.getHeader(from);
        if (v != null) {
            m.setHeader(to, v);
        } else {
            m.removeHeader(to);
        }
    }

    private static void setIfPresent(Message m, String name, Object value) {
        if (value != null) {
            m.setHeader(name, value);
        }
    }

    private static String truncate(String s) {
        return s == null || s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT) + "...";
    }
}

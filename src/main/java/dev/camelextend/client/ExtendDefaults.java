package dev.camelextend.client;

/**
 * Every default of the component's options, in one place: the client's settings start from them, and the Camel
 * options declare them (their {@code defaultValue} texts, which Camel's metadata and the Spring Boot and Quarkus
 * tooling read, are the same constants as text - compile-time constants, so annotations can use them).
 */
public final class ExtendDefaults {

    public static final String BASE_URL = "https://api.extend.ai";
    /** The API version whose response model the component follows. */
    public static final String API_VERSION = "2026-02-09";

    public static final long CONNECT_TIMEOUT_MILLIS = 10_000;
    public static final String CONNECT_TIMEOUT = "" + CONNECT_TIMEOUT_MILLIS;

    public static final long REQUEST_TIMEOUT_MILLIS = 30_000;
    public static final String REQUEST_TIMEOUT = "" + REQUEST_TIMEOUT_MILLIS;

    public static final int MAX_RETRIES = 2;
    public static final String MAX_RETRIES_TEXT = "" + MAX_RETRIES;

    public static final long MAX_RETRY_AFTER_MILLIS = 60_000;
    public static final String MAX_RETRY_AFTER = "" + MAX_RETRY_AFTER_MILLIS;

    public static final long RETRY_INITIAL_DELAY_MILLIS = 1_000;
    public static final String RETRY_INITIAL_DELAY = "" + RETRY_INITIAL_DELAY_MILLIS;

    public static final long RETRY_MAX_DELAY_MILLIS = 30_000;
    public static final String RETRY_MAX_DELAY = "" + RETRY_MAX_DELAY_MILLIS;

    public static final int MAX_CONNECTIONS = 200;
    public static final String MAX_CONNECTIONS_TEXT = "" + MAX_CONNECTIONS;

    /** The largest response body accepted, in bytes. */
    public static final int MAX_RESPONSE_SIZE = 16 * 1024 * 1024;
    public static final String MAX_RESPONSE_SIZE_TEXT = "" + MAX_RESPONSE_SIZE;

    /** The most bytes all answers being read may hold at once, per component. */
    public static final long MAX_RESPONSE_BYTES_IN_FLIGHT = 64L * 1024 * 1024;
    public static final String MAX_RESPONSE_BYTES_IN_FLIGHT_TEXT = "" + MAX_RESPONSE_BYTES_IN_FLIGHT;

    /** The most threads that continue routes after an answer, per component. */
    public static final int MAX_WORKER_THREADS = 50;
    public static final String MAX_WORKER_THREADS_TEXT = "" + MAX_WORKER_THREADS;

    /** How long a wait for a run to settle may take: a cancel settles in seconds, a run may process for hours. */
    public static final long WAIT_TIMEOUT_MILLIS = 10 * 60_000;
    public static final String WAIT_TIMEOUT = "" + WAIT_TIMEOUT_MILLIS;

    /** The first poll's delay, as Extend's SDKs poll after a create. */
    public static final long POLL_INTERVAL_MILLIS = 1_000;
    public static final String POLL_INTERVAL = "" + POLL_INTERVAL_MILLIS;

    public static final long MAX_POLL_INTERVAL_MILLIS = 30_000;
    public static final String MAX_POLL_INTERVAL = "" + MAX_POLL_INTERVAL_MILLIS;

    public static final int MAX_FAILED_POLLS = 3;
    public static final String MAX_FAILED_POLLS_TEXT = "" + MAX_FAILED_POLLS;

    /** Runs per page: Extend's own default of 10 would take ten times the requests of the same listing. */
    public static final int PAGE_SIZE = 100;
    public static final String PAGE_SIZE_TEXT = "" + PAGE_SIZE;

    /**
     * Cancels under way at once in a cancelBatch: enough to keep up with the highest plan's 75 writes/s at Extend's
     * usual tens of milliseconds per cancel; under a lower limit they just wait for their slots.
     */
    public static final int BATCH_CONCURRENCY = 8;
    public static final String BATCH_CONCURRENCY_TEXT = "" + BATCH_CONCURRENCY;

    public static final int MAX_PASSES = 3;
    public static final String MAX_PASSES_TEXT = "" + MAX_PASSES;

    public static final long PROGRESS_INTERVAL_MILLIS = 5_000;
    public static final String PROGRESS_INTERVAL = "" + PROGRESS_INTERVAL_MILLIS;

    /** Where the webhook consumer listens, on the runtime's platform-http server. */
    public static final String WEBHOOK_PATH = "/extend/webhook";
    /** The name a created webhook endpoint gets unless told otherwise. */
    public static final String WEBHOOK_ENDPOINT_NAME = "camel-extend";
    /** The settled-run events of a workflow subscription: every end a run can reach, a cancel included. */
    public static final String WORKFLOW_RUN_EVENTS = "workflow_run.completed,workflow_run.failed,"
                                                     + "workflow_run.needs_review,workflow_run.rejected,"
                                                     + "workflow_run.cancelled";

    /** How old a delivery's timestamp may be: the 5 minutes of Extend's SDKs. */
    public static final long WEBHOOK_TOLERANCE_MILLIS = 300_000;
    public static final String WEBHOOK_TOLERANCE = "" + WEBHOOK_TOLERANCE_MILLIS;

    /** The largest webhook request body accepted; Extend sends large payloads as a signed URL instead. */
    public static final int WEBHOOK_MAX_BODY_SIZE = 1024 * 1024;
    public static final String WEBHOOK_MAX_BODY_SIZE_TEXT = "" + WEBHOOK_MAX_BODY_SIZE;

    /** How long a delivery may take before it is answered 503: well inside Extend's 30 s delivery timeout. */
    public static final long WEBHOOK_RESPONSE_TIMEOUT_MILLIS = 20_000;
    public static final String WEBHOOK_RESPONSE_TIMEOUT = "" + WEBHOOK_RESPONSE_TIMEOUT_MILLIS;

    /** Extend gives up on a delivery after 30 s; a responseTimeout must stay below it. */
    public static final long EXTEND_DELIVERY_TIMEOUT_MILLIS = 30_000;

    /** Deliveries whose route may run at once per webhook endpoint (Vert.x's default worker pool has 20 threads). */
    public static final int WEBHOOK_MAX_CONCURRENT_DELIVERIES = 20;
    public static final String WEBHOOK_MAX_CONCURRENT_DELIVERIES_TEXT = "" + WEBHOOK_MAX_CONCURRENT_DELIVERIES;

    private ExtendDefaults() {
    }
}

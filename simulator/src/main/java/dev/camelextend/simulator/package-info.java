/**
 * {@code ExtendSimulator}: an in-memory HTTP fake of Extend's 2026-02-09 workflow-run API and of its processor runs
 * (extract, classify, split, parse), for tests and as a standalone server.
 * <p>
 * The artifact {@code dev.camelextend:camel-extend-simulator} holds these classes; depend on it in test scope:
 *
 * <pre>{@code
 * <dependency>
 *     <groupId>dev.camelextend</groupId>
 *     <artifactId>camel-extend-simulator</artifactId>
 *     <version>${camel-extend.version}</version>
 *     <scope>test</scope>
 * </dependency>
 * }</pre>
 *
 * It brings Jackson databind and slf4j-api; {@link dev.camelextend.simulator.ExtendSimulatorExtension} needs JUnit
 * Jupiter, which the artifact does not bring (a {@code provided} dependency: tests have it already). Entry points:
 * {@link dev.camelextend.simulator.ExtendSimulator} (builder, runs, faults, journal),
 * {@link dev.camelextend.simulator.ExtendSimulatorExtension} (JUnit 5), {@link dev.camelextend.simulator.SimulatorClock},
 * {@link dev.camelextend.simulator.SimulatorFaults}, {@link dev.camelextend.simulator.RecordedRequest} and
 * {@link dev.camelextend.simulator.SimulatorMain} ({@code java -jar camel-extend-simulator.jar}). Every other class of
 * the package is package-private. The simulator's own tests live in {@code dev.camelextend.simulator.test}, except
 * the command-line test, which needs package-private access.
 *
 * <h2>Endpoints</h2>
 * <ul>
 * <li>{@code POST /workflow_runs} (run workflow; the run follows the lifecycle below),</li>
 * <li>{@code POST /workflow_runs/batch} (returns {@code {"batchId"}}),</li>
 * <li>{@code GET /workflow_runs/{id}}, {@code POST /workflow_runs/{id}} (update: metadata merged),
 * {@code DELETE /workflow_runs/{id}} (returns {@code {"id"}}),</li>
 * <li>{@code GET /workflow_runs} (list: filters {@code status}, {@code workflowId}, {@code batchId},
 * {@code fileNameContains}; {@code sortBy} updatedAt|createdAt, {@code sortDir} desc|asc, {@code maxPageSize} 1..1000
 * default 10, cursor {@code nextPageToken}; answer {@code {"object":"list","data":[WorkflowRunSummary],
 * "nextPageToken":"..."}}, the token left out on the last page),</li>
 * <li>{@code POST /workflow_runs/{id}/cancel} (empty body or a JSON object such as {@code {}}),</li>
 * <li>{@code GET /{type}_runs/{id}}, {@code POST /{type}_runs/{id}/cancel} and {@code GET /{type}_runs} (list: filters
 * {@code status}, {@code batchId}, {@code sourceId}, {@code fileNameContains}; the same order, page size and cursor)
 * for {@code type} = {@code extract}, {@code classify}, {@code split}, {@code parse}: objects {@code extract_run}
 * ({@code exr_...}), {@code classify_run} ({@code clr_...}), {@code split_run} ({@code splr_...}), {@code parse_run}
 * ({@code pr_...}) with the fields of extend-ai 1.17.0's types; creating, batching and deleting them is not
 * simulated;</li>
 * <li>{@code POST /webhook_endpoints} (the answer has the {@code wss_...} signing secret, once),
 * {@code GET /webhook_endpoints} (filter {@code status}), {@code GET}, {@code POST} (update) and {@code DELETE}
 * {@code /webhook_endpoints/{id}} (with its subscriptions); {@code POST /webhook_subscriptions} (an upsert: the same
 * endpoint and resource update the subscription), {@code GET /webhook_subscriptions} (filters
 * {@code webhookEndpointId}, {@code resourceId}), {@code GET}, {@code POST} and {@code DELETE}
 * {@code /webhook_subscriptions/{id}}; the lists newest first, with {@code sortDir}, {@code maxPageSize} and a
 * {@code nextPageToken} cursor;</li>
 * <li>{@code GET /webhook_payloads/{token}}: the payload behind a signed webhook URL, without key or version header.
 * </li>
 * </ul>
 * A list page costs what its own runs cost, not what all runs cost: runs are kept in sorted sets per batch, workflow
 * (or source) and status, and the cursor is a keyset (the sort key and ID of the last entry returned), so a listing
 * paged through shows each run at most once, even when runs change between pages.
 *
 * <h2>Rules, as Extend applies them</h2>
 * <ul>
 * <li>{@code Authorization: Bearer <apiKey>} is required: else 401 {@code UNAUTHORIZED};</li>
 * <li>{@code x-extend-api-version: 2026-02-09} is required: missing or another value gives 400
 * {@code INVALID_REQUEST};</li>
 * <li>unknown run: 404 {@code NOT_FOUND} "Workflow run not found" ("Extract run not found" ...; a run of another
 * type is unknown too);</li>
 * <li>cancel of a run that is not PENDING or PROCESSING (CANCELLING included): refused with {@code INVALID_REQUEST}
 * and the status of {@link SimulatorBuilder#cancelRefusalStatus(int)} (400 by default; 409 or 422 selectable, since Extend
 * does not document it). A processor run can only be cancelled while PROCESSING (a PENDING one is refused the same
 * way), and an accepted cancel makes it CANCELLED at once: processor runs have no CANCELLING;</li>
 * <li>rate limits per category, each its own sliding second ({@link SimulatorFaults#rateLimit(String, int)}):
 * {@code GET} (reads), {@code WRITE} (cancel, update, delete, the webhook management writes), {@code RUN} (create,
 * batch); a refusal is 429 {@code RATE_LIMIT_EXCEEDED} with {@code Retry-After} in whole seconds;</li>
 * <li>{@code workflow_run.*} events only as resource-scoped subscriptions ({@code resourceType: "workflow"}): an
 * endpoint's global {@code enabledEvents} naming one is a 400;</li>
 * <li>every error body is the flat 2026-02-09 shape {@code {"code","message","retryable","requestId"}} (plus
 * {@code docUrl} on request validation errors), and every answer has an {@code x-extend-request-id} header equal to
 * the body's {@code requestId}.</li>
 * </ul>
 *
 * <h2>Run lifecycle</h2>
 * Runs created through the API or {@link ExtendSimulator#createRun(String, java.util.Map)} are PENDING for {@link SimulatorBuilder#pendingDuration}
 * (zero by default: the create answer already says PROCESSING, as the SDK documents), PROCESSING for
 * {@link SimulatorBuilder#processingDuration} (10 s), then take their outcome: {@link SimulatorBuilder#defaultOutcome} (PROCESSED),
 * {@link ExtendSimulator#setOutcome(String, String)}, or the metadata key {@value ExtendSimulator#OUTCOME_METADATA_KEY} sent at creation (PROCESSED,
 * FAILED or NEEDS_REVIEW). A cancel moves a PENDING/PROCESSING run to CANCELLING and after {@link ExtendSimulator#cancelDelay(java.time.Duration)} to
 * CANCELLED; with a zero delay (the default) the cancel answer already says CANCELLED. A cancel that loses the race
 * ({@link ExtendSimulator#cancelLosesRace(String, String)},
 * {@link SimulatorFaults#cancelLosesRaceRate(double)}) answers CANCELLING and ends in the run's outcome instead of
 * CANCELLED. Seeded runs ({@link ExtendSimulator#seedRun(String)},
 * {@link ExtendSimulator#seedBatch(int, String, String...)}, {@link ExtendSimulator#seedProcessorRun(String, String)})
 * stay in their status until cancelled; {@link ExtendSimulator#createProcessorRun(String, java.util.Map)} follows the
 * lifecycle with the same durations. Time is the {@link SimulatorClock}: a manual clock by default, so nothing moves
 * until {@code clock().advance(...)}.
 *
 * <h2>Webhooks</h2>
 * When a workflow run settles (PROCESSED, FAILED, NEEDS_REVIEW, REJECTED, CANCELLED, also when CANCELLING turns
 * CANCELLED, and the outcome a cancel lost to), the event ({@code workflow_run.completed}, {@code .failed},
 * {@code .needs_review}, {@code .rejected}, {@code .cancelled}) goes to every enabled endpoint subscribed to the run's
 * workflow with that event: {@code POST {"eventId","eventType","payload"}}, the payload being the run as GET returns
 * it (or, with {@code advancedOptions.payload.format: "url"}, a {@code signed_data_url} to it, valid for an hour of
 * the {@link SimulatorClock}), signed with {@code x-extend-request-timestamp} (Unix seconds, wall clock) and
 * {@code x-extend-request-signature} (hex HMAC-SHA256 of {@code v0:{timestamp}:{body}} with the endpoint's secret).
 * Runs marked as dashboard runs ({@value ExtendSimulator#DASHBOARD_METADATA_KEY}) send nothing. A failed attempt
 * (non-2xx, timeout, connection failure) is retried with exponential backoff within
 * {@link SimulatorBuilder#webhookRetries(int)}; the queue is bounded ({@link SimulatorBuilder#webhookQueueCapacity});
 * {@link ExtendSimulator#webhookDeliveries()} journals every attempt. Once the first endpoint exists, runs settle at
 * their instant (on a manual clock when it is advanced past it) instead of at the next read.
 *
 * <h2>Faults</h2>
 * {@link ExtendSimulator#faults()} switches latency, 5xx, connection resets, never-answered requests, malformed bodies, lost
 * cancel races and the rate limits at run time, and counts the requests per rate-limit category and their 429s; {@link ExtendSimulator#respondNext(int, String, java.util.Map)}, {@link ExtendSimulator#resetNext()} and {@link ExtendSimulator#neverAnswerNext()} queue
 * one-shot answers. Delayed and never-answered exchanges hold no thread: the handler returns and a scheduler completes
 * the exchange later.
 * <p>
 * <b>Connection reset, as measured on JDK 17.</b> Closing an {@code HttpExchange} before
 * {@code sendResponseHeaders} makes the JDK server close the TCP connection with an orderly FIN and no byte of
 * response: Java's HttpClient throws {@code IOException: HTTP/1.1 header parser received no bytes} (and silently sends
 * an idempotent GET once more on a new connection, so the journal shows it twice), curl says "Empty reply from server"
 * (exit 52), Node's fetch fails with {@code UND_ERR_SOCKET} "other side closed". A real TCP RST needs
 * {@code SO_LINGER=0} on the socket, which {@code com.sun.net.httpserver} does not expose: the simulator sets it by
 * reflection when the JVM runs with {@code --add-opens jdk.httpserver/sun.net.httpserver=ALL-UNNAMED}, and then
 * clients see "Connection reset by peer" (curl exit 56, Node {@code ECONNRESET}; Java's message stays the same).
 *
 * <h2>Threads</h2>
 * A fixed pool of {@link SimulatorBuilder#httpThreads} (4) daemon threads ({@code extend-simulator-PORT-http-N}) serves
 * requests and one scheduler thread ({@code extend-simulator-PORT-scheduler-1}) times delayed answers.
 * With the first webhook endpoint two more daemon threads ({@code extend-simulator-PORT-webhook-N}) start: they send,
 * time out and retry deliveries (asynchronously, on the JDK HttpClient: no thread waits for an answer) and settle runs
 * at their instant. {@link ExtendSimulator#close()} aborts every held exchange, stops the server and ends all of these
 * threads (the HttpClient's own selector thread ends with them on Java 21+, once unreachable on Java 17).
 */
package dev.camelextend.simulator;

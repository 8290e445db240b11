/**
 * {@code ExtendSimulator}: an in-memory HTTP fake of Extend's 2026-02-09 workflow-run API, for tests and as a
 * standalone server.
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
 * <li>{@code POST /workflow_runs/{id}/cancel} (empty body or a JSON object such as {@code {}}).</li>
 * </ul>
 *
 * <h2>Rules, as Extend applies them</h2>
 * <ul>
 * <li>{@code Authorization: Bearer <apiKey>} is required: else 401 {@code UNAUTHORIZED};</li>
 * <li>{@code x-extend-api-version: 2026-02-09} is required: missing or another value gives 400
 * {@code INVALID_REQUEST};</li>
 * <li>unknown run: 404 {@code NOT_FOUND} "Workflow run not found";</li>
 * <li>cancel of a run that is not PENDING or PROCESSING (CANCELLING included): refused with {@code INVALID_REQUEST}
 * and the status of {@link SimulatorBuilder#cancelRefusalStatus(int)} (400 by default; 409 or 422 selectable, since Extend
 * does not document it);</li>
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
 * CANCELLED; with a zero delay (the default) the cancel answer already says CANCELLED. Seeded runs
 * ({@link ExtendSimulator#seedRun(String)}) stay in their status until cancelled. Time is the {@link SimulatorClock}: a manual clock by
 * default, so nothing moves until {@code clock().advance(...)}.
 *
 * <h2>Faults</h2>
 * {@link ExtendSimulator#faults()} switches latency, 5xx, connection resets, never-answered requests, malformed bodies and a rate
 * limit at run time; {@link ExtendSimulator#respondNext(int, String, java.util.Map)}, {@link ExtendSimulator#resetNext()} and {@link ExtendSimulator#neverAnswerNext()} queue
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
 * {@link ExtendSimulator#close()} aborts every held exchange, stops the server and ends all of these threads.
 */
package dev.camelextend.simulator;

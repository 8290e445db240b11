// Owns: the tests of the whole application, in-process: with a key against a test simulator whose real signed
// deliveries reach the app's webhook route (duplicates, forged signatures, runs finished before their cancel, runs
// that emit nothing), the demo, usage and configuration errors.
package dev.camelextend.examples.webhookconfirm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelextend.examples.webhookconfirm.ConfirmationLedger.Cancel;
import dev.camelextend.examples.webhookconfirm.ConfirmationLedger.RunState;
import dev.camelextend.simulator.ExtendSimulator;
import dev.camelextend.simulator.ExtendSimulatorExtension;
import dev.camelextend.simulator.SimulatorClock;
import dev.camelextend.simulator.WebhookDelivery;
import dev.camelextend.simulator.WebhookRegistration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With a key, the application runs against the test's simulator as it would against Extend: the simulator makes the
 * webhook endpoint (its signing secret is the app's {@code EXTEND_WEBHOOK_SECRET}), and when a cancelled run settles
 * it signs the event and posts it to the app's server. One delivery at a time ({@code webhookConcurrency(1)}), so
 * that the order of the deliveries, and with it which of them arrive before the app has what it waits for, is fixed.
 * No retries: a delivery that finds the app stopped fails once, and the journal settles at once.
 */
class WebhookConfirmAppTest {

    @RegisterExtension
    static final ExtendSimulatorExtension SIM = ExtendSimulatorExtension.create()
            .configure(b -> b.clock(SimulatorClock.system()).cancelDelay(Duration.ofMillis(200))
                    .webhookConcurrency(1).webhookRetries(0))
            .resetRunsBetweenTests(true);

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** A bound on anything the tests wait for; only tells "bounded" from "hangs". */
    static final Duration BOUND = Duration.ofSeconds(30);

    record Result(int exitCode, String out, String err, ConfirmationLedger ledger, Duration took) {
        List<String> lines() {
            return out.lines().toList();
        }

        String line(String runId) {
            return lines().stream().filter(l -> l.startsWith(runId + " ")).findFirst()
                    .orElseThrow(() -> new AssertionError("no line for " + runId + ":\n" + out));
        }
    }

    static Result run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        WebhookConfirmApp app = new WebhookConfirmApp(env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        long started = System.nanoTime();
        int code = app.run(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                app.ledger(), Duration.ofNanos(System.nanoTime() - started));
    }

    /** Key mode against the test's simulator: its key and URL, the webhook's secret, the app's server on port. */
    static Result runWithKey(String secret, int port, String timeout, String... runIds) {
        List<String> args = new ArrayList<>(List.of("--port", String.valueOf(port), "--confirm-timeout", timeout));
        args.addAll(List.of(runIds));
        return run(keyEnv(secret), args.toArray(String[]::new));
    }

    static Map<String, String> keyEnv(String secret) {
        Map<String, String> env = new HashMap<>();
        env.put(WebhookConfirmApp.API_KEY_ENV, SIM.apiKey());
        env.put(WebhookConfirmApp.BASE_URL_ENV, SIM.baseUrl());
        env.put(WebhookConfirmApp.WEBHOOK_SECRET_ENV, secret);
        return env;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static String url(int port) {
        return "http://127.0.0.1:" + port + CommandLine.DEFAULT_PATH;
    }

    static String seed(String status) {
        return SIM.simulator().seedRun(status);
    }

    /** Waits, bounded, until the simulator has sent every delivery; returns the journal. */
    static List<WebhookDelivery> settledJournal() throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (SIM.simulator().pendingWebhookDeliveries() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, SIM.simulator().pendingWebhookDeliveries(), "the simulator's deliveries did not end");
        return SIM.simulator().webhookDeliveries();
    }

    /** The run a delivery's payload is. */
    static String runOf(WebhookDelivery d) {
        try {
            return JSON.readTree(d.body()).path("payload").path("id").asText();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    // ---- subscriptions as code: --subscribe has extend:webhook subscribe the endpoint at start ----

    @Test
    void withSubscribeTheEndpointIsSubscribedAtStartAndItsEventsConfirmTheCancels() throws Exception {
        String run = seed("PROCESSING");
        int port = freePort();
        // an endpoint with no subscription yet, made as an application makes one
        dev.camelextend.model.WebhookEndpoint endpoint = DemoSimulator.createEndpoint(SIM.simulator(), url(port));
        SIM.faults().duplicateWebhookRate(0.0);
        Map<String, String> env = keyEnv(endpoint.getSigningSecret());
        env.put(WebhookConfirmApp.WEBHOOK_ENDPOINT_ENV, endpoint.getId());

        Result r = run(env, "--port", String.valueOf(port), "--confirm-timeout", "20s", "--subscribe",
                dev.camelextend.simulator.ExtendSimulator.DEFAULT_WORKFLOW_ID, run);

        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertEquals("Subscribed " + endpoint.getId() + " to the workflow_run events of "
                     + dev.camelextend.simulator.ExtendSimulator.DEFAULT_WORKFLOW_ID, r.lines().get(1), r.out());
        assertEquals(1, r.ledger().state(run).confirmations(), r.out());
        assertFalse(r.out().contains(endpoint.getSigningSecret()) || r.err().contains(endpoint.getSigningSecret()));

        Map<String, String> noEndpoint = keyEnv(endpoint.getSigningSecret());
        Result refused = run(noEndpoint, "--subscribe", "workflow_a", run);
        assertEquals(2, refused.exitCode(), "--subscribe without EXTEND_WEBHOOK_ENDPOINT_ID is a usage error");
        assertTrue(refused.err().contains("EXTEND_WEBHOOK_ENDPOINT_ID"), refused.err());
    }

    // ---- (a) every accepted cancel confirmed exactly once, though every event is delivered twice ----

    @Test
    void everyAcceptedCancelIsConfirmedExactlyOnceThoughEveryEventIsDeliveredTwice() throws Exception {
        List<String> runs = List.of(seed("PROCESSING"), seed("PENDING"), seed("PROCESSING"));
        int port = freePort();
        WebhookRegistration webhook = SIM.simulator().registerWebhook(url(port), null);
        SIM.faults().duplicateWebhookRate(1.0);

        Result r = runWithKey(webhook.signingSecret(), port, "20s", runs.toArray(String[]::new));

        assertEquals(0, r.exitCode(), r.out() + r.err());
        List<WebhookDelivery> journal = settledJournal();
        // the deliveries go one at a time, each event's copy right after it: the first two copies were answered
        // before the third event, which the app waited for, was sent
        List<WebhookDelivery> delivered = journal.stream().filter(WebhookDelivery::delivered).toList();
        long copiesDelivered = delivered.stream().filter(WebhookDelivery::duplicate).count();
        assertTrue(copiesDelivered >= 1, "a duplicate reached the app: " + journal);
        for (String run : runs) {
            RunState s = r.ledger().state(run);
            assertEquals(1, s.confirmations(), run + " confirmed once: " + s);
            assertTrue(s.confirmed(), s.toString());
            String eventId = delivered.stream()
                    .filter(d -> d.eventType().equals("workflow_run.cancelled") && runOf(d).equals(run))
                    .map(WebhookDelivery::eventId).findFirst()
                    .orElseThrow(() -> new AssertionError("no delivered event of " + run + ": " + journal));
            assertEquals(run + "  ACCEPTED     (now CANCELLING)       confirmed by event " + eventId, r.line(run));
        }
        Map<String, Long> deliveriesPerEvent = delivered.stream()
                .collect(Collectors.groupingBy(WebhookDelivery::eventId, Collectors.counting()));
        long repeats = deliveriesPerEvent.values().stream().mapToLong(n -> n - 1).sum();
        assertEquals(repeats, r.ledger().deliveries().duplicatesDropped(),
                "every repeat answered 200 was dropped by the idempotent consumer");
        assertEquals(delivered.size(), r.ledger().deliveries().received());
        assertTrue(r.out().contains("Cancels: 3 accepted, 0 not allowed, 0 not found, 0 failed\n"
                                    + "Confirmed by workflow_run.cancelled: 3 of 3 (0 finished first, 0 not"
                                    + " confirmed within 20s)\n"), r.out());
        assertTrue(r.lines().get(0).equals("Listening for webhook deliveries at http://127.0.0.1:" + port
                                           + "/extend/webhook (signing secret from EXTEND_WEBHOOK_SECRET)"), r.out());
        // neither secret is printed or logged
        String logs = Files.readString(Path.of("target/test.log"), StandardCharsets.UTF_8);
        for (String text : List.of(r.out(), r.err(), logs)) {
            assertFalse(text.contains(webhook.signingSecret()), "the signing secret leaked");
        }
        assertFalse(r.out().contains(SIM.apiKey()) || r.err().contains(SIM.apiKey()), "the API key was printed");
    }

    // ---- (b) a forged delivery is answered 401 and confirms nothing ----

    @Test
    void aForgedDeliveryIsAnswered401AndConfirmsNothing() throws Exception {
        // started from the dashboard: its cancel is accepted, but Extend sends no event for it, so only a forged
        // delivery could confirm it
        String run = SIM.simulator().seedRun("PROCESSING", ExtendSimulator.DEFAULT_WORKFLOW_ID, null,
                Map.of(ExtendSimulator.DASHBOARD_METADATA_KEY, true));
        int port = freePort();
        WebhookRegistration webhook = SIM.simulator().registerWebhook(url(port), null);
        ObjectNode cancelled = SIM.simulator().run(run).put("status", "CANCELLED");
        byte[] forged = JSON.writeValueAsBytes(JSON.createObjectNode().put("eventId", "evt_forged000000000000")
                .put("eventType", "workflow_run.cancelled").set("payload", cancelled));
        long now = System.currentTimeMillis() / 1000;

        CompletableFuture<Result> app = CompletableFuture.supplyAsync(
                () -> runWithKey(webhook.signingSecret(), port, "3s", run));
        // signed with another secret
        HttpResponse<String> wrongSecret = postWhenListening(port, forged, now, sign("wss_not_the_endpoints", now, forged));
        // signed with the right secret, then changed: a replay of a genuine signature over another body
        byte[] genuine = JSON.writeValueAsBytes(JSON.createObjectNode().put("eventId", "evt_genuine00000000000")
                .put("eventType", "workflow_run.completed").set("payload", SIM.simulator().run(run)));
        HttpResponse<String> tampered = post(port, forged, now, sign(webhook.signingSecret(), now, genuine));
        Result r = app.get(BOUND.toSeconds(), TimeUnit.SECONDS);

        assertEquals(401, wrongSecret.statusCode(), wrongSecret.body());
        assertEquals(401, tampered.statusCode(), tampered.body());
        assertEquals(1, r.exitCode(), r.out() + r.err());
        RunState s = r.ledger().state(run);
        assertEquals(Cancel.ACCEPTED, s.cancel());
        assertEquals(0, s.confirmations(), s.toString());
        assertNull(s.eventId(), s.toString());
        assertEquals(0, r.ledger().deliveries().received(), "nothing reached the route");
        assertEquals(run + "  ACCEPTED     (now CANCELLING)       not confirmed within 3s", r.line(run));
        assertTrue(r.out().contains("Confirmed by workflow_run.cancelled: 0 of 1 (0 finished first, 1 not confirmed"
                                    + " within 3s)"), r.out());
        assertTrue(settledJournal().isEmpty(), "a dashboard run emits no event");
    }

    /** Posts until the app's server answers (it starts after the test does), bounded. */
    static HttpResponse<String> postWhenListening(int port, byte[] body, long timestamp, String signature)
            throws Exception {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (true) {
            try {
                return post(port, body, timestamp, signature);
            } catch (ConnectException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the app did not listen on " + port + " within " + BOUND, notYet);
                }
                Thread.sleep(25);
            }
        }
    }

    static HttpResponse<String> post(int port, byte[] body, long timestamp, String signature) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url(port))).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("x-extend-request-timestamp", String.valueOf(timestamp))
                .header("x-extend-request-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Extend's signature: hex HMAC-SHA256 of v0:{timestamp}:{body}. */
    static String sign(String secret, long timestamp, byte[] body) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    // ---- (c) a run that finished before its cancel needs no confirmation ----

    @Test
    void aRunThatFinishedBeforeTheCancelIsNotAllowedAndNeedsNoConfirmation() throws Exception {
        String processed = seed("PROCESSED");
        String failed = seed("FAILED");
        String running = seed("PROCESSING");
        int port = freePort();
        WebhookRegistration webhook = SIM.simulator().registerWebhook(url(port), null);

        Result r = runWithKey(webhook.signingSecret(), port, "60s", processed, failed, running);

        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertEquals(processed + "  NOT ALLOWED  (run is PROCESSED)     nothing to confirm", r.line(processed));
        assertEquals(failed + "  NOT ALLOWED  (run is FAILED)        nothing to confirm", r.line(failed));
        assertTrue(r.line(running).contains("confirmed by event evt_"), r.out());
        for (String finished : List.of(processed, failed)) {
            RunState s = r.ledger().state(finished);
            assertEquals(Cancel.NOT_ALLOWED, s.cancel());
            assertTrue(s.settled() && s.eventId() == null, s.toString());
        }
        // waiting for an event of a finished run would have taken the whole timeout, and more
        assertTrue(r.took().compareTo(Duration.ofSeconds(60)) < 0, "waited for events of finished runs: " + r.took());
        List<WebhookDelivery> journal = settledJournal();
        assertTrue(journal.stream().noneMatch(d -> runOf(d).equals(processed) || runOf(d).equals(failed)),
                journal.toString());
        assertTrue(r.out().contains("Cancels: 1 accepted, 2 not allowed, 0 not found, 0 failed"), r.out());
    }

    // ---- the demo ----

    @Test
    void withoutKeyTheDemoConfirmsItsCancelsAndDropsTheDuplicate() {
        Result r = run(Map.of());

        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertEquals("", r.err());
        List<String> lines = r.lines();
        assertTrue(Pattern.matches("No EXTEND_API_KEY set: using the embedded Extend simulator at"
                + " http://127\\.0\\.0\\.1:\\d+ \\(no network, nothing real is cancelled\\)", lines.get(0)), r.out());
        assertTrue(Pattern.matches("Listening for webhook deliveries at http://127\\.0\\.0\\.1:\\d+/extend/webhook:"
                + " endpoint wh_\\w+ \\(made by extend:createWebhookEndpoint\\) subscribed at start to the"
                + " workflow_run events of " + ExtendSimulator.DEFAULT_WORKFLOW_ID
                + "; the simulator delivers the next event twice\\.", lines.get(1)), r.out());
        assertEquals("Seeded 6 runs, 4 of them cancellable; cancelling them and one unknown ID.", lines.get(2));
        List<RunState> states = r.ledger().states();
        assertEquals(7, states.size());
        for (int i = 0; i < DemoSimulator.STATUSES.size(); i++) {
            RunState s = states.get(i);
            String status = DemoSimulator.STATUSES.get(i);
            String line = lines.get(3 + i);
            if (i == DemoSimulator.LOSES_RACE) {
                assertTrue(s.finishedFirst() && s.confirmations() == 0, s.toString());
                assertTrue(line.endsWith("not cancelled, the run finished first: event " + s.eventId()
                                         + " is workflow_run.completed"), line);
            } else if (status.equals("PENDING") || status.equals("PROCESSING")) {
                assertEquals(1, s.confirmations(), s.toString());
                assertTrue(line.endsWith("confirmed by event " + s.eventId()), line);
            } else {
                assertEquals(Cancel.NOT_ALLOWED, s.cancel(), s.toString());
                assertTrue(line.contains("NOT ALLOWED  (run is " + status + ")"), line);
            }
        }
        assertEquals(DemoSimulator.UNKNOWN_RUN_ID + "  NOT FOUND    (no such run)          nothing to confirm",
                lines.get(9));
        assertEquals(List.of("Cancels: 4 accepted, 2 not allowed, 1 not found, 0 failed",
                "Confirmed by workflow_run.cancelled: 3 of 4 (1 finished first, 0 not confirmed within 60s)",
                "Webhook deliveries: 5 received, 1 duplicate dropped, 0 other events acknowledged"),
                lines.subList(10, lines.size()));
    }

    // ---- usage and configuration ----

    @Test
    void runIdsWithoutKeyAreAUsageError() {
        Result r = run(Map.of(), "workflow_run_a");

        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("error: run IDs need EXTEND_API_KEY"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void aKeyWithoutTheSigningSecretIsAUsageError() {
        Result r = run(Map.of(WebhookConfirmApp.API_KEY_ENV, "sk_some_key"), "workflow_run_a");

        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("error: EXTEND_WEBHOOK_SECRET is not set"), r.err());
    }

    @Test
    void aKeyWithoutRunIdsIsAUsageError() {
        Result r = run(keyEnv("wss_some_secret"));

        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("error: no run IDs"), r.err());
    }

    @Test
    void aPortInUseIsOneLineAndExitsTwoBeforeAnythingIsCancelled() throws Exception {
        String run = seed("PROCESSING");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Result r = runWithKey("wss_some_secret", taken.getLocalPort(), "5s", run);

            assertEquals(2, r.exitCode(), r.out() + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("error: cannot start: "), r.err());
        }
        assertEquals("PROCESSING", SIM.simulator().status(run), "nothing was cancelled");
    }

    @Test
    void helpPrintsTheUsage() {
        Result r = run(Map.of(), "--help");

        assertEquals(0, r.exitCode());
        assertEquals(CommandLine.USAGE, r.out());
    }
}

package dev.camelextend.simulator.test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelextend.simulator.ExtendSimulator;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The standalone entry point (main delegates to launch and then waits for Ctrl-C). */
class MainTest {

    @Test
    void launchPrintsBaseUrlAndKeyAndSeedsMixedRuns() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ExtendSimulator sim = ExtendSimulator.launch(
                new String[] { "--port", "0", "--api-key", "sk_test_main", "--seed-runs=10", "--seed", "7" },
                new PrintStream(buf, true, StandardCharsets.UTF_8))) {
            List<String> lines = buf.toString(StandardCharsets.UTF_8).lines().toList();
            assertTrue(lines.contains("base URL: " + sim.baseUrl()), lines.toString());
            assertTrue(lines.contains("API key:  sk_test_main"), lines.toString());
            List<String> runs = lines.stream().filter(l -> l.startsWith("run workflow_run_")).toList();
            assertEquals(10, runs.size());
            Set<String> statuses = runs.stream().map(l -> l.split(" ")[2]).collect(Collectors.toSet());
            assertTrue(statuses.size() >= 8, "mixed statuses: " + statuses);
            assertTrue(ExtendSimulator.RUN_STATUSES.containsAll(statuses));
            assertEquals("sk_test_main", sim.apiKey());
            SimHttp http = new SimHttp(sim);
            String id = runs.get(0).split(" ")[1];
            JsonNode run = SimHttp.json(http.get("/workflow_runs/" + id));
            assertEquals(runs.get(0).split(" ")[2], run.get("status").asText());
            JsonNode page = SimHttp.json(http.get("/workflow_runs?maxPageSize=100"));
            assertEquals(10, page.get("data").size());
            assertTrue(Arrays.stream(new String[] { "batch_sim0", "batch_sim1" })
                    .allMatch(b -> SimHttp.json(http.get("/workflow_runs?batchId=" + b)).get("data").size() > 0));
        }
    }

    @Test
    void webhookUrlRegistersAnEndpointForTheDefaultWorkflowAndPrintsItsSecretOnALineOfItsOwn() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (WebhookReceiver receiver = new WebhookReceiver(); ExtendSimulator sim = ExtendSimulator.launch(
                new String[] { "--seed-runs", "1", "--webhook-url", receiver.url() },
                new PrintStream(buf, true, StandardCharsets.UTF_8))) {
            List<String> lines = buf.toString(StandardCharsets.UTF_8).lines().toList();
            assertEquals(5, lines.size(), lines.toString());
            assertTrue(lines.get(3).startsWith("run workflow_run_"), "the lines before stay as they were: " + lines);
            String line = lines.get(4);
            assertTrue(line.startsWith("webhook " + receiver.url() + " (endpoint wh_"), line);
            assertTrue(line.contains(" to " + ExtendSimulator.DEFAULT_WORKFLOW_ID + ") signing secret: wss_"), line);
            String[] words = line.split(" ");
            String secret = words[words.length - 1];
            SimHttp http = new SimHttp(sim);
            JsonNode subs = SimHttp.json(http.get("/webhook_subscriptions"));
            assertEquals(1, subs.get("data").size());
            assertEquals(ExtendSimulator.DEFAULT_WORKFLOW_ID, subs.get("data").get(0).get("resourceId").asText());

            String runId = lines.get(3).split(" ")[1];
            String processing = sim.seedRun("PROCESSING");
            assertEquals(200, http.cancel(processing).statusCode());
            WebhookReceiver.Received hook = receiver.await(1, WebhookDeliveryTest.WAIT).get(0);
            assertEquals(WebhookDeliveryTest.hmacHex(secret, "v0:" + hook.header("x-extend-request-timestamp") + ":"
                    + hook.body()), hook.header("x-extend-request-signature"), "signed with the secret printed");
            assertEquals(processing, hook.json().at("/payload/id").asText());
            assertTrue(!runId.equals(processing));
        }
    }

    @Test
    void helpPrintsUsageAndStartsNothing() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        assertNull(ExtendSimulator.launch(new String[] { "--help" }, new PrintStream(buf, true, StandardCharsets.UTF_8)));
        assertTrue(buf.toString(StandardCharsets.UTF_8).contains("--seed-runs"));
    }

    @Test
    void badArgumentsAreRefusedBeforeStarting() {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThrows(IllegalArgumentException.class, () -> ExtendSimulator.launch(new String[] { "--bogus", "1" }, out));
        assertThrows(IllegalArgumentException.class, () -> ExtendSimulator.launch(new String[] { "--port" }, out));
        assertThrows(IllegalArgumentException.class, () -> ExtendSimulator.launch(new String[] { "--port=x" }, out));
        assertThrows(IllegalArgumentException.class,
                () -> ExtendSimulator.launch(new String[] { "--cancel-refusal-status", "500" }, out));
    }
}

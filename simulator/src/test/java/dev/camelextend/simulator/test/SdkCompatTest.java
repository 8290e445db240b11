package dev.camelextend.simulator.test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.camelextend.simulator.ExtendSimulator;
import dev.camelextend.simulator.RecordedRequest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Wire compatibility with Extend's official TypeScript SDK: installs npm {@code extend-ai@1.17.0} into
 * {@code target/sdk-compat} (from the committed {@code src/test/sdk-compat/package.json} and lock file) and runs the
 * committed {@code sdk-compat.cjs} against a started simulator. The SDK takes the simulator through its documented
 * client options {@code new ExtendClient({ token, baseUrl })} (BaseClient.d.ts, BearerAuthProvider.d.ts).
 * Skipped only when {@code node} or {@code npm} is not on the PATH; a failing install fails the test.
 */
class SdkCompatTest {

    static final Path SOURCE = Path.of("src/test/sdk-compat");
    static final Path WORK = Path.of("target/sdk-compat");
    static final List<String> FILES = List.of("package.json", "package-lock.json", ".npmrc", "sdk-compat.cjs");
    static final String SDK_VERSION = "1.17.0";

    record Result(int exit, List<String> lines) {
        String text() {
            return String.join("\n", lines);
        }
    }

    @Test
    void officialTypeScriptSdkRetrievesCancelsListsAndGetsTheDocumentedErrors() throws Exception {
        Path node = onPath("node");
        Path npm = onPath("npm");
        Assumptions.assumeTrue(node != null && npm != null, "TypeScript SDK compatibility test skipped: it needs node "
                + "and npm on the PATH (node=" + node + ", npm=" + npm + ")");
        install(npm);

        try (ExtendSimulator sim = ExtendSimulator.builder().apiKey("sk_test_sdk_compat").build().start()) {
            String pending = sim.seedRun("PENDING");
            String processing = sim.seedRun("PROCESSING");
            List<String> processed = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                processed.add(sim.seedRun("PROCESSED"));
            }
            sim.seedRun("FAILED");
            Map<String, String> env = new LinkedHashMap<>();
            env.put("SIM_BASE_URL", sim.baseUrl());
            env.put("SIM_API_KEY", sim.apiKey());
            env.put("SIM_RUNS", SimHttp.JSON.writeValueAsString(Map.of("pending", pending, "processing", processing,
                    "processed", processed.get(0), "processedCount", processed.size())));

            Result main = node(node, env, "main");
            List<String> checks = List.of("retrieve", "retrieve-raw-response-request-id", "cancel-processing",
                    "cancel-pending", "cancel-refused-bad-request", "cancel-twice-refused", "retrieve-unknown-not-found",
                    "cancel-unknown-not-found", "unauthorized", "list-pagination", "create", "update-metadata",
                    "create-batch-and-list-by-batch", "delete");
            for (String check : checks) {
                assertTrue(main.lines().contains("ok - " + check), "check " + check + " in:\n" + main.text());
            }
            assertTrue(main.lines().contains("sdk-compat main: " + checks.size() + " ok, 0 not ok"), main.text());
            assertEquals(0, main.exit(), main.text());

            // what the simulator saw from the SDK
            assertEquals("CANCELLED", sim.status(processing));
            assertEquals("CANCELLED", sim.status(pending));
            assertEquals("PROCESSED", sim.status(processed.get(0)));
            RecordedRequest cancel = sim.journal().stream()
                    .filter(r -> r.requestLine().equals("POST /workflow_runs/" + processing + "/cancel")).findFirst()
                    .orElseThrow();
            assertEquals(200, cancel.responseStatus());
            assertEquals("Bearer sk_test_sdk_compat", cancel.header("authorization"));
            assertEquals(ExtendSimulator.API_VERSION, cancel.header("x-extend-api-version"));
            assertEquals("extend-ai/" + SDK_VERSION, cancel.header("user-agent"));
            assertEquals(0, cancel.body().length, "the SDK cancels without a body");
            assertNull(cancel.header("content-type"));
            assertTrue(sim.journal().stream().anyMatch(r -> r.method().equals("GET")
                    && r.rawPath().equals("/workflow_runs") && r.rawQuery() != null
                    && r.rawQuery().contains("nextPageToken=")), "the SDK followed nextPageToken");

            // the real rate limiter: 429 + Retry-After, honoured by the SDK's retry
            sim.clearJournal();
            sim.faults().rateLimit(1);
            Result limited = node(node, env, "rate-limit");
            assertEquals(0, limited.exit(), limited.text());
            assertTrue(limited.lines().contains("sdk-compat rate-limit: 2 ok, 0 not ok"), limited.text());
            assertTrue(sim.journal().stream().filter(r -> r.responseStatus() == 429).count() >= 2);
            sim.faults().rateLimit(0);

            // the refusal status is configurable because Extend does not document it; what the SDK makes of each
            for (int status : new int[] { 409, 422 }) {
                sim.cancelRefusalStatus(status);
                Result refused = node(node, env, "refusal", Integer.toString(status));
                assertEquals(0, refused.exit(), refused.text());
                assertTrue(refused.lines().contains("ok - cancel-refused-" + status), refused.text());
            }
        }
    }

    @Test
    void officialTypeScriptSdkRetrievesCancelsAndListsProcessorRuns() throws Exception {
        Path node = onPath("node");
        Path npm = onPath("npm");
        Assumptions.assumeTrue(node != null && npm != null, "TypeScript SDK compatibility test skipped: it needs node "
                + "and npm on the PATH (node=" + node + ", npm=" + npm + ")");
        install(npm);

        try (ExtendSimulator sim = ExtendSimulator.builder().apiKey("sk_test_sdk_compat").build().start()) {
            String extract = sim.seedProcessorRun("extract", "PROCESSING");
            String parse = sim.seedProcessorRun("parse", "PENDING");
            for (int i = 0; i < 3; i++) {
                sim.seedProcessorRun("classify", "PROCESSED", null, "workflow_run_sdkParent");
            }
            sim.seedProcessorRun("classify", "PROCESSED");
            Map<String, String> env = new LinkedHashMap<>();
            env.put("SIM_BASE_URL", sim.baseUrl());
            env.put("SIM_API_KEY", sim.apiKey());
            env.put("SIM_RUNS", SimHttp.JSON.writeValueAsString(Map.of("extractProcessing", extract, "parsePending",
                    parse, "classifyParent", "workflow_run_sdkParent", "classifyCount", 3)));

            Result result = node(node, env, "processors");
            List<String> checks = List.of("extract-run-retrieve", "extract-run-cancel",
                    "parse-run-cancel-pending-refused", "split-run-unknown-not-found", "classify-runs-list-by-source");
            for (String check : checks) {
                assertTrue(result.lines().contains("ok - " + check), "check " + check + " in:\n" + result.text());
            }
            assertTrue(result.lines().contains("sdk-compat processors: " + checks.size() + " ok, 0 not ok"),
                    result.text());
            assertEquals(0, result.exit(), result.text());
            assertEquals("CANCELLED", sim.status(extract));
            assertEquals("PENDING", sim.status(parse));
            assertTrue(sim.journal().stream().anyMatch(r -> r.rawPath().equals("/classify_runs") && r.rawQuery() != null
                    && r.rawQuery().contains("sourceId=workflow_run_sdkParent")
                    && r.rawQuery().contains("nextPageToken=")), "the SDK followed nextPageToken");
        }
    }

    @Test
    void officialTypeScriptSdkManagesWebhooksAndVerifiesAndFetchesTheDeliveries() throws Exception {
        Path node = onPath("node");
        Path npm = onPath("npm");
        Assumptions.assumeTrue(node != null && npm != null, "TypeScript SDK compatibility test skipped: it needs node "
                + "and npm on the PATH (node=" + node + ", npm=" + npm + ")");
        install(npm);

        // the default manual clock: the runs the script creates stay PROCESSING until it cancels them
        try (ExtendSimulator sim = ExtendSimulator.builder().apiKey("sk_test_sdk_compat").build().start()) {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("SIM_BASE_URL", sim.baseUrl());
            env.put("SIM_API_KEY", sim.apiKey());
            env.put("SIM_RUNS", SimHttp.JSON.writeValueAsString(Map.of("workflowId",
                    ExtendSimulator.DEFAULT_WORKFLOW_ID)));

            Result result = node(node, env, "webhooks");
            List<String> checks = List.of("webhook-endpoint-create", "webhook-endpoint-workflow-run-event-refused",
                    "webhook-endpoint-retrieve-update-list", "webhook-subscription-upsert",
                    "webhook-delivery-verify-and-parse", "webhook-signed-url-fetch");
            for (String check : checks) {
                assertTrue(result.lines().contains("ok - " + check), "check " + check + " in:\n" + result.text());
            }
            assertTrue(result.lines().contains("sdk-compat webhooks: " + checks.size() + " ok, 0 not ok"),
                    result.text());
            assertEquals(0, result.exit(), result.text());
            assertEquals(2, sim.webhookDeliveries().size(), sim.webhookDeliveries().toString());
            assertTrue(sim.webhookDeliveries().stream().allMatch(d -> d.delivered() && d.status() == 204));
        }
    }

    /** npm install into target/sdk-compat, skipped when the same lock file is already installed there. */
    private static void install(Path npm) throws IOException, InterruptedException {
        Files.createDirectories(WORK);
        Path installed = WORK.resolve("node_modules/extend-ai/package.json");
        boolean upToDate = Files.exists(installed)
                && Files.readString(installed).contains("\"version\": \"" + SDK_VERSION + "\"")
                && Files.exists(WORK.resolve("package-lock.json")) && Files.readString(WORK.resolve("package-lock.json"))
                        .equals(Files.readString(SOURCE.resolve("package-lock.json")));
        for (String f : FILES) {
            Files.copy(SOURCE.resolve(f), WORK.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        if (upToDate) {
            return;
        }
        Result r = run(List.of(npm.toString(), "install", "--no-audit", "--no-fund", "extend-ai@" + SDK_VERSION),
                Map.of(), 300);
        if (r.exit() != 0 || !Files.exists(installed)) {
            fail("npm install extend-ai@" + SDK_VERSION + " failed (exit " + r.exit() + "):\n" + r.text());
        }
    }

    private static Result node(Path node, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(node.toString(), "sdk-compat.cjs"));
        cmd.addAll(List.of(args));
        return run(cmd, env, 120);
    }

    private static Result run(List<String> cmd, Map<String, String> env, int timeoutSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(WORK.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().remove("EXTEND_API_KEY");
        Process p = pb.start();
        p.getOutputStream().close();
        Path log = Files.createTempFile("sdk-compat", ".log");
        try {
            Thread pump = new Thread(() -> {
                try {
                    Files.copy(p.getInputStream(), log, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException ignored) {
                    // process killed
                }
            });
            pump.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                pump.join(5000);
                fail(String.join(" ", cmd) + " did not finish within " + timeoutSeconds + " s:\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            pump.join(5000);
            return new Result(p.exitValue(), Files.readAllLines(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static Path onPath(String exe) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, exe);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}

// Runs Extend's official TypeScript SDK (npm extend-ai@1.17.0) against a running ExtendSimulator.
// Driven by dev.camelextend.simulator.test.SdkCompatTest, which starts the simulator, seeds runs and passes:
//   SIM_BASE_URL, SIM_API_KEY, SIM_RUNS = {"pending","processing","processed","processedCount"} (JSON), and for the
//   processors mode SIM_RUNS = {"extractProcessing","parsePending","classifyParent","classifyCount"}, and for the
//   webhooks mode SIM_RUNS = {"workflowId"}
// Usage: node sdk-compat.cjs main | rate-limit | refusal <status> | processors | webhooks
// Prints one "ok - <check>" or "not ok - <check>: <why>" line per check and a summary line; exits 1 if a check failed.
"use strict";

const http = require("http");
const { ExtendClient, Extend, ExtendError } = require("extend-ai");

const baseUrl = process.env.SIM_BASE_URL;
const token = process.env.SIM_API_KEY;
const runs = JSON.parse(process.env.SIM_RUNS || "{}");
const mode = process.argv[2] || "main";

// how the SDK takes a custom server and key: BaseClientOptions.baseUrl and BearerAuthProvider's `token`
const client = new ExtendClient({ token, baseUrl, timeoutInSeconds: 20 });

let passed = 0;
let failed = 0;

function assert(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

async function check(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`ok - ${name}`);
  } catch (e) {
    failed++;
    console.log(`not ok - ${name}: ${e && e.stack ? e.stack.split("\n").slice(0, 3).join(" | ") : e}`);
  }
}

/** Runs fn, which must reject with an error of class `type` and the given status and code. */
async function expectError(fn, type, status, code) {
  let error;
  try {
    await fn();
  } catch (e) {
    error = e;
  }
  assert(error !== undefined, "no error was thrown");
  assert(error instanceof type, `expected ${type.name}, got ${error && error.constructor && error.constructor.name}: ${error}`);
  assert(error instanceof ExtendError, "not an ExtendError");
  assert(error.statusCode === status, `statusCode ${error.statusCode}, expected ${status}`);
  const body = error.body;
  assert(body && typeof body === "object", `body is not parsed JSON: ${JSON.stringify(body)}`);
  assert(body.code === code, `body.code ${body.code}, expected ${code}`);
  assert(body.retryable === false, `body.retryable ${body.retryable}`);
  assert(/^req_[A-Za-z0-9]+$/.test(body.requestId), `body.requestId ${body.requestId}`);
  const header = error.rawResponse && error.rawResponse.headers.get("x-extend-request-id");
  assert(header === body.requestId, `x-extend-request-id ${header} != body.requestId ${body.requestId}`);
  return error;
}

async function main() {
  await check("retrieve", async () => {
    const run = await client.workflowRuns.retrieve(runs.processing);
    assert(run.object === "workflow_run", `object ${run.object}`);
    assert(run.id === runs.processing, `id ${run.id}`);
    assert(run.status === "PROCESSING", `status ${run.status}`);
    assert(run.workflow.name === "Invoice Processing", `workflow.name ${run.workflow.name}`);
    assert(run.batchId === null && run.endTime === null && run.usage === null, "explicit nulls");
    assert(Array.isArray(run.stepRuns) && Array.isArray(run.files), "arrays");
  });

  await check("retrieve-raw-response-request-id", async () => {
    const { data, rawResponse } = await client.workflowRuns.retrieve(runs.pending).withRawResponse();
    assert(data.status === "PENDING", `status ${data.status}`);
    assert(/^req_/.test(rawResponse.headers.get("x-extend-request-id")), "x-extend-request-id header");
  });

  await check("cancel-processing", async () => {
    const run = await client.workflowRuns.cancel(runs.processing);
    assert(run.id === runs.processing, `id ${run.id}`);
    assert(run.status === "CANCELLED", `status ${run.status}`);
    assert(typeof run.endTime === "string", `endTime ${run.endTime}`);
  });

  await check("cancel-pending", async () => {
    const run = await client.workflowRuns.cancel(runs.pending);
    assert(run.status === "CANCELLED", `status ${run.status}`);
  });

  await check("cancel-refused-bad-request", async () => {
    const e = await expectError(() => client.workflowRuns.cancel(runs.processed), Extend.BadRequestError, 400,
      "INVALID_REQUEST");
    assert(/cannot be cancelled/.test(e.body.message), `message ${e.body.message}`);
  });

  await check("cancel-twice-refused", async () => {
    await expectError(() => client.workflowRuns.cancel(runs.processing), Extend.BadRequestError, 400, "INVALID_REQUEST");
  });

  await check("retrieve-unknown-not-found", async () => {
    const e = await expectError(() => client.workflowRuns.retrieve("workflow_run_doesNotExist000000000"),
      Extend.NotFoundError, 404, "NOT_FOUND");
    assert(e.body.message === "Workflow run not found", `message ${e.body.message}`);
  });

  await check("cancel-unknown-not-found", async () => {
    await expectError(() => client.workflowRuns.cancel("workflow_run_doesNotExist000000000"), Extend.NotFoundError,
      404, "NOT_FOUND");
  });

  await check("unauthorized", async () => {
    const wrong = new ExtendClient({ token: "sk_wrong_key", baseUrl, timeoutInSeconds: 20 });
    const e = await expectError(() => wrong.workflowRuns.retrieve(runs.processed), Extend.UnauthorizedError, 401,
      "UNAUTHORIZED");
    assert(e.body.message === "Invalid API key", `message ${e.body.message}`);
  });

  await check("list-pagination", async () => {
    const ids = new Set();
    let token;
    let pages = 0;
    do {
      const page = await client.workflowRuns.list({ status: "PROCESSED", maxPageSize: 2, nextPageToken: token });
      assert(page.object === "list", `object ${page.object}`);
      page.data.forEach((s) => {
        assert(s.status === "PROCESSED", `status ${s.status}`);
        assert(typeof s.createdAt === "string" && typeof s.updatedAt === "string", "summary timestamps");
        ids.add(s.id);
      });
      token = page.nextPageToken;
      pages++;
    } while (token && pages < 50);
    assert(ids.size === runs.processedCount, `saw ${ids.size} PROCESSED runs, expected ${runs.processedCount}`);
    assert(pages === Math.ceil(runs.processedCount / 2), `pages ${pages}`);
  });

  let created;
  await check("create", async () => {
    created = await client.workflowRuns.create({
      workflow: { id: "workflow_sdk_compat", version: "draft" },
      file: { url: "https://example.com/files/sdk-invoice.pdf" },
      metadata: { source: "sdk-compat" },
      priority: 10,
    });
    assert(created.status === "PROCESSING", `status ${created.status}`);
    assert(/^workflow_run_/.test(created.id), `id ${created.id}`);
    assert(created.metadata.source === "sdk-compat", "metadata echoed");
    assert(created.files[0].name === "sdk-invoice.pdf", `file name ${created.files[0].name}`);
  });

  await check("update-metadata", async () => {
    const run = await client.workflowRuns.update(created.id, { metadata: { reviewedBy: "sdk" } });
    assert(run.metadata.source === "sdk-compat" && run.metadata.reviewedBy === "sdk", JSON.stringify(run.metadata));
  });

  await check("create-batch-and-list-by-batch", async () => {
    const { batchId } = await client.workflowRuns.createBatch({
      workflow: { id: "workflow_sdk_compat" },
      inputs: [{ file: { url: "https://example.com/a.pdf" } }, { file: { url: "https://example.com/b.pdf" } }],
    });
    assert(/^batch_/.test(batchId), `batchId ${batchId}`);
    const page = await client.workflowRuns.list({ batchId });
    assert(page.data.length === 2, `batch runs ${page.data.length}`);
  });

  await check("delete", async () => {
    const res = await client.workflowRuns.delete(created.id);
    assert(res.id === created.id, `id ${res.id}`);
    await expectError(() => client.workflowRuns.retrieve(created.id), Extend.NotFoundError, 404, "NOT_FOUND");
  });
}

async function processors() {
  await check("extract-run-retrieve", async () => {
    const run = await client.extractRuns.retrieve(runs.extractProcessing);
    assert(run.object === "extract_run" && run.id === runs.extractProcessing, `${run.object} ${run.id}`);
    assert(run.status === "PROCESSING" && run.output === null && run.usage === null, `status ${run.status}`);
    assert(run.extractor.object === "extractor" && run.file.object === "file", "extractor and file");
  });

  await check("extract-run-cancel", async () => {
    const run = await client.extractRuns.cancel(runs.extractProcessing);
    assert(run.object === "extract_run" && run.status === "CANCELLED", `status ${run.status}`);
  });

  await check("parse-run-cancel-pending-refused", async () => {
    const e = await expectError(() => client.parseRuns.cancel(runs.parsePending), Extend.BadRequestError, 400,
      "INVALID_REQUEST");
    assert(/Only PROCESSING/.test(e.body.message), `message ${e.body.message}`);
  });

  await check("split-run-unknown-not-found", async () => {
    const e = await expectError(() => client.splitRuns.retrieve("splr_doesNotExist0000000000"), Extend.NotFoundError,
      404, "NOT_FOUND");
    assert(e.body.message === "Split run not found", `message ${e.body.message}`);
  });

  await check("classify-runs-list-by-source", async () => {
    const ids = new Set();
    let token;
    let pages = 0;
    do {
      const page = await client.classifyRuns.list({ sourceId: runs.classifyParent, maxPageSize: 2,
        nextPageToken: token });
      assert(page.object === "list", `object ${page.object}`);
      page.data.forEach((s) => {
        assert(s.object === "classify_run" && s.classifier.object === "classifier", JSON.stringify(s));
        ids.add(s.id);
      });
      token = page.nextPageToken;
      pages++;
    } while (token && pages < 50);
    assert(ids.size === runs.classifyCount, `saw ${ids.size} classify runs, expected ${runs.classifyCount}`);
  });
}

async function rateLimit() {
  // the simulator allows 1 request per second: one call passes, the other gets 429 + Retry-After: 1,
  // which the SDK honours before its retry
  await check("rate-limit-retry-after", async () => {
    const t0 = Date.now();
    const [a, b] = await Promise.all([client.workflowRuns.retrieve(runs.processed),
      client.workflowRuns.retrieve(runs.processed)]);
    const elapsed = Date.now() - t0;
    assert(a.id === runs.processed && b.id === runs.processed, "both calls succeed");
    assert(elapsed >= 900, `the SDK waited ${elapsed} ms`);
  });
  await check("rate-limit-error-without-retries", async () => {
    await client.workflowRuns.retrieve(runs.processed, {}, { maxRetries: 0 }).catch(() => undefined);
    let error;
    try {
      await client.workflowRuns.retrieve(runs.processed, {}, { maxRetries: 0 });
    } catch (e) {
      error = e;
    }
    assert(error instanceof Extend.TooManyRequestsError, `got ${error}`);
    assert(error.statusCode === 429 && error.body.code === "RATE_LIMIT_EXCEEDED" && error.body.retryable === true,
      JSON.stringify(error.body));
    assert(error.rawResponse.headers.get("retry-after") === "1", "Retry-After header");
  });
}

async function refusal(status) {
  // 400 -> BadRequestError, 422 -> UnprocessableEntityError; 409 is not mapped by the SDK: base ExtendError
  const expected = { 400: Extend.BadRequestError, 409: ExtendError, 422: Extend.UnprocessableEntityError }[status];
  await check(`cancel-refused-${status}`, async () => {
    const e = await expectError(() => client.workflowRuns.cancel(runs.processed), expected, status, "INVALID_REQUEST");
    if (status === 409) {
      assert(e.constructor === ExtendError, `409 maps to ${e.constructor.name}`);
    }
  });
}

/**
 * The webhook management API through the SDK's generated clients, and deliveries checked by the SDK's own
 * verifyAndParse, isSignedUrlEvent and fetchSignedPayload. The receiver is a Node server on 127.0.0.1.
 */
async function webhooks() {
  const received = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(204);
      res.end();
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${server.address().port}/hooks`;
  const waitFor = async (n) => {
    const t0 = Date.now();
    while (received.length < n && Date.now() - t0 < 10000) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert(received.length >= n, `${received.length} deliveries received, expected ${n}`);
    return received;
  };
  const cancelledRun = async () => {
    const run = await client.workflowRuns.create({ workflow: { id: runs.workflowId },
      file: { url: "https://example.com/files/sdk-webhook.pdf" } });
    await client.workflowRuns.cancel(run.id);
    return run.id;
  };
  let endpoint;

  await check("webhook-endpoint-create", async () => {
    endpoint = await client.webhookEndpoints.create({ url, name: "sdk-compat", enabledEvents: [],
      apiVersion: "2026-02-09" });
    assert(endpoint.object === "webhook_endpoint" && /^wh_/.test(endpoint.id), JSON.stringify(endpoint));
    assert(/^wss_/.test(endpoint.signingSecret), "signingSecret in the create answer");
    assert(endpoint.status === "enabled" && endpoint.advancedOptions === null, JSON.stringify(endpoint));
  });

  await check("webhook-endpoint-workflow-run-event-refused", async () => {
    await expectError(() => client.webhookEndpoints.create({ url, name: "global", apiVersion: "2026-02-09",
      enabledEvents: ["workflow_run.cancelled"] }), Extend.BadRequestError, 400, "INVALID_REQUEST");
  });

  await check("webhook-endpoint-retrieve-update-list", async () => {
    const got = await client.webhookEndpoints.retrieve(endpoint.id);
    assert(got.id === endpoint.id && got.signingSecret === undefined, "no secret after creation");
    const updated = await client.webhookEndpoints.update(endpoint.id, { name: "renamed" });
    assert(updated.name === "renamed" && updated.url === url, JSON.stringify(updated));
    const page = await client.webhookEndpoints.list({ status: "enabled" });
    assert(page.object === "list" && page.data.some((e) => e.id === endpoint.id), JSON.stringify(page));
  });

  await check("webhook-subscription-upsert", async () => {
    const first = await client.webhookSubscriptions.create({ webhookEndpointId: endpoint.id, resourceType: "workflow",
      resourceId: runs.workflowId, enabledEvents: ["workflow_run.completed"] });
    const again = await client.webhookSubscriptions.create({ webhookEndpointId: endpoint.id, resourceType: "workflow",
      resourceId: runs.workflowId, enabledEvents: ["workflow_run.cancelled"] });
    assert(first.object === "webhook_subscription" && /^whes_/.test(first.id), JSON.stringify(first));
    assert(again.id === first.id && again.enabledEvents.join() === "workflow_run.cancelled", JSON.stringify(again));
    const page = await client.webhookSubscriptions.list({ webhookEndpointId: endpoint.id });
    assert(page.data.length === 1 && page.data[0].id === first.id, JSON.stringify(page));
    const got = await client.webhookSubscriptions.retrieve(first.id);
    assert(got.resourceId === runs.workflowId, JSON.stringify(got));
  });

  await check("webhook-delivery-verify-and-parse", async () => {
    const runId = await cancelledRun();
    const hook = (await waitFor(1))[0];
    const event = client.webhooks.verifyAndParse(hook.body, hook.headers, endpoint.signingSecret);
    assert(event.eventType === "workflow_run.cancelled", `eventType ${event.eventType}`);
    assert(event.payload.id === runId && event.payload.status === "CANCELLED", JSON.stringify(event.payload));
    assert(/^evt_/.test(event.eventId), `eventId ${event.eventId}`);
    assert(!client.webhooks.verify(hook.body + " ", hook.headers, endpoint.signingSecret), "a changed body fails");
    assert(!client.webhooks.verify(hook.body, hook.headers, "wss_another"), "another secret fails");
  });

  await check("webhook-signed-url-fetch", async () => {
    const signed = await client.webhookEndpoints.create({ url, name: "signed", enabledEvents: [],
      apiVersion: "2026-02-09", advancedOptions: { payload: { format: "url" } } });
    await client.webhookSubscriptions.create({ webhookEndpointId: signed.id, resourceType: "workflow",
      resourceId: runs.workflowId, enabledEvents: ["workflow_run.cancelled"] });
    const deleted = await client.webhookEndpoints.delete(endpoint.id);
    assert(deleted.id === endpoint.id, JSON.stringify(deleted));
    const runId = await cancelledRun();
    const hook = (await waitFor(2))[1];
    let refused;
    try {
      client.webhooks.verifyAndParse(hook.body, hook.headers, signed.signingSecret);
    } catch (e) {
      refused = e;
    }
    assert(refused && refused.name === "SignedUrlNotAllowedError", `got ${refused}`);
    const event = client.webhooks.verifyAndParse(hook.body, hook.headers, signed.signingSecret,
      { allowSignedUrl: true });
    assert(client.webhooks.isSignedUrlEvent(event), JSON.stringify(event));
    assert(event.payload.id === runId, `payload.id ${event.payload.id}`);
    const full = await client.webhooks.fetchSignedPayload(event);
    assert(full.eventId === event.eventId && full.payload.object === "workflow_run" && full.payload.id === runId,
      JSON.stringify(full).slice(0, 200));
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert(received.length === 2, `the deleted endpoint got nothing more: ${received.length} deliveries`);
  });

  server.close();
}

(async () => {
  if (mode === "main") {
    await main();
  } else if (mode === "rate-limit") {
    await rateLimit();
  } else if (mode === "refusal") {
    await refusal(Number(process.argv[3]));
  } else if (mode === "processors") {
    await processors();
  } else if (mode === "webhooks") {
    await webhooks();
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
  console.log(`sdk-compat ${mode}: ${passed} ok, ${failed} not ok`);
  process.exit(failed === 0 && passed > 0 ? 0 : 1);
})().catch((e) => {
  console.log(`sdk-compat crashed: ${e && e.stack}`);
  process.exit(2);
});

// Runs Extend's official TypeScript SDK (npm extend-ai@1.17.0) against a running ExtendSimulator.
// Driven by dev.camelextend.simulator.test.SdkCompatTest, which starts the simulator, seeds runs and passes:
//   SIM_BASE_URL, SIM_API_KEY, SIM_RUNS = {"pending","processing","processed","processedCount"} (JSON), and for the
//   processors mode SIM_RUNS = {"extractProcessing","parsePending","classifyParent","classifyCount"}
// Usage: node sdk-compat.cjs main | rate-limit | refusal <status> | processors
// Prints one "ok - <check>" or "not ok - <check>: <why>" line per check and a summary line; exits 1 if a check failed.
"use strict";

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

(async () => {
  if (mode === "main") {
    await main();
  } else if (mode === "rate-limit") {
    await rateLimit();
  } else if (mode === "refusal") {
    await refusal(Number(process.argv[3]));
  } else if (mode === "processors") {
    await processors();
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
  console.log(`sdk-compat ${mode}: ${passed} ok, ${failed} not ok`);
  process.exit(failed === 0 && passed > 0 ? 0 : 1);
})().catch((e) => {
  console.log(`sdk-compat crashed: ${e && e.stack}`);
  process.exit(2);
});

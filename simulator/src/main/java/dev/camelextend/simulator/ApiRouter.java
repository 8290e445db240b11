// Owns: the rules every API request passes before its endpoint (Authorization: Bearer <key>, the
// x-extend-api-version header, the rate limit), the one path exempt from them (signed payload URLs), and the path
// matching that picks the endpoint (workflow runs, the four kinds of processor run, webhook endpoints and
// subscriptions).
package dev.camelextend.simulator;

import static dev.camelextend.simulator.ErrorReplies.error;
import static dev.camelextend.simulator.ErrorReplies.noSuchEndpoint;
import static dev.camelextend.simulator.ErrorReplies.notAllowed;

/** The simulated API itself: whatever a request gets when no fault or scripted answer takes it. */
final class ApiRouter {

    private final String apiKey;
    private final SimulatorFaults faults;
    private final RunEndpoints runs;
    private final ListEndpoint<SimRun> list;
    private final ProcessorEndpoints processors;
    private final WebhookApi webhooks;

    ApiRouter(String apiKey, SimulatorFaults faults, RunEndpoints runs, ListEndpoint<SimRun> list,
            ProcessorEndpoints processors, WebhookApi webhooks) {
        this.apiKey = apiKey;
        this.faults = faults;
        this.runs = runs;
        this.list = list;
        this.processors = processors;
        this.webhooks = webhooks;
    }

    /** Authentication, version, rate limit, routes. */
    Reply api(SimRequest req) {
        String raw = req.rawPath() == null ? "" : req.rawPath();
        if (raw.startsWith(SignedPayloads.PATH) && raw.length() > SignedPayloads.PATH.length()
                && raw.indexOf('/', SignedPayloads.PATH.length()) < 0) {
            // a signed URL is its own credential, as a presigned download is: no key, no version, no rate limit
            return webhooks.signedPayload(raw.substring(SignedPayloads.PATH.length()), req);
        }
        String auth = req.header("authorization");
        if (auth == null || auth.isBlank()) {
            return error(401, "UNAUTHORIZED", "Missing API key: send an Authorization: Bearer <API key> header", false,
                    req);
        }
        if (!auth.regionMatches(true, 0, "Bearer ", 0, 7)
                || !SimSupport.constantTimeEquals(auth.substring(7).trim(), apiKey)) {
            return error(401, "UNAUTHORIZED", "Invalid API key", false, req);
        }
        String header = ExtendSimulator.API_VERSION_HEADER;
        String version = req.header(header);
        if (version == null || version.isBlank()) {
            return error(400, "INVALID_REQUEST", "Missing " + header + " header: specify an API version such as "
                    + ExtendSimulator.API_VERSION, false, req);
        }
        if (!ExtendSimulator.API_VERSION.equals(version.trim())) {
            return error(400, "INVALID_REQUEST", "Unsupported API version '" + version.trim()
                    + "': this server implements " + ExtendSimulator.API_VERSION, false, req);
        }
        long retryAfter = faults.acquire(RateLimits.categoryOf(req.method(), req.rawPath()), System.nanoTime());
        if (retryAfter > 0) {
            return ErrorReplies.rateLimited(retryAfter, req);
        }
        return route(req);
    }

    private Reply route(SimRequest req) {
        String p = req.rawPath() == null || req.rawPath().isEmpty() ? "/" : req.rawPath();
        if (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        String[] seg = p.substring(1).split("/", -1);
        String m = req.method();
        ProcessorKind kind = ProcessorKind.ofPath(seg[0]);
        if (kind != null) {
            return routeProcessor(kind, seg, req);
        }
        if ("webhook_endpoints".equals(seg[0]) || "webhook_subscriptions".equals(seg[0])) {
            return routeWebhooks("webhook_endpoints".equals(seg[0]), seg, req);
        }
        if (!"workflow_runs".equals(seg[0])) {
            return noSuchEndpoint(req);
        }
        if (seg.length == 1) {
            return switch (m) {
                case "GET" -> list.list(req);
                case "POST" -> runs.create(req);
                default -> notAllowed(req, "GET, POST");
            };
        }
        if (seg.length == 2 && "batch".equals(seg[1]) && "POST".equals(m)) {
            return runs.createBatch(req);
        }
        String id;
        try {
            id = SimSupport.percentDecode(seg[1]);
        } catch (IllegalArgumentException e) {
            return ErrorReplies.runNotFound(req);
        }
        if (seg.length == 2) {
            return switch (m) {
                case "GET" -> runs.get(id, req);
                case "POST" -> runs.update(id, req);
                case "DELETE" -> runs.delete(id, req);
                default -> notAllowed(req, "GET, POST, DELETE");
            };
        }
        if (seg.length == 3 && "cancel".equals(seg[2])) {
            return "POST".equals(m) ? runs.cancel(id, req) : notAllowed(req, "POST");
        }
        return noSuchEndpoint(req);
    }

    /** {@code /{type}_runs}: list, get and cancel; creating, batching and deleting processor runs are not simulated. */
    private Reply routeProcessor(ProcessorKind kind, String[] seg, SimRequest req) {
        String m = req.method();
        if (seg.length == 1) {
            return "GET".equals(m) ? processors.list(kind, req) : notAllowed(req, "GET");
        }
        String id;
        try {
            id = SimSupport.percentDecode(seg[1]);
        } catch (IllegalArgumentException e) {
            return ErrorReplies.notFound(kind.label(), req);
        }
        if (seg.length == 2) {
            return "GET".equals(m) ? processors.get(kind, id, req) : notAllowed(req, "GET");
        }
        if (seg.length == 3 && "cancel".equals(seg[2])) {
            return "POST".equals(m) ? processors.cancel(kind, id, req) : notAllowed(req, "POST");
        }
        return noSuchEndpoint(req);
    }

    /** {@code /webhook_endpoints} and {@code /webhook_subscriptions}: list, create; get, update (POST), delete. */
    private Reply routeWebhooks(boolean endpoints, String[] seg, SimRequest req) {
        String m = req.method();
        if (seg.length == 1) {
            return switch (m) {
                case "GET" -> endpoints ? webhooks.listEndpoints(req) : webhooks.listSubscriptions(req);
                case "POST" -> endpoints ? webhooks.createEndpoint(req) : webhooks.createSubscription(req);
                default -> notAllowed(req, "GET, POST");
            };
        }
        if (seg.length != 2) {
            return noSuchEndpoint(req);
        }
        String what = endpoints ? "Webhook endpoint" : "Webhook subscription";
        String id;
        try {
            id = SimSupport.percentDecode(seg[1]);
        } catch (IllegalArgumentException e) {
            return ErrorReplies.notFound(what, req);
        }
        return switch (m) {
            case "GET" -> endpoints ? webhooks.getEndpoint(id, req) : webhooks.getSubscription(id, req);
            case "POST" -> endpoints ? webhooks.updateEndpoint(id, req) : webhooks.updateSubscription(id, req);
            case "DELETE" -> endpoints ? webhooks.deleteEndpoint(id, req) : webhooks.deleteSubscription(id, req);
            default -> notAllowed(req, "GET, POST, DELETE");
        };
    }
}

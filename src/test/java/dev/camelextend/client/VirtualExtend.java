package dev.camelextend.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import dev.camelextend.model.ExtendJson;
import dev.camelextend.support.VirtualScheduler;
import org.apache.hc.core5.http.Method;
import org.apache.hc.core5.http.message.BasicHttpResponse;

/**
 * Extend's run endpoints in memory and in virtual time, for the rules that span many calls - waits, listings, batch
 * cancels - without a socket: runs of every kind with their statuses, the cancel rule per kind, run lists with
 * status/batch filters and a cursor, and answers that arrive {@link #latency} after the request on the
 * {@link VirtualScheduler}. Scripted faults ({@link #failNext}) answer in place of the next matching requests.
 * Single-threaded, like the scheduler.
 */
final class VirtualExtend implements Sending {

    static final String BASE = "https://api.extend.test";

    final VirtualScheduler scheduler = new VirtualScheduler();
    /** Status by run ID, in creation order. */
    final Map<String, String> status = new LinkedHashMap<>();
    final Map<String, String> batchOf = new LinkedHashMap<>();
    /** What a cancelled run becomes when its cancel loses the race (instead of CANCELLED), by run ID. */
    final Map<String, String> losesRaceTo = new LinkedHashMap<>();
    final List<String> sent = new ArrayList<>();
    final List<Long> sentAtNanos = new ArrayList<>();
    final List<Duration> pauses = new ArrayList<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    Duration latency = Duration.ZERO;
    int inFlight;
    int maxInFlight;
    boolean closed;

    private record Fault(String urlPart, Function<String, Object> answer) {
    }

    ExtendClient client(ExtendClientSettings.Builder settings) {
        return new ExtendClient(settings.baseUrl(BASE).apiKey("sk_virtual").build(), this,
                new ClientTime(scheduler, scheduler::nanoTime, Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"),
                        ZoneOffset.UTC)), ExtendJson.newObjectMapper());
    }

    ExtendClient client() {
        return client(ExtendClientSettings.builder().maxRetries(0));
    }

    /** Adds {@code count} runs of {@code kind} in {@code runStatus} to {@code batch} (null: none); returns their IDs. */
    List<String> add(RunKind kind, String batch, String runStatus, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = prefix(kind) + String.format("%s%05d", runStatus.substring(0, 2).toLowerCase(), status.size());
            status.put(id, runStatus);
            batchOf.put(id, batch);
            ids.add(id);
        }
        return ids;
    }

    /** The next request whose URL contains {@code urlPart} gets {@code answer} (a RawResponse or a Throwable). */
    void failNext(String urlPart, Object answer) {
        faults.add(new Fault(urlPart, url -> answer));
    }

    @Override
    public CompletableFuture<RawResponse> send(ApiRequest request, long budgetEnds) {
        Method method = request.method();
        String url = request.url();
        sent.add(method + " " + url);
        sentAtNanos.add(scheduler.nanoTime());
        if (closed) {
            return CompletableFuture.failedFuture(new IOException("closed"));
        }
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        CompletableFuture<RawResponse> answer = new CompletableFuture<>();
        scheduler.schedule(() -> {
            inFlight--;
            Object reply = reply(method, url);
            if (reply instanceof Throwable t) {
                answer.completeExceptionally(t);
            } else {
                answer.complete((RawResponse) reply);
            }
        }, latency.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
        return answer;
    }

    private Object reply(Method method, String url) {
        for (Fault f : faults) {
            if (url.contains(f.urlPart())) {
                faults.remove(f);
                return f.answer().apply(url);
            }
        }
        String path = url.substring(BASE.length());
        String query = "";
        int q = path.indexOf('?');
        if (q >= 0) {
            query = path.substring(q + 1);
            path = path.substring(0, q);
        }
        String[] seg = path.substring(1).split("/");
        RunKind kind = kindOf(seg[0]);
        if (seg.length == 1 && method == Method.GET) {
            return list(kind, query);
        }
        String id = seg[1];
        String now = status.get(id);
        if (now == null) {
            return answer(404, "{\"code\":\"NOT_FOUND\",\"message\":\"Run not found\",\"retryable\":false}");
        }
        if (seg.length == 3 && method == Method.POST) {
            if (!kind.isCancellable(now)) {
                return answer(400, "{\"code\":\"INVALID_REQUEST\",\"message\":\"Run cannot be cancelled\"}");
            }
            String next = losesRaceTo.containsKey(id) || kind == RunKind.WORKFLOW ? "CANCELLING" : "CANCELLED";
            status.put(id, next);
            return answer(200, runJson(kind, id, next));
        }
        return answer(200, runJson(kind, id, now));
    }

    /**
     * Settles every CANCELLING run: CANCELLED, or the outcome it loses the race to. A test calls it to say "Extend
     * finished the cancels now".
     */
    void settleCancels() {
        status.replaceAll((id, s) -> "CANCELLING".equals(s) ? losesRaceTo.getOrDefault(id, "CANCELLED") : s);
    }

    private Object list(RunKind kind, String query) {
        Map<String, String> q = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                q.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        int size = Integer.parseInt(q.getOrDefault("maxPageSize", "10"));
        String after = q.get("nextPageToken");
        List<String> matching = new ArrayList<>();
        for (Map.Entry<String, String> run : status.entrySet()) {
            if (kindOf(run.getKey()) == kind && (q.get("status") == null || q.get("status").equals(run.getValue()))
                && (q.get("batchId") == null || q.get("batchId").equals(batchOf.get(run.getKey())))) {
                matching.add(run.getKey());
            }
        }
        int from = 0;
        if (after != null) { // keyset: after the run the token names, in creation order
            List<String> all = new ArrayList<>(status.keySet());
            int position = all.indexOf(after.substring(2));
            while (from < matching.size() && all.indexOf(matching.get(from)) <= position) {
                from++;
            }
        }
        int to = Math.min(matching.size(), from + size);
        StringBuilder data = new StringBuilder();
        for (int i = from; i < to; i++) {
            data.append(i > from ? "," : "").append(runJson(kind, matching.get(i), status.get(matching.get(i))));
        }
        String token = to < matching.size() ? ",\"nextPageToken\":\"t_" + matching.get(to - 1) + "\"" : "";
        return answer(200, "{\"object\":\"list\",\"data\":[" + data + "]" + token + "}");
    }

    static String runJson(RunKind kind, String id, String runStatus) {
        return "{\"object\":\"" + kind.objectType() + "\",\"id\":\"" + id + "\",\"status\":\"" + runStatus + "\"}";
    }

    static RunKind kindOf(String collectionOrId) {
        for (RunKind kind : RunKind.values()) {
            if (collectionOrId.equals(kind.collection())) {
                return kind;
            }
        }
        RunKind byId = RunKind.ofId(collectionOrId);
        return byId == null ? RunKind.WORKFLOW : byId;
    }

    private static String prefix(RunKind kind) {
        return switch (kind) {
            case WORKFLOW -> "workflow_run_";
            case EXTRACT -> "exr_";
            case CLASSIFY -> "clr_";
            case SPLIT -> "splr_";
            case PARSE -> "pr_";
        };
    }

    static RawResponse answer(int status, String body, String... headers) {
        BasicHttpResponse head = new BasicHttpResponse(status);
        for (int i = 0; i < headers.length; i += 2) {
            head.addHeader(headers[i], headers[i + 1]);
        }
        head.addHeader("Content-Type", "application/json");
        return new RawResponse(head, body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void pauseFor(Method refused, Duration retryAfter, Duration cap) {
        pauses.add(retryAfter.compareTo(cap) <= 0 ? retryAfter : cap);
    }

    @Override
    public void close() {
        closed = true;
    }
}

// Owns: GET /workflow_runs: the filters (status, workflowId, batchId, fileNameContains), the order (sortBy,
// sortDir), the page size and the nextPageToken cursor.
package dev.camelextend.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static dev.camelextend.simulator.ErrorReplies.invalid;
import static dev.camelextend.simulator.ErrorReplies.json;
import static dev.camelextend.simulator.SimSupport.MAPPER;

/** Answers {@code {"object":"list","data":[WorkflowRunSummary],"nextPageToken":"..."}}; no token on the last page. */
final class ListEndpoint {

    private static final int MAX_PAGE_SIZE = 1000;
    private static final int DEFAULT_PAGE_SIZE = 10;

    private record ListEntry(SimRun run, Instant key, ObjectNode summary) {
    }

    private final RunStore runs;
    private final SimulatorClock clock;

    ListEndpoint(RunStore runs, SimulatorClock clock) {
        this.runs = runs;
        this.clock = clock;
    }

    Reply list(SimRequest req) {
        Map<String, String> q;
        try {
            q = SimSupport.parseQuery(req.rawQuery());
        } catch (IllegalArgumentException e) {
            return invalid("Malformed query string", req);
        }
        String status = q.get("status");
        if (status != null && !ExtendSimulator.RUN_STATUSES.contains(status)) {
            return invalid("status must be one of " + ExtendSimulator.RUN_STATUSES + "; Path: status", req);
        }
        String sortBy = q.getOrDefault("sortBy", "updatedAt");
        if (!sortBy.equals("updatedAt") && !sortBy.equals("createdAt")) {
            return invalid("sortBy must be updatedAt or createdAt; Path: sortBy", req);
        }
        String sortDir = q.getOrDefault("sortDir", "desc");
        if (!sortDir.equals("asc") && !sortDir.equals("desc")) {
            return invalid("sortDir must be asc or desc; Path: sortDir", req);
        }
        int pageSize = DEFAULT_PAGE_SIZE;
        if (q.containsKey("maxPageSize")) {
            try {
                pageSize = Integer.parseInt(q.get("maxPageSize"));
            } catch (NumberFormatException e) {
                pageSize = -1;
            }
            if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
                return invalid("maxPageSize must be an integer from 1 to " + MAX_PAGE_SIZE + "; Path: maxPageSize",
                        req);
            }
        }
        String workflowId = q.get("workflowId");
        String batchId = q.get("batchId");
        String fileNameContains = q.get("fileNameContains");
        Instant now = clock.now();
        List<ListEntry> entries = new ArrayList<>();
        for (SimRun run : runs.all()) {
            ObjectNode summary;
            Instant key;
            synchronized (run) {
                run.catchUp(now);
                if (status != null && !status.equals(run.status())
                        || workflowId != null && !workflowId.equals(run.workflowId)
                        || batchId != null && !batchId.equals(run.batchId)
                        || fileNameContains != null && !run.fileNameContains(fileNameContains)) {
                    continue;
                }
                key = "createdAt".equals(sortBy) ? run.createdAt : run.updatedAt();
                summary = run.toSummaryJson();
            }
            entries.add(new ListEntry(run, key, summary));
        }
        Comparator<ListEntry> order = Comparator.comparing(ListEntry::key).thenComparing(e -> e.run().id);
        if ("desc".equals(sortDir)) {
            order = order.reversed();
        }
        entries.sort(order);
        int from = 0;
        String token = q.get("nextPageToken");
        if (token != null && !token.isEmpty()) {
            ListEntry cursor = decodeToken(token, sortBy, sortDir);
            if (cursor == null) {
                return invalid("Invalid nextPageToken; Path: nextPageToken", req);
            }
            while (from < entries.size() && order.compare(entries.get(from), cursor) <= 0) {
                from++;
            }
        }
        int to = Math.min(entries.size(), from + pageSize);
        ObjectNode out = MAPPER.createObjectNode();
        out.put("object", "list");
        ArrayNode data = out.putArray("data");
        for (int i = from; i < to; i++) {
            data.add(entries.get(i).summary());
        }
        if (to < entries.size()) {
            ListEntry last = entries.get(to - 1);
            out.put("nextPageToken", encodeToken(sortBy, sortDir, last.key(), last.run().id));
        }
        return json(200, out);
    }

    private static String encodeToken(String sortBy, String sortDir, Instant key, String id) {
        String raw = "v1|" + sortBy + "|" + sortDir + "|" + key.getEpochSecond() + "." + key.getNano() + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** @return a fake entry positioned at the cursor, or null when the token is invalid or from other parameters */
    private static ListEntry decodeToken(String token, String sortBy, String sortDir) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|", 5);
            if (parts.length != 5 || !"v1".equals(parts[0]) || !sortBy.equals(parts[1]) || !sortDir.equals(parts[2])) {
                return null;
            }
            String[] t = parts[3].split("\\.");
            Instant key = Instant.ofEpochSecond(Long.parseLong(t[0]), Long.parseLong(t[1]));
            SimRun marker = new SimRun(parts[4], "", "", "", "", null, null, key, null, null, null, false);
            return new ListEntry(marker, key, null);
        } catch (RuntimeException e) {
            return null;
        }
    }
}

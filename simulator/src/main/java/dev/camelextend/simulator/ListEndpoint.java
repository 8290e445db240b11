// Owns: the list endpoints (GET /workflow_runs, GET /{type}_runs): their query parameters (one status, the ID filters,
// fileNameContains, sortBy, sortDir, maxPageSize), the nextPageToken cursor, and the walk over a RunIndex that fills
// one page.
package dev.camelextend.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;

import static dev.camelextend.simulator.ErrorReplies.invalid;
import static dev.camelextend.simulator.ErrorReplies.json;

/**
 * Answers {@code {"object":"list","data":[summary],"nextPageToken":"..."}}; no token on the last page.
 * <p>
 * The cursor is a keyset: the sort instant and ID of the last entry returned, and the next page starts strictly after
 * it, so runs that change between pages are not listed twice and a run whose status leaves the filter is simply not
 * listed. With {@code sortBy=updatedAt} a change also moves a run: in {@code desc} order to a place before the cursor,
 * in {@code asc} order ahead of it, where the walk would meet it a second time. The token therefore also carries the
 * index's change count at the first page, and an updatedAt walk skips runs that moved after it: a listing shows each
 * run at most once, as it stood when the listing began.
 */
final class ListEndpoint<R extends RunIndex.Member> {


    private final RunIndex<R> index;
    private final SimulatorClock clock;
    private final List<String> statuses;
    /** query parameter of an ID filter -> the dimension name of RunIndex.dim, e.g. batchId -> batch */
    private final Map<String, String> idFilters;

    /**
     * @param statuses  the values the {@code status} parameter accepts
     * @param idFilters each ID filter's query parameter and the {@link RunIndex#dim} name it selects, in order
     */
    ListEndpoint(RunIndex<R> index, SimulatorClock clock, List<String> statuses, Map<String, String> idFilters) {
        this.index = index;
        this.clock = clock;
        this.statuses = List.copyOf(statuses);
        this.idFilters = new LinkedHashMap<>(idFilters);
    }

    Reply list(SimRequest req) {
        Map<String, String> q;
        try {
            q = SimSupport.parseQuery(req.rawQuery());
        } catch (IllegalArgumentException e) {
            return invalid("Malformed query string", req);
        }
        String status = q.get("status");
        if (status != null && !statuses.contains(status)) {
            return invalid("status must be one of " + statuses + "; Path: status", req);
        }
        String sortBy = q.getOrDefault("sortBy", "updatedAt");
        if (!sortBy.equals("updatedAt") && !sortBy.equals("createdAt")) {
            return invalid("sortBy must be updatedAt or createdAt; Path: sortBy", req);
        }
        PageParams params;
        try {
            params = PageParams.of(q);
        } catch (PageParams.Invalid e) {
            return invalid(e.getMessage(), req);
        }
        String sortDir = params.sortDir();
        int pageSize = params.size();
        Cursor<R> cursor = null;
        String token = q.get("nextPageToken");
        if (token != null && !token.isEmpty()) {
            cursor = decodeToken(token, sortBy, sortDir);
            if (cursor == null) {
                return invalid("Invalid nextPageToken; Path: nextPageToken", req);
            }
        }
        List<String> fixed = new ArrayList<>();
        idFilters.forEach((param, dim) -> {
            if (q.get(param) != null) {
                fixed.add(RunIndex.dim(dim, q.get(param)));
            }
        });
        Instant now = clock.now();
        index.catchUp(now);
        Page<R> page = new Page<>(sortBy, sortDir, pageSize, status, fixed, q.get("fileNameContains"),
                cursor == null ? null : cursor.after(), cursor != null ? cursor.asOf() : index.changeCount(), now);
        return json(200, g -> write(page, g));
    }

    /** One page to fill: the validated parameters, where it starts, and the instant it is read at. */
    private record Page<R extends RunIndex.Member>(String sortBy, String sortDir, int size, String status,
            List<String> fixed, String fileNameContains, RunIndex.Key<R> after, long asOf, Instant now) {
        boolean byCreated() {
            return "createdAt".equals(sortBy);
        }
    }

    private void write(Page<R> p, JsonGenerator g) throws IOException {
        List<String> dims = new ArrayList<>(p.fixed());
        if (p.status() != null) {
            dims.add(RunIndex.statusDim(p.status()));
        }
        g.writeStartObject();
        g.writeStringField("object", "list");
        g.writeArrayFieldStart("data");
        int count = 0;
        RunIndex.Key<R> last = null;
        boolean more = false;
        for (RunIndex.Key<R> key : index.scan(p.byCreated(), "desc".equals(p.sortDir()), p.after(), dims)) {
            RunIndex<R>.Slot slot = key.slot();
            R run = slot.run;
            synchronized (run) {
                run.catchUp(p.now());
                // keys are read without a lock: skip those of deleted runs and those a change has just replaced
                if (slot.removed || !(p.byCreated() ? slot.createdAt : run.updatedAt()).equals(key.at())
                        || !p.byCreated() && slot.changedSince(p.asOf()) || !slot.hasAll(p.fixed())
                        || p.status() != null && !p.status().equals(run.status())
                        || p.fileNameContains() != null && !run.fileNameContains(p.fileNameContains())) {
                    continue;
                }
                if (count == p.size()) {
                    more = true; // one match past the page: there is a next page
                    break;
                }
                run.writeSummary(g);
                count++;
                last = key;
            }
        }
        g.writeEndArray();
        if (more) {
            g.writeStringField("nextPageToken", encodeToken(p.sortBy(), p.sortDir(), last.at(), p.asOf(), last.id()));
        }
        g.writeEndObject();
    }

    /** Where the next page starts, and the change count of the listing's first page. */
    private record Cursor<R extends RunIndex.Member>(RunIndex.Key<R> after, long asOf) {
    }

    private static String encodeToken(String sortBy, String sortDir, Instant key, long asOf, String id) {
        String raw = "v2|" + sortBy + "|" + sortDir + "|" + key.getEpochSecond() + "." + key.getNano() + "|" + asOf
                + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** @return the cursor, or null when the token is invalid or was made for other sort parameters */
    private static <R extends RunIndex.Member> Cursor<R> decodeToken(String token, String sortBy, String sortDir) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|", 6);
            if (parts.length != 6 || !"v2".equals(parts[0]) || !sortBy.equals(parts[1]) || !sortDir.equals(parts[2])) {
                return null;
            }
            String[] t = parts[3].split("\\.");
            Instant key = Instant.ofEpochSecond(Long.parseLong(t[0]), Long.parseLong(t[1]));
            return new Cursor<>(new RunIndex.Key<>(key, parts[5], null), Long.parseLong(parts[4]));
        } catch (RuntimeException e) {
            return null;
        }
    }
}

package dev.camelextend.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The filters and order of a run listing, as {@code GET /workflow_runs} (and the processor kinds' lists) take them,
 * checked where they enter so that nothing else can reach the query string. Extend's list takes one status per
 * request; {@code statuses} may hold several, and a listing asks for each in turn (see {@link PagedRuns}).
 *
 * @param statuses         the statuses to list (empty: every status); each of {@code [A-Z_]}, as Extend spells them
 * @param workflowId       only runs of this workflow, or null
 * @param batchId          only runs of this batch, or null
 * @param sourceId         only processor runs started by this source (e.g. a {@code workflow_run_...}), or null;
 *                         processor kinds only
 * @param fileNameContains only runs whose file name contains this text, or null
 * @param sortBy           {@code updatedAt} or {@code createdAt}, or null for Extend's default ({@code updatedAt})
 * @param sortDir          {@code asc} or {@code desc}, or null for Extend's default ({@code desc})
 * @param maxPageSize      1 to {@value #MAX_PAGE_SIZE} runs per page, or null for Extend's default
 */
public record RunListQuery(List<String> statuses, String workflowId, String batchId, String sourceId,
                           String fileNameContains, String sortBy, String sortDir, Integer maxPageSize) {

    /** The largest page Extend documents for its list endpoints. */
    public static final int MAX_PAGE_SIZE = 1000;

    /** The longest {@code fileNameContains} sent: a file name, not a document. */
    static final int MAX_TEXT_LENGTH = 1024;

    /**
     * @throws IllegalArgumentException naming the filter, for a value Extend would not accept or that could not be
     *                                  sent as it is
     */
    public RunListQuery {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        for (String status : statuses) {
            if (status == null || status.isEmpty() || status.length() > 64 || !status.chars()
                    .allMatch(c -> c >= 'A' && c <= 'Z' || c == '_')) {
                throw new IllegalArgumentException("status: '" + status + "' is not a run status (upper-case letters"
                                                   + " and '_', such as PROCESSING)");
            }
        }
        checkId("workflowId", workflowId);
        checkId("batchId", batchId);
        checkId("sourceId", sourceId);
        if (fileNameContains != null && (fileNameContains.isEmpty() || fileNameContains.length() > MAX_TEXT_LENGTH
                                         || fileNameContains.chars().anyMatch(Character::isISOControl))) {
            throw new IllegalArgumentException("fileNameContains must be 1 to " + MAX_TEXT_LENGTH + " characters"
                                               + " without control characters");
        }
        if (sortBy != null && !sortBy.equals("updatedAt") && !sortBy.equals("createdAt")) {
            throw new IllegalArgumentException("sortBy must be updatedAt or createdAt, not '" + sortBy + "'");
        }
        if (sortDir != null && !sortDir.equals("asc") && !sortDir.equals("desc")) {
            throw new IllegalArgumentException("sortDir must be asc or desc, not '" + sortDir + "'");
        }
        if (maxPageSize != null && (maxPageSize < 1 || maxPageSize > MAX_PAGE_SIZE)) {
            throw new IllegalArgumentException("maxPageSize must be 1 to " + MAX_PAGE_SIZE + ", not " + maxPageSize);
        }
    }

    private static void checkId(String name, String id) {
        if (id != null) {
            String problem = RunId.idProblem(id, name);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
        }
    }

    /** The same query for one status of {@link #statuses} (null: no status filter). */
    RunListQuery withOnlyStatus(String status) {
        return new RunListQuery(status == null ? List.of() : List.of(status), workflowId, batchId, sourceId,
                fileNameContains, sortBy, sortDir, maxPageSize);
    }

    /**
     * The URL of one page: the list of {@code kind} under {@code baseUrl} with at most one status of this query.
     *
     * @param pageToken the page to ask for, or null for the first
     * @throws IllegalStateException when the query still has several statuses
     */
    String url(String baseUrl, RunKind kind, String pageToken) {
        if (statuses.size() > 1) {
            throw new IllegalStateException("one request lists one status");
        }
        StringBuilder url = new StringBuilder(baseUrl).append('/').append(kind.collection());
        char sep = '?';
        sep = param(url, sep, "status", statuses.isEmpty() ? null : statuses.get(0));
        sep = param(url, sep, "workflowId", workflowId);
        sep = param(url, sep, "batchId", batchId);
        sep = param(url, sep, "sourceId", sourceId);
        sep = param(url, sep, "fileNameContains", fileNameContains);
        sep = param(url, sep, "sortBy", sortBy);
        sep = param(url, sep, "sortDir", sortDir);
        sep = param(url, sep, "maxPageSize", maxPageSize == null ? null : maxPageSize.toString());
        param(url, sep, "nextPageToken", pageToken);
        return url.toString();
    }

    /** Appends {@code name=value}, encoded, when there is a value; the separator for the next one. */
    static char param(StringBuilder url, char sep, String name, String value) {
        if (value == null) {
            return sep;
        }
        // form encoding writes a space as '+', which a query decodes as a space too; %20 is unambiguous everywhere
        url.append(sep).append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
        return '&';
    }

    /** For log lines: the filters that are set, never a page token. */
    String describe() {
        StringBuilder s = new StringBuilder();
        if (!statuses.isEmpty()) {
            s.append("status ").append(String.join("|", statuses));
        }
        append(s, "workflow", workflowId);
        append(s, "batch", batchId);
        append(s, "source", sourceId);
        append(s, "file name containing", fileNameContains == null ? null : "'" + fileNameContains + "'");
        return s.isEmpty() ? "all runs" : s.toString();
    }

    private static void append(StringBuilder s, String what, String value) {
        if (value != null) {
            s.append(s.isEmpty() ? "" : ", ").append(what).append(' ').append(value);
        }
    }
}

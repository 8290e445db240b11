package dev.camelextend.client;

/**
 * A checked workflow-run ID, and the rule for every Extend ID the component sends (a run ID in a URL path, a workspace
 * ID in a header): 1 to 255 characters of {@code [A-Za-z0-9_-]}. Extend IDs look like
 * {@code workflow_run_xKm9pNv3qWsY_jL2tR5Dh}; Extend may lengthen opaque IDs up to 255 characters. The rule rejects
 * everything that could leave its path segment ({@code /}, {@code .}, {@code %}, whitespace, control characters), so
 * no input can reach another API path - and since those characters URL-encode to themselves, the ID is its own path
 * segment.
 * <p>
 * The rule runs once, where the ID enters ({@link #of}); the client takes only a {@code RunId}, so it never checks
 * again.
 */
public final class RunId {

    public static final int MAX_LENGTH = 255;

    private final String value;

    private RunId(String value) {
        this.value = value;
    }

    /**
     * @return the ID as a checked {@code RunId}
     * @throws IllegalArgumentException saying why, when {@code id} is not a valid run ID
     */
    public static RunId of(String id) {
        String problem = problem(id);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return new RunId(id);
    }

    /** @return why {@code id} is not acceptable, or null when it is a valid run ID */
    public static String problem(String id) {
        return problem(id, "workflow-run ID");
    }

    /**
     * The same rule for a workspace ID, which travels in the {@code x-extend-workspace-id} header: letters outside
     * ASCII would be sent as {@code ?} (so two distinct workspaces would look alike), and CR/LF could split the header.
     *
     * @return why {@code id} is not acceptable, or null when it is a valid workspace ID
     */
    public static String workspaceProblem(String id) {
        return problem(id, "workspace ID");
    }

    /**
     * The same rule for any other Extend ID the component sends (a workflow, batch or source ID in a query).
     *
     * @param what how a message names the ID, e.g. {@code batchId}
     * @return why {@code id} is not acceptable, or null
     */
    public static String idProblem(String id, String what) {
        return problem(id, what);
    }

    private static String problem(String id, String what) {
        if (id == null) {
            return "no " + what + " was given";
        }
        if (id.isEmpty()) {
            return "the " + what + " is blank";
        }
        if (id.length() > MAX_LENGTH) {
            return "the " + what + " is " + id.length() + " characters long; at most " + MAX_LENGTH + " are allowed";
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
            if (!ok) {
                return "the " + what + " contains a character other than letters, digits, '_' and '-' (at index " + i
                       + ")";
            }
        }
        return null;
    }

    /** The ID as Extend knows it. */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunId other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}

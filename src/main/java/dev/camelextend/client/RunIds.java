package dev.camelextend.client;

/**
 * The rule for a workflow-run ID that may be put in a URL path: 1 to 255 characters of {@code [A-Za-z0-9_-]}. Extend
 * IDs look like {@code workflow_run_xKm9pNv3qWsY_jL2tR5Dh}; Extend may lengthen opaque IDs up to 255 characters. The
 * rule rejects everything that could leave its path segment ({@code /}, {@code .}, {@code %}, whitespace, control
 * characters), so no input can reach another API path.
 */
public final class RunIds {

    public static final int MAX_LENGTH = 255;

    private RunIds() {
    }

    /** @return why {@code id} is not acceptable, or null when it is a valid run ID */
    public static String problem(String id) {
        if (id == null) {
            return "no workflow-run ID was given";
        }
        if (id.isEmpty()) {
            return "the workflow-run ID is blank";
        }
        if (id.length() > MAX_LENGTH) {
            return "the workflow-run ID is " + id.length() + " characters long; at most " + MAX_LENGTH + " are allowed";
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
            if (!ok) {
                return "the workflow-run ID contains a character other than letters, digits, '_' and '-' (at index " + i
                       + ")";
            }
        }
        return null;
    }

    /** @return the ID, trimmed and checked */
    static String require(String id) {
        String problem = problem(id);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return id;
    }
}

// Owns: the paging parameters every list endpoint of the simulator takes alike - sortDir and maxPageSize, with
// Extend's range and default - and the 400 message for each.
package dev.camelextend.simulator;

import java.util.Map;

/** {@code sortDir} ({@code asc}|{@code desc}, default {@code desc}) and {@code maxPageSize} (1-1000, default 10). */
record PageParams(String sortDir, int size) {

    static final int MAX_PAGE_SIZE = 1000;
    static final int DEFAULT_PAGE_SIZE = 10;

    /** A parameter Extend would refuse; its message is the 400's. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    static PageParams of(Map<String, String> q) throws Invalid {
        String sortDir = q.getOrDefault("sortDir", "desc");
        if (!sortDir.equals("asc") && !sortDir.equals("desc")) {
            throw new Invalid("sortDir must be asc or desc; Path: sortDir");
        }
        int size = DEFAULT_PAGE_SIZE;
        if (q.containsKey("maxPageSize")) {
            try {
                size = Integer.parseInt(q.get("maxPageSize"));
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 1 || size > MAX_PAGE_SIZE) {
                throw new Invalid("maxPageSize must be an integer from 1 to " + MAX_PAGE_SIZE + "; Path: maxPageSize");
            }
        }
        return new PageParams(sortDir, size);
    }
}

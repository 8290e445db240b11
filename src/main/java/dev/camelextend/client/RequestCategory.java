package dev.camelextend.client;

import org.apache.hc.core5.http.Method;

/**
 * The categories Extend counts requests in for its rate limits. Each has its own bucket, and "hitting the limit for
 * one category does not affect the others" (https://docs.extend.ai/2026-02-09/general/rate-limits); an organization's
 * plan sets the same rate for each (10 requests/s on PAYG, 25+ on Scale, 75+ on Enterprise), and an admin may cap a
 * workspace lower. So the client-side limiter keeps one pace per account, workspace and category
 * ({@link RateLimiters}), and a 429 pauses only the category of the request that was refused ({@link Pacing}).
 * <p>
 * Which category a request is in follows from its HTTP method alone: {@link #of}.
 */
public enum RequestCategory {

    /** Extend's GET category: reads - get a run, list runs, results, and the health probe. */
    READ("reads"),

    /** Extend's WRITE category: mutating calls that do not submit files - cancel, update, delete. */
    WRITE("writes"),

    /**
     * Extend's RUN category: calls that submit files (runs, workflows, batches). The component sends none yet, so
     * {@link #of} never answers it and no limiter is kept for it; a request that submits files needs its own rule
     * here and its own limiter before it is sent.
     */
    RUN("runs");

    private final String label;

    RequestCategory(String label) {
        this.label = label;
    }

    /**
     * The one rule: a GET is a read; every other method the component sends (POST, DELETE, ...) is a write, because
     * none of its requests submits files.
     */
    public static RequestCategory of(Method method) {
        return method == Method.GET ? READ : WRITE;
    }

    /** The plural noun for messages: "reads", "writes", "runs". */
    public String label() {
        return label;
    }
}

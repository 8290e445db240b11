package dev.camelextend.simulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.camelextend.simulator.RateLimits.Category.GET;
import static dev.camelextend.simulator.RateLimits.Category.RUN;
import static dev.camelextend.simulator.RateLimits.Category.WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The per-category sliding seconds, driven with explicit instants instead of real time (package-private, hence this
 * package). The HTTP side (429 body, Retry-After header, categories of real requests) is in the test package.
 */
class RateLimitsTest {

    static final long S = 1_000_000_000L;
    static final long T = 5 * S;

    @Test
    void eachCategoryHasASlidingSecondOfItsOwn() {
        RateLimits limits = new RateLimits();
        limits.limit(GET, 2);
        limits.limit(WRITE, 1);
        assertEquals(0, limits.acquire(GET, T));
        assertEquals(0, limits.acquire(GET, T + 100));
        assertEquals(1, limits.acquire(GET, T + 200), "third GET in the second: Retry-After 1");
        assertEquals(0, limits.acquire(WRITE, T + 300), "another category's bucket is untouched");
        assertEquals(1, limits.acquire(WRITE, T + 400));
        for (int i = 0; i < 100; i++) {
            assertEquals(0, limits.acquire(RUN, T + i), "no limit on RUN");
        }
        // the window slides: a second after the first GET, one place is free again
        assertEquals(1, limits.acquire(GET, T + S - 1));
        assertEquals(0, limits.acquire(GET, T + S));
        assertEquals(1, limits.acquire(GET, T + S + 50), "the second GET still holds its place until T + 1 s + 100");
        assertEquals(0, limits.acquire(GET, T + S + 100));
    }

    @Test
    void refusedRequestsDoNotCountAndAreCounted() {
        RateLimits limits = new RateLimits();
        limits.limitAll(1);
        assertEquals(0, limits.acquire(GET, T));
        for (int i = 1; i <= 5; i++) {
            assertEquals(1, limits.acquire(GET, T + i));
        }
        assertEquals(0, limits.acquire(GET, T + S), "refused requests took no place in the window");
        assertEquals(0, limits.acquire(WRITE, T));
        assertEquals(7, limits.requests(GET));
        assertEquals(5, limits.refused(GET));
        assertEquals(1, limits.requests(WRITE));
        assertEquals(0, limits.refused(WRITE));
        assertEquals(5, limits.refusedTotal());
        limits.clearCounts();
        assertEquals(0, limits.requests(GET));
        assertEquals(0, limits.refusedTotal());
    }

    @Test
    void countsAreKeptWithoutALimitToo() {
        RateLimits limits = new RateLimits();
        for (int i = 0; i < 3; i++) {
            assertEquals(0, limits.acquire(RUN, T + i));
        }
        assertEquals(3, limits.requests(RUN));
        assertEquals(0, limits.refused(RUN));
    }

    @Test
    void retryAfterIsTheWholeSecondsUntilAPlaceIsFreeAtLeastOne() {
        RateLimits limits = new RateLimits();
        limits.limit(WRITE, 1);
        assertEquals(0, limits.acquire(WRITE, T));
        assertEquals(1, limits.acquire(WRITE, T + 1));
        assertEquals(1, limits.acquire(WRITE, T + S - 1));
    }

    @Test
    void settingALimitEmptiesThatWindowOnly() {
        RateLimits limits = new RateLimits();
        limits.limitAll(1);
        assertEquals(0, limits.acquire(GET, T));
        assertEquals(0, limits.acquire(WRITE, T));
        limits.limit(GET, 1);
        assertEquals(0, limits.acquire(GET, T + 1), "the GET window was emptied");
        assertEquals(1, limits.acquire(WRITE, T + 1), "the WRITE window was not");
        limits.limitAll(0);
        assertEquals(0, limits.acquire(WRITE, T + 2));
    }

    @ParameterizedTest
    @CsvSource({ "GET,/workflow_runs/workflow_run_x,GET", "GET,/workflow_runs,GET", "HEAD,/workflow_runs,GET",
            "GET,/extract_runs,GET", "GET,/nowhere,GET", "POST,/workflow_runs,RUN", "POST,/workflow_runs/,RUN",
            "POST,/workflow_runs/batch,RUN", "POST,/extract_runs/batch,RUN", "POST,/parse_runs,RUN",
            "POST,/workflow_runs/workflow_run_x/cancel,WRITE", "POST,/extract_runs/exr_x/cancel,WRITE",
            "POST,/workflow_runs/workflow_run_x,WRITE", "DELETE,/workflow_runs/workflow_run_x,WRITE",
            "PUT,/workflow_runs,WRITE", "POST,/webhook_endpoints,WRITE", "POST,/webhook_subscriptions,WRITE",
            "POST,/webhook_endpoints/wh_x,WRITE", "DELETE,/webhook_subscriptions/whes_x,WRITE",
            "GET,/webhook_endpoints,GET" })
    void theCategoryOfARequest(String method, String path, RateLimits.Category expected) {
        assertEquals(expected, RateLimits.categoryOf(method, path));
    }
}

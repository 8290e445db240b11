package dev.camelextend.client;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import dev.camelextend.support.VirtualScheduler;
import org.apache.hc.core5.http.Method;
import org.apache.hc.core5.http.message.BasicHttpResponse;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rate limiter in front of dispatch, in virtual time: requests leave at the rate, a pause holds them, and a slot
 * that would come after the call's budget fails the request at once, with nothing sent.
 */
class PacingTest {

    static final Duration BUDGET = Duration.ofSeconds(3);

    final VirtualScheduler scheduler = new VirtualScheduler();
    final RateLimiter limiter = new RateLimiter(10, scheduler::nanoTime); // one slot per 100 ms
    final List<Long> dispatchedAtMillis = new ArrayList<>();
    // the requests here are GETs: reads, paced by the read limiter (CategoryPacingTest has both categories)
    final Pacing pacing = new Pacing(limiter, null, request -> {
        dispatchedAtMillis.add(scheduler.nanoTime() / 1_000_000);
        return CompletableFuture.completedFuture(new RawResponse(new BasicHttpResponse(200), new byte[0]));
    }, () -> false, () -> { }, new ClientTime(scheduler, scheduler::nanoTime, Clock.systemUTC()), BUDGET);

    private CompletableFuture<RawResponse> send() {
        return pacing.send(Method.GET, "https://api.extend.test/workflow_runs/x", null,
                scheduler.nanoTime() + BUDGET.toNanos());
    }

    private static Pacing.RateLimitWaitException noSlot(CompletableFuture<RawResponse> sent) {
        assertTrue(sent.isCompletedExceptionally(), "failed at once");
        try {
            sent.join();
            throw new AssertionError("not failed");
        } catch (CompletionException e) {
            return assertInstanceOf(Pacing.RateLimitWaitException.class, e.getCause());
        }
    }

    @Test
    void requestsLeaveAtTheRate() {
        List<CompletableFuture<RawResponse>> sent = List.of(send(), send(), send());

        scheduler.advance(Duration.ofSeconds(1));

        assertEquals(List.of(0L, 100L, 200L), dispatchedAtMillis);
        sent.forEach(f -> assertFalse(f.isCompletedExceptionally()));
    }

    @Test
    void aPauseWithinTheBudgetHoldsTheRequestUntilItEnds() {
        limiter.pauseFor(Duration.ofSeconds(2));
        CompletableFuture<RawResponse> sent = send();

        scheduler.advance(Duration.ofMillis(1_999));
        assertFalse(sent.isDone());
        scheduler.advance(Duration.ofMillis(1));

        assertEquals(List.of(2_000L), dispatchedAtMillis);
    }

    @Test
    void aPauseBeyondTheBudgetFailsAtOnceAndTakesNoSlot() {
        limiter.pauseFor(Duration.ofSeconds(30));

        Pacing.RateLimitWaitException e = noSlot(send());

        assertEquals(Duration.ofSeconds(30), e.pause());
        assertTrue(e.getMessage().contains("3000 ms"), e.getMessage());
        assertEquals(0, scheduler.pending(), "nothing waits");
        scheduler.advance(Duration.ofSeconds(30));
        CompletableFuture<RawResponse> after = send();
        scheduler.advance(Duration.ZERO);
        assertTrue(after.isDone() && !after.isCompletedExceptionally(),
                "the refused request took no slot: the next one goes as soon as the pause is over");
    }

    @Test
    void aPauseThatComesWhileARequestWaitsEndsItWhenItOutlastsTheBudget() {
        send();                                       // leaves at 0
        CompletableFuture<RawResponse> second = send(); // its slot is at 100 ms
        scheduler.advance(Duration.ofMillis(50));
        limiter.pauseFor(Duration.ofSeconds(10));      // a 429 elsewhere pauses the account

        scheduler.advance(Duration.ofMillis(50));

        noSlot(second);
        assertEquals(List.of(0L), dispatchedAtMillis);
    }

    @Test
    void aBurstLargerThanTheBudgetCanServeFailsItsTailFastInsteadOfQueueing() {
        List<CompletableFuture<RawResponse>> sent = new ArrayList<>();
        for (int i = 0; i < 40; i++) { // 4 s of slots at 10/s, 3 s of budget each
            sent.add(send());
        }

        long refusedAtOnce = sent.stream().filter(CompletableFuture::isCompletedExceptionally).count();
        scheduler.advance(Duration.ofSeconds(5));

        assertEquals(9, refusedAtOnce, "slots at 3.1 s and later are refused (a slot at exactly 3 s still counts)");
        assertEquals(31, dispatchedAtMillis.size());
    }
}

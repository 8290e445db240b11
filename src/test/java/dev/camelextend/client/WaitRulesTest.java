package dev.camelextend.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import dev.camelextend.client.ExtendCallFailure.Kind;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Waiting for a run to settle - after a cancel, or for any run - in virtual time: the poll schedule, the race a
 * cancel can lose, the timeout, transient and final poll failures, the close, and every run kind.
 */
class WaitRulesTest {

    final VirtualExtend extend = new VirtualExtend();
    final ExtendClient client = extend.client();
    final WaitSettings wait = new WaitSettings(Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofSeconds(30),
            3);

    private String oneRun(RunKind kind, String status) {
        return extend.add(kind, null, status, 1).get(0);
    }

    private static ExtendCallFailure failure(CompletableFuture<ExtendResponse> call) {
        assertTrue(call.isCompletedExceptionally(), "the wait failed");
        try {
            call.join();
            throw new AssertionError("not failed");
        } catch (CompletionException e) {
            return assertInstanceOf(ExtendCallFailure.class, e.getCause());
        }
    }

    private long polls() {
        return extend.sent.stream().filter(s -> s.startsWith("GET ")).count();
    }

    @Test
    void aCancelThatWinsEndsWithTheCancelledRunAtThePollThatSeesIt() {
        String id = oneRun(RunKind.WORKFLOW, "PROCESSING");
        CompletableFuture<ExtendResponse> call = client.cancelAndAwait(RunKind.WORKFLOW, RunId.of(id), null, wait);
        extend.scheduler.advance(Duration.ZERO);
        assertEquals("CANCELLING", extend.status.get(id));

        extend.scheduler.advance(Duration.ofMillis(749)); // the first poll comes 750-1250 ms after the cancel
        assertEquals(0, polls(), "no poll before three quarters of pollInterval");
        extend.scheduler.advance(Duration.ofMillis(502));
        assertEquals(1, polls());
        assertFalse(call.isDone(), "still CANCELLING: the wait goes on");

        extend.settleCancels();
        extend.scheduler.advance(Duration.ofMillis(1251));

        ExtendResponse settled = call.join();
        assertEquals("CANCELLED", settled.run().getRawStatus());
        assertEquals(3, settled.attempts(), "the cancel and two polls");
    }

    @Test
    void aCancelThatLosesTheRaceEndsWithTheStatusTheRunFinishedIn() {
        String id = oneRun(RunKind.WORKFLOW, "PROCESSING");
        extend.losesRaceTo.put(id, "PROCESSED");
        CompletableFuture<ExtendResponse> call = client.cancelAndAwait(RunKind.WORKFLOW, RunId.of(id), null, wait);
        extend.scheduler.advance(Duration.ZERO);
        extend.settleCancels();
        extend.scheduler.advance(Duration.ofSeconds(2));

        assertEquals("PROCESSED", call.join().run().getRawStatus());
    }

    @Test
    void aCancelAnsweredWithASettledRunSendsNoPoll() {
        String id = oneRun(RunKind.EXTRACT, "PROCESSING"); // processor runs are CANCELLED at once
        CompletableFuture<ExtendResponse> call = client.cancelAndAwait(RunKind.EXTRACT, RunId.of(id), null, wait);
        extend.scheduler.advance(Duration.ZERO);

        assertEquals("CANCELLED", call.join().run().getRawStatus());
        assertEquals(List.of("POST " + VirtualExtend.BASE + "/extract_runs/" + id + "/cancel"), extend.sent);
    }

    @Test
    void aWaitThatRunsOutOfTimeFailsAtItsTimeoutWithTheStatusLastSeen() {
        String id = oneRun(RunKind.WORKFLOW, "PROCESSING");
        WaitSettings short20s = new WaitSettings(Duration.ofSeconds(20), Duration.ofSeconds(1),
                Duration.ofSeconds(30), 3);
        CompletableFuture<ExtendResponse> call = client.awaitRun(RunKind.WORKFLOW, RunId.of(id), null, short20s);

        extend.scheduler.advance(Duration.ofMillis(19_999));
        assertFalse(call.isDone(), "not before the timeout");
        extend.scheduler.advance(Duration.ofMillis(1));

        ExtendCallFailure f = failure(call);
        assertEquals(Kind.WAIT_TIMEOUT, f.getKind());
        assertEquals("PROCESSING", f.getCurrentRun().getRawStatus());
        assertTrue(f.getMessage().contains("did not settle within the waitTimeout of 20000 ms"), f.getMessage());
        long sent = extend.sent.size();
        extend.scheduler.advance(Duration.ofMinutes(5));
        assertEquals(sent, extend.sent.size(), "no poll after the wait ended");
        assertEquals(0, extend.scheduler.pending(), "nothing left scheduled: the deadline and the next poll are gone");
    }

    @Test
    void pollsComeEverySecondForThirtySecondsThenGrowToTheMaximum() {
        String id = oneRun(RunKind.WORKFLOW, "PROCESSING");
        client.awaitRun(RunKind.WORKFLOW, RunId.of(id), null, wait);
        extend.scheduler.advance(Duration.ofMinutes(9));

        List<Long> at = extend.sentAtNanos;
        long fast = 0;
        for (int i = 1; i < at.size(); i++) {
            long gapMs = (at.get(i) - at.get(i - 1)) / 1_000_000;
            if (at.get(i - 1) < Duration.ofSeconds(30).toNanos()) {
                assertTrue(gapMs >= 750 && gapMs <= 1250, "fast phase gap " + gapMs);
                fast++;
            } else {
                assertTrue(gapMs <= 30_000 * 1.25 + 1, "no gap above maxPollInterval with jitter: " + gapMs);
            }
        }
        assertTrue(fast >= 24 && fast <= 40, "about one poll a second in the fast phase: " + fast);
        long lastGap = (at.get(at.size() - 1) - at.get(at.size() - 2)) / 1_000_000;
        assertTrue(lastGap >= 30_000 * 0.75, "the delays reach maxPollInterval: " + lastGap);
        assertTrue(at.size() < 80, "backing off: " + at.size() + " polls in 9 minutes");
    }

    @Test
    void transientPollFailuresWithinTheBudgetAreRiddenOut() {
        String id = oneRun(RunKind.WORKFLOW, "PROCESSING");
        CompletableFuture<ExtendResponse> call = client.awaitRun(RunKind.WORKFLOW, RunId.of(id), null, wait);
        extend.failNext(id, VirtualExtend.answer(503, "{\"code\":\"UNAVAILABLE\"}"));
        extend.failNext(id, new java.net.ConnectException("refused"));
        extend.failNext(id, VirtualExtend.answer(429, "{}"));
        extend.scheduler.advance(Duration.ofSeconds(5));
        assertFalse(call.isDone(), "three failed polls in a row are within maxFailedPolls=3");

        extend.status.put(id, "PROCESSED");
        extend.scheduler.advance(Duration.ofSeconds(2));
        assertEquals("PROCESSED", call.join().run().getRawStatus());
    }

    @Test
    void oneTransientFailureMoreThanTheBudgetEndsTheWaitWithIt() {
        String id = oneRun(RunKind.WORKFLOW, "PROCESSING");
        CompletableFuture<ExtendResponse> call = client.awaitRun(RunKind.WORKFLOW, RunId.of(id), null, wait);
        for (int i = 0; i < 4; i++) {
            extend.failNext(id, VirtualExtend.answer(503, "{\"code\":\"UNAVAILABLE\"}"));
        }
        extend.scheduler.advance(Duration.ofSeconds(10));

        ExtendCallFailure f = failure(call);
        assertEquals(Kind.HTTP_STATUS, f.getKind());
        assertEquals(503, f.getAnswer().statusCode());
        assertEquals(4, f.getAttempts(), "every request of the wait is counted");
    }

    @Test
    void aPollFailureAskingAgainCannotFixEndsTheWaitAtOnce() {
        String id = oneRun(RunKind.WORKFLOW, "PROCESSING");
        extend.status.remove(id); // deleted: 404
        CompletableFuture<ExtendResponse> call = client.awaitRun(RunKind.WORKFLOW, RunId.of(id), null, wait);
        extend.scheduler.advance(Duration.ZERO);

        assertEquals(404, failure(call).getAnswer().statusCode());
        assertEquals(1, extend.sent.size());
    }

    @Test
    void closingTheClientEndsEveryWaitAndStopsThePolls() {
        String id = oneRun(RunKind.WORKFLOW, "PROCESSING");
        CompletableFuture<ExtendResponse> call = client.awaitRun(RunKind.WORKFLOW, RunId.of(id), null, wait);
        extend.scheduler.advance(Duration.ofSeconds(3));
        client.close();

        ExtendCallFailure f = failure(call);
        assertEquals(Kind.CONNECTION, f.getKind());
        assertEquals("PROCESSING", f.getCurrentRun().getRawStatus());
        int sent = extend.sent.size();
        extend.scheduler.advance(Duration.ofMinutes(1));
        assertEquals(sent, extend.sent.size());
    }

    @Test
    void everyRunKindIsPolledUnderItsOwnPathAndSettlesWithoutCancelling() {
        for (RunKind kind : RunKind.values()) {
            String id = oneRun(kind, "PENDING");
            CompletableFuture<ExtendResponse> call = client.awaitRun(kind, RunId.of(id), null, wait);
            extend.scheduler.advance(Duration.ofSeconds(2));
            assertFalse(call.isDone(), kind + ": PENDING is not settled");
            extend.status.put(id, "FAILED");
            extend.scheduler.advance(Duration.ofSeconds(2));
            assertEquals("FAILED", call.join().run().getRawStatus(), kind.toString());
            assertTrue(extend.sent.contains("GET " + VirtualExtend.BASE + "/" + kind.collection() + "/" + id), kind
                    .toString());
        }
    }

    @Test
    void anUnknownStatusCountsAsSettledSoANewTerminalStatusEndsTheWait() {
        String id = oneRun(RunKind.WORKFLOW, "ARCHIVED");
        CompletableFuture<ExtendResponse> call = client.awaitRun(RunKind.WORKFLOW, RunId.of(id), null, wait);
        extend.scheduler.advance(Duration.ZERO);
        assertEquals("ARCHIVED", call.join().run().getRawStatus());
    }

    @Test
    void settingsThatNoWaitCanUseAreRefusedNamingTheOption() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new WaitSettings(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(2), 1));
        assertTrue(e.getMessage().contains("maxPollInterval"), e.getMessage());
        assertNull(null);
    }
}

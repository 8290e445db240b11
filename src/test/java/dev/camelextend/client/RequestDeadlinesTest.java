package dev.camelextend.client;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.camelextend.support.VirtualScheduler;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The attempt deadline of a request in flight, in virtual time: when it fires, and that nothing keeps sweeping. */
class RequestDeadlinesTest {

    static final Duration PERIOD = Duration.ofMillis(100);

    final VirtualScheduler scheduler = new VirtualScheduler();
    final RequestsInFlight inFlight = new RequestsInFlight(
            new ClientTime(scheduler, scheduler::nanoTime, Clock.systemUTC()), PERIOD);
    final List<String> expired = new ArrayList<>();

    private RequestsInFlight.Request request(String name, Duration timeout) {
        return new RequestsInFlight.Request(timeout) {
            @Override
            void expire() {
                expired.add(name + "@" + scheduler.nanoTime() / 1_000_000);
            }
        };
    }

    @Test
    void aDeadlineFiresNotBeforeItsTimeAndAtMostOnePeriodLate() {
        inFlight.add(request("a", Duration.ofMillis(1_050)));
        scheduler.advance(Duration.ofMillis(1_049));
        assertEquals(List.of(), expired);
        scheduler.advance(Duration.ofMillis(101));
        assertEquals(List.of("a@1100"), expired, "the first sweep after 1050 ms");
        assertEquals(0, inFlight.size());
    }

    @Test
    void theDeadlineCountsFromWhenTheRequestIsHandedOver() {
        scheduler.advance(Duration.ofSeconds(5));
        inFlight.add(request("late", Duration.ofMillis(300)));
        scheduler.advance(Duration.ofMillis(299));
        assertEquals(List.of(), expired);
        scheduler.advance(Duration.ofMillis(1));
        assertEquals(List.of("late@5300"), expired);
    }

    @Test
    void anAnsweredRequestNeverExpiresAndTheSweepStopsWhenNoneIsLeft() {
        RequestsInFlight.Request answered = request("answered", Duration.ofMillis(200));
        inFlight.add(answered);
        inFlight.remove(answered);
        scheduler.advance(Duration.ofSeconds(10));
        assertEquals(List.of(), expired);
        assertEquals(0, scheduler.pending(), "no sweep is scheduled while nothing is in flight");
    }

    @Test
    void oneSweepServesManyRequestsEachAtItsOwnDeadline() {
        for (int i = 1; i <= 5; i++) {
            inFlight.add(request("r" + i, Duration.ofMillis(i * 1_000L)));
        }
        assertTrue(scheduler.pending() <= 1, "one sweep, not a timer per request");
        scheduler.advance(Duration.ofMillis(5_000));
        assertEquals(List.of("r1@1000", "r2@2000", "r3@3000", "r4@4000", "r5@5000"), expired);
        assertEquals(0, scheduler.pending());
    }

    @Test
    void aRequestAddedAfterTheSchedulerStoppedIsRefusedAndNotKept() {
        scheduler.shutdownNow();
        RequestsInFlight.Request r = request("refused", Duration.ofMillis(100));
        try {
            inFlight.add(r);
            throw new AssertionError("accepted after shutdown");
        } catch (RuntimeException expected) {
            assertEquals(0, inFlight.size());
        }
    }
}

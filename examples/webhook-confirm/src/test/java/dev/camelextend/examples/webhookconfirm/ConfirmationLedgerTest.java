// Owns: the unit tests of ConfirmationLedger: what confirms a run, what only counts, either order of cancel answer
// and event, the bounded wait, and its bound on runs.
package dev.camelextend.examples.webhookconfirm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.camelextend.examples.webhookconfirm.ConfirmationLedger.Cancel;
import dev.camelextend.examples.webhookconfirm.ConfirmationLedger.Deliveries;
import dev.camelextend.examples.webhookconfirm.ConfirmationLedger.RunState;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfirmationLedgerTest {

    static final String A = "workflow_run_a";
    static final String B = "workflow_run_b";

    final ConfirmationLedger ledger = new ConfirmationLedger(List.of(A, B));

    @Test
    void aCancelledEventConfirmsAnAcceptedCancel() {
        ledger.accepted(A, "CANCELLING");
        ledger.cancelledEvent("evt_1", A);

        RunState s = ledger.state(A);
        assertTrue(s.confirmed() && s.settled() && !s.finishedFirst(), s.toString());
        assertEquals("evt_1", s.eventId());
        assertEquals(1, s.confirmations());
    }

    @Test
    void theEventMayComeBeforeTheCancelsAnswer() {
        ledger.cancelledEvent("evt_1", A);
        assertFalse(ledger.state(A).settled(), "the cancel is not answered yet");

        ledger.accepted(A, "CANCELLING");
        assertTrue(ledger.state(A).confirmed());
    }

    @Test
    void anAcceptedCancelIsOpenUntilItsEventComes() {
        ledger.accepted(A, "CANCELLING");

        RunState s = ledger.state(A);
        assertFalse(s.settled() || s.confirmed(), s.toString());
    }

    @Test
    void aSettlingEventOfAnotherTypeMeansTheRunFinishedFirst() {
        ledger.accepted(A, "CANCELLING");
        ledger.otherEvent("evt_2", "workflow_run.completed", A);

        RunState s = ledger.state(A);
        assertTrue(s.finishedFirst() && s.settled() && !s.confirmed(), s.toString());
        assertEquals(0, s.confirmations());
        assertEquals(new Deliveries(0, 0, 0), ledger.deliveries(), "it is about a run of the ledger");
    }

    @Test
    void eventsAboutOtherRunsOrThatSettleNothingAreOnlyCounted() {
        ledger.accepted(A, "CANCELLING");
        ledger.cancelledEvent("evt_1", "workflow_run_someone_elses");
        ledger.otherEvent("evt_2", "workflow_run.completed", "workflow_run_someone_elses");
        ledger.otherEvent("evt_3", "workflow_run.step_run.processed", A);
        ledger.otherEvent("evt_4", "batch_run.processed", null);

        assertFalse(ledger.state(A).settled());
        assertEquals(4, ledger.deliveries().otherEvents());
    }

    @Test
    void theFirstSettlingEventIsKeptAndEachCancelledDeliveryCounted() {
        ledger.accepted(A, "CANCELLING");
        ledger.cancelledEvent("evt_1", A);
        ledger.cancelledEvent("evt_1", A); // what a missing idempotent consumer would let through

        RunState s = ledger.state(A);
        assertEquals("evt_1", s.eventId());
        assertEquals(2, s.confirmations(), "counted, so that a test sees a repeat processed");
    }

    @Test
    void refusedUnknownAndFailedCancelsNeedNoEvent() {
        ledger.notAllowed(A, "PROCESSED");
        ledger.failed(B, "ExtendServerException: 503");

        assertTrue(ledger.state(A).settled() && ledger.state(B).settled());
        assertEquals(Cancel.NOT_ALLOWED, ledger.state(A).cancel());
        assertEquals("PROCESSED", ledger.state(A).status());
        assertEquals(Cancel.FAILED, ledger.state(B).cancel());
    }

    @Test
    void awaitReturnsWhenTheEventComes() throws Exception {
        ledger.accepted(A, "CANCELLING");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        CompletableFuture<RunState> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return ledger.await(A, deadline);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(50);
        ledger.cancelledEvent("evt_1", A);

        assertTrue(waiting.get(30, TimeUnit.SECONDS).confirmed());
    }

    @Test
    void awaitEndsAtTheDeadline() throws Exception {
        ledger.accepted(A, "CANCELLING");
        long started = System.nanoTime();

        RunState s = ledger.await(A, started + Duration.ofMillis(200).toNanos());

        assertFalse(s.settled());
        assertTrue(System.nanoTime() - started >= Duration.ofMillis(200).toNanos());
    }

    @Test
    void deliveriesAndDuplicatesAreCounted() {
        ledger.delivered();
        ledger.delivered();
        ledger.duplicateDropped();

        assertEquals(new Deliveries(2, 1, 0), ledger.deliveries());
    }

    @Test
    void theRunsAreBoundedAndFixed() {
        List<String> tooMany = new ArrayList<>(Collections.nCopies(ConfirmationLedger.MAX_RUNS + 1, ""));
        for (int i = 0; i < tooMany.size(); i++) {
            tooMany.set(i, "workflow_run_" + i);
        }
        assertThrows(IllegalArgumentException.class, () -> new ConfirmationLedger(tooMany));
        assertThrows(IllegalArgumentException.class, () -> ledger.accepted("workflow_run_not_asked_for", "CANCELLED"));
    }

    @Test
    void concurrentWritersLoseNothing() throws Exception {
        ledger.accepted(A, "CANCELLING");
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            writers.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 1000; i++) {
                    ledger.delivered();
                    ledger.otherEvent("evt_x", "workflow_run.completed", "workflow_run_other");
                }
            }));
        }
        CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        assertEquals(new Deliveries(8000, 0, 8000), ledger.deliveries());
    }
}

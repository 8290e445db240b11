package dev.camelextend.examples.cancelruns;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TallyTest {

    @Test
    void countsEachOutcome() {
        Tally tally = new Tally();
        tally.add(Outcome.CANCELLED);
        tally.add(Outcome.CANCELLED);
        tally.add(Outcome.NOT_ALLOWED);
        tally.add(Outcome.NOT_FOUND);
        assertEquals("Cancelled 2, not allowed 1, not found 1, failed 0", tally.summary());
        assertEquals(4, tally.total());
    }

    @Test
    void refusalsAndUnknownRunsAreAnswersNotFailures() {
        Tally tally = new Tally();
        tally.add(Outcome.NOT_ALLOWED);
        tally.add(Outcome.NOT_FOUND);
        assertEquals(Tally.EXIT_OK, tally.exitCode());
        assertEquals(0, new Tally().exitCode());
    }

    @Test
    void anyFailureOrUnsentRunExitsOne() {
        Tally failed = new Tally();
        failed.add(Outcome.CANCELLED);
        failed.add(Outcome.FAILED);
        assertEquals(Tally.EXIT_FAILED, failed.exitCode());

        Tally stopped = new Tally();
        stopped.add(Outcome.FAILED);
        stopped.notAttempted(7);
        assertEquals(1, stopped.exitCode());
        assertEquals("Cancelled 0, not allowed 0, not found 0, failed 1, not attempted 7", stopped.summary());
    }

    @Test
    void withWaitTheSummarySaysHowManyFinishedFirstAndANotSettledRunExitsOne() {
        Tally tally = new Tally(true);
        tally.add(Outcome.CANCELLED);
        tally.add(Outcome.FINISHED_FIRST);
        tally.add(Outcome.NOT_ALLOWED);
        assertEquals("Cancelled 1, finished first 1, not allowed 1, not found 0, failed 0", tally.summary());
        assertEquals(Tally.EXIT_OK, tally.exitCode(), "a run that finished first is an answer, not a failure");

        tally.add(Outcome.NOT_SETTLED);
        assertEquals("Cancelled 1, finished first 1, not allowed 1, not found 0, failed 0, not settled 1",
                tally.summary());
        assertEquals(Tally.EXIT_FAILED, tally.exitCode(), "asked to wait, it does not know how the run ended");
    }
}

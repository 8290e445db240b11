// Owns: what the report says: the line printed for each run, the three tally lines and the exit code they make.
package dev.camelextend.examples.webhookconfirm;

import java.time.Duration;
import java.util.List;

import dev.camelextend.examples.webhookconfirm.ConfirmationLedger.Cancel;
import dev.camelextend.examples.webhookconfirm.ConfirmationLedger.Deliveries;
import dev.camelextend.examples.webhookconfirm.ConfirmationLedger.RunState;

/**
 * Turns {@link ConfirmationLedger} snapshots into text. A run's line has its ID, what the cancel got, the run's status
 * then, and what the webhook said:
 * <pre>
 * workflow_run_...  ACCEPTED     (now CANCELLING)       confirmed by event evt_...
 * workflow_run_...  NOT ALLOWED  (run is PROCESSED)     nothing to confirm
 * </pre>
 */
final class Report {

    static final int EXIT_OK = 0;
    static final int EXIT_NOT_CONFIRMED = 1;
    static final int EXIT_USAGE = 2;

    private Report() {
    }

    /**
     * @param idWidth the width of the run ID column (the longest ID of the report)
     * @param timeout what "not confirmed within ..." says
     */
    static String line(RunState s, int idWidth, Duration timeout) {
        String id = String.format("%-" + idWidth + "s", s.runId());
        return switch (s.cancel()) {
            case ACCEPTED -> columns(id, "ACCEPTED", "(now " + s.status() + ")", confirmation(s, timeout));
            case NOT_ALLOWED -> columns(id, "NOT ALLOWED", "(run is " + (s.status() == null ? "not cancellable"
                    : s.status()) + ")", "nothing to confirm");
            case NOT_FOUND -> columns(id, "NOT FOUND", "(no such run)", "nothing to confirm");
            case FAILED -> id + "  FAILED       (" + s.error() + ")";
            case SENDING -> id + "  NOT SENT";
        };
    }

    private static String confirmation(RunState s, Duration timeout) {
        if (s.confirmed()) {
            return "confirmed by event " + s.eventId();
        }
        if (s.finishedFirst()) {
            return "not cancelled, the run finished first: event " + s.eventId() + " is " + s.eventType();
        }
        return "not confirmed within " + CommandLine.text(timeout);
    }

    // the status column is as wide as the widest one, (run is NEEDS_REVIEW)
    private static String columns(String id, String outcome, String status, String confirmation) {
        return String.format("%s  %-11s  %-21s  %s", id, outcome, status, confirmation);
    }

    /** The tally: the cancels, the confirmations, the deliveries. */
    static List<String> tally(List<RunState> runs, Deliveries d, Duration timeout) {
        long accepted = count(runs, Cancel.ACCEPTED);
        long confirmed = runs.stream().filter(RunState::confirmed).count();
        long finishedFirst = runs.stream().filter(RunState::finishedFirst).count();
        return List.of(
                "Cancels: " + accepted + " accepted, " + count(runs, Cancel.NOT_ALLOWED) + " not allowed, "
                + count(runs, Cancel.NOT_FOUND) + " not found, " + count(runs, Cancel.FAILED) + " failed",
                "Confirmed by workflow_run.cancelled: " + confirmed + " of " + accepted + " (" + finishedFirst
                + " finished first, " + (accepted - confirmed - finishedFirst) + " not confirmed within "
                + CommandLine.text(timeout) + ")",
                "Webhook deliveries: " + d.received() + " received, " + d.duplicatesDropped() + " duplicate"
                + (d.duplicatesDropped() == 1 ? "" : "s") + " dropped, " + d.otherEvents() + " other event"
                + (d.otherEvents() == 1 ? "" : "s") + " acknowledged");
    }

    /**
     * 0 when every accepted cancel's event came, {@code workflow_run.cancelled} or the event of the outcome the run
     * reached first (its outcome is then known; a cancel can do no more), and no cancel failed or was not sent; 1
     * otherwise.
     */
    static int exitCode(List<RunState> runs) {
        boolean open = runs.stream().anyMatch(s -> s.cancel() == Cancel.FAILED || s.cancel() == Cancel.SENDING
                                                   || !s.settled());
        return open ? EXIT_NOT_CONFIRMED : EXIT_OK;
    }

    private static long count(List<RunState> runs, Cancel cancel) {
        return runs.stream().filter(s -> s.cancel() == cancel).count();
    }
}

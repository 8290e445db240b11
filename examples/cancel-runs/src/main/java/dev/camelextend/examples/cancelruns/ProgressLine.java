package dev.camelextend.examples.cancelruns;

import java.io.Console;
import java.io.PrintStream;
import java.lang.reflect.Method;

import dev.camelextend.client.BatchProgressListener;
import dev.camelextend.model.CancelBatchSummary;

/**
 * The progress of a {@code --batch} on a terminal: one line, redrawn in place with {@code \r} each time
 * {@code extend:cancelBatch} tells the progress, and wiped when the job ends, so the report that follows starts on a
 * clean line:
 *
 * <pre>
 * cancelling batch_7Ws31-F5: 1,200 cancelled, 3 already finished, 0 failed (1,203 listed, 8.4 s)
 * </pre>
 *
 * When the output is not a terminal (a file, a pipe, a test) it prints nothing. Either way it keeps the last summary
 * it was told: when a listing fails the exchange fails, and this is what was done until then.
 * <p>
 * Called on the component's threads; a call that comes after the end (a last progress report racing the final one)
 * is ignored.
 */
final class ProgressLine implements BatchProgressListener {

    private final PrintStream out;
    private final boolean terminal;
    private final int columns;
    private final String batchId;

    /* Guarded by this. */
    private CancelBatchSummary last;
    private boolean ended;
    private int shown;

    /**
     * @param terminal whether {@code out} is a terminal (see {@link #isTerminal()})
     * @param columns  the terminal's width: a line must be shorter, as a wrapped line cannot be redrawn in place
     */
    ProgressLine(PrintStream out, boolean terminal, int columns, String batchId) {
        this.out = out;
        this.terminal = terminal;
        this.columns = Math.max(20, columns);
        this.batchId = batchId;
    }

    @Override
    public synchronized void onProgress(CancelBatchSummary soFar, boolean finished) {
        if (ended) {
            return;
        }
        last = soFar;
        if (!terminal) {
            ended = finished;
            return;
        }
        if (finished) {
            ended = true;
            if (shown > 0) {
                out.print("\r" + " ".repeat(shown) + "\r");
                out.flush();
            }
            shown = 0;
            return;
        }
        String line = fitted(soFar);
        out.print("\r" + line + " ".repeat(Math.max(0, shown - line.length())));
        out.flush();
        shown = line.length();
    }

    /** The last summary told, or null when none was (the job did not start). */
    synchronized CancelBatchSummary last() {
        return last;
    }

    /** {@code cancelling batch_x: 1,200 cancelled, 3 already finished, 0 failed (1,203 listed, 8.4 s)}. */
    String line(CancelBatchSummary s) {
        return "cancelling " + batchId + ": " + counts(s);
    }

    /**
     * The line, within {@code columns - 1} characters: without the batch (the report's first line names it) when it
     * is too wide, and cut when even that is.
     */
    String fitted(CancelBatchSummary s) {
        String line = line(s);
        if (line.length() < columns) {
            return line;
        }
        line = counts(s);
        return line.length() < columns ? line : line.substring(0, columns - 1);
    }

    private static String counts(CancelBatchSummary s) {
        return BatchReport.count(s.cancelled()) + " cancelled, " + BatchReport.count(s.alreadyFinished())
               + " already finished, " + BatchReport.count(s.failed()) + " failed (" + BatchReport.count(s.listed())
               + " listed, " + BatchReport.seconds(s.elapsed()) + ")";
    }

    /**
     * Whether standard output is a terminal. Up to JDK 21 {@link System#console()} is null unless it is; from JDK 22
     * there is a console also when the streams are redirected, and {@code Console.isTerminal()} (called by reflection:
     * this is compiled for Java 17) says whether it is one.
     */
    static boolean isTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return Boolean.TRUE.equals(isTerminal.invoke(console));
        } catch (NoSuchMethodException beforeJdk22) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /** The terminal's width from {@code COLUMNS} when the shell exported it, else 80. */
    static int columns(String columnsEnv) {
        try {
            int n = columnsEnv == null ? 80 : Integer.parseInt(columnsEnv.strip());
            return n > 0 ? n : 80;
        } catch (NumberFormatException e) {
            return 80;
        }
    }
}

package dev.camelextend.examples.cancelruns;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import dev.camelextend.model.CancelBatchSummary;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class ProgressLineTest {

    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    static CancelBatchSummary soFar(long listed, long cancelled, long finished, long failed, long millis) {
        return new CancelBatchSummary("workflow runs of batch batch_x", listed, cancelled, finished, 0, failed, 1, false,
                Duration.ofMillis(millis), List.of());
    }

    String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theLine() {
        assertEquals("cancelling batch_x: 1,200 cancelled, 3 already finished, 0 failed (1,203 listed, 8.4 s)",
                new ProgressLine(out, true, 120, "batch_x").line(soFar(1_203, 1_200, 3, 0, 8_420)));
    }

    @Test
    void onATerminalTheLineIsRedrawnInPlaceAndWipedAtTheEnd() {
        ProgressLine progress = new ProgressLine(out, true, 120, "batch_x");

        progress.onProgress(soFar(1_203, 1_200, 3, 0, 8_420), false);
        String first = "cancelling batch_x: 1,200 cancelled, 3 already finished, 0 failed (1,203 listed, 8.4 s)";
        assertEquals("\r" + first, printed());

        bytes.reset();
        progress.onProgress(soFar(12_000, 11_990, 10, 0, 60_000), false);
        String second = "cancelling batch_x: 11,990 cancelled, 10 already finished, 0 failed (12,000 listed, 60.0 s)";
        assertEquals("\r" + second, printed(), "a longer line covers the last one");

        bytes.reset();
        progress.onProgress(soFar(3, 1, 0, 0, 100), false);
        String shorter = "cancelling batch_x: 1 cancelled, 0 already finished, 0 failed (3 listed, 0.1 s)";
        assertEquals("\r" + shorter + " ".repeat(second.length() - shorter.length()), printed(),
                "a shorter one is padded to wipe what is left of the last");

        bytes.reset();
        CancelBatchSummary end = soFar(3, 3, 0, 0, 200);
        progress.onProgress(end, true);
        assertEquals("\r" + " ".repeat(shorter.length()) + "\r", printed(), "wiped; the report starts at the line's start");
        assertSame(end, progress.last());

        bytes.reset();
        progress.onProgress(soFar(3, 2, 0, 0, 150), false);
        assertEquals("", printed(), "a progress report that comes after the end is ignored");
        assertSame(end, progress.last());
    }

    @Test
    void aLineWiderThanTheTerminalLosesTheBatchThenIsCutSoItCanBeRedrawn() {
        CancelBatchSummary s = soFar(1_203, 1_200, 3, 0, 8_420);
        String counts = "1,200 cancelled, 3 already finished, 0 failed (1,203 listed, 8.4 s)";

        String full = "cancelling batch_x: " + counts;
        assertEquals(full, new ProgressLine(out, true, full.length() + 1, "batch_x").fitted(s));
        assertEquals(counts, new ProgressLine(out, true, full.length(), "batch_x").fitted(s),
                "the report's first line names the batch");
        assertEquals(counts, new ProgressLine(out, true, counts.length() + 1, "batch_x").fitted(s));
        assertEquals("1,200 cancelled, 3 already finished, 0 failed (1,203 listed",
                new ProgressLine(out, true, 60, "batch_x").fitted(s));

        ProgressLine narrow = new ProgressLine(out, true, 40, "batch_x");
        narrow.onProgress(s, false);
        assertEquals("\r1,200 cancelled, 3 already finished, 0 ", printed());
        assertEquals(40, printed().length(), "\\r and 39 columns");
    }

    @Test
    void aJobThatEndsBeforeTheFirstReportPrintsNothing() {
        ProgressLine progress = new ProgressLine(out, true, 80, "batch_x");

        progress.onProgress(soFar(3, 3, 0, 0, 200), true);

        assertEquals("", printed());
    }

    @Test
    void whenTheOutputIsNotATerminalNothingIsPrintedButTheLastSummaryIsKept() {
        ProgressLine progress = new ProgressLine(out, false, 80, "batch_x");
        assertNull(progress.last());

        progress.onProgress(soFar(10, 5, 0, 0, 1_000), false);
        CancelBatchSummary end = soFar(10, 10, 0, 0, 2_000);
        progress.onProgress(end, true);
        progress.onProgress(soFar(10, 9, 0, 0, 1_900), false);

        assertEquals("", printed());
        assertSame(end, progress.last());
    }

    @Test
    void theWidthComesFromColumnsWhenTheShellExportedIt() {
        assertEquals(132, ProgressLine.columns("132"));
        assertEquals(80, ProgressLine.columns(null));
        assertEquals(80, ProgressLine.columns("wide"));
        assertEquals(80, ProgressLine.columns("0"));
    }
}

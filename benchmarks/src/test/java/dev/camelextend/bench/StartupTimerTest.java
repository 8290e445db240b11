package dev.camelextend.bench;

import java.util.List;

import dev.camelextend.bench.StartupTimer.Result;
import dev.camelextend.bench.StartupTimer.Sample;
import dev.camelextend.bench.StartupTimer.Usage;
import dev.camelextend.bench.StartupTimer.Variant;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** StartupTimer's parsing, checks and report, on fixed inputs: nothing is started and nothing is timed. */
class StartupTimerTest {

    @Test
    void readsGnuTimeOutputAlsoAfterANonZeroStatusLine() {
        assertEquals(new Usage(1.78, 97312), StartupTimer.parseGnuTime("1.21 1.58 0.20 97312\n"));
        Usage failed = StartupTimer.parseGnuTime("Command exited with non-zero status 2\n0.50 0.70 0.10 80000\n");
        assertEquals(0.80, failed.cpuSeconds(), 1e-9);
        assertEquals(80000, failed.peakRssKiB());
        assertThrows(IllegalArgumentException.class, () -> StartupTimer.parseGnuTime(""));
        assertThrows(IllegalArgumentException.class, () -> StartupTimer.parseGnuTime("Command terminated by signal 9"));
    }

    @Test
    void readsProcStatCpuTicksAfterACommandNameWithSpacesAndParentheses() {
        // fields 14-17 (utime stime cutime cstime) are 120 15 3 1
        String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 27012 0 0 0 120 15 3 1 20 0 23 0 1234 0 0";
        assertEquals(139, StartupTimer.procStatTicks(stat));
    }

    @Test
    void readsVmHwm() {
        assertEquals(97312, StartupTimer.vmHwmKiB("Name:\tjava\nVmPeak:\t 3000000 kB\nVmHWM:\t   97312 kB\n"));
        assertEquals(0, StartupTimer.vmHwmKiB("Name:\tjava\nState:\tZ (zombie)\n"));
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(2.0, StartupTimer.median(List.of(3.0, 1.0, 2.0)));
        assertEquals(2.5, StartupTimer.median(List.of(4.0, 1.0, 2.0, 3.0)));
        assertTrue(Double.isNaN(StartupTimer.median(List.of())));
    }

    @Test
    void replacesItsOwnBlockOnlyAndLeavesTheLoadDriversBlockAlone() {
        String doc = "# P\n\n" + StartupTimer.BEGIN + "\nold startup\n" + StartupTimer.END + "\n\n## Results\n\n"
                     + Report.BEGIN + "\nold results\n" + Report.END + "\n";
        String updated = StartupTimer.replaceBlock(doc, "new startup\n");

        assertTrue(updated.contains(StartupTimer.BEGIN + "\n\nnew startup\n\n" + StartupTimer.END), updated);
        assertTrue(updated.contains(Report.BEGIN + "\nold results\n" + Report.END), updated);
        assertTrue(!updated.contains("old startup"), updated);
        // and the other way round: Report's markers do not match the startup block's
        assertEquals(updated.indexOf(Report.BEGIN), updated.lastIndexOf(Report.BEGIN));
        assertTrue(updated.indexOf(Report.END) > updated.indexOf(Report.BEGIN));
        assertThrows(IllegalStateException.class, () -> StartupTimer.replaceBlock("# P\n", "x"));
    }

    @Test
    void aRunMustExitZeroPrintTheTallyAndKeepStandardErrorQuiet() {
        String out = "No EXTEND_API_KEY set: ...\n" + StartupTimer.TALLY + "\n";
        Usage u = new Usage(1, 1);
        StartupTimer.check(new Result(0, out, "Picked up JAVA_TOOL_OPTIONS: -Dx=y\n", 1, u), "ok", true);
        StartupTimer.check(new Result(0, out, "run-example: building...\n", 1, u), "untimed", false);

        assertThrows(IllegalStateException.class,
                () -> StartupTimer.check(new Result(1, out, "", 1, u), "exit 1", true));
        assertThrows(IllegalStateException.class,
                () -> StartupTimer.check(new Result(0, "Cancelled 3, not allowed 6, not found 1, failed 1\n", "", 1,
                        u), "other tally", true));
        assertThrows(IllegalStateException.class,
                () -> StartupTimer.check(new Result(0, out, "run-example: one more run of the demo...\n", 1, u),
                        "retrained", true));
    }

    @Test
    void theReportHasOneRowPerVariantAndTheTarget() {
        Variant a = new Variant("a", List.of("java", "-jar", StartupTimer.JAR));
        Variant b = new Variant("b", List.of("./run-example"));
        List<Sample> samples = List.of(new Sample("a", 1, 2.4, 4.1, 114), new Sample("b", 1, 1.1, 1.6, 95),
                new Sample("b", 2, 1.3, 1.7, 96), new Sample("a", 2, 2.6, 4.3, 115));
        String md = StartupTimer.markdown(samples, a, b, "java -XX:TieredStopAtLevel=1 -jar x.jar", "2 cores", "1 1 1",
                "2 2 2", true);

        assertTrue(md.contains("| (a) | `java -jar " + StartupTimer.JAR + "` | 2.50 | 2.60 | 4.20 | 115 |"), md);
        assertTrue(md.contains("| (b) | `./run-example`, which runs `java -XX:TieredStopAtLevel=1 -jar x.jar` | 1.20 |"
                               + " 1.30 | 1.65 | 96 |"), md);
        assertTrue(md.contains("median of the per-round ratios: 0.48 (0.46–0.50)"), md);
        assertTrue(md.contains("✅ met"), md);
    }
}

package dev.camelextend.examples.cancelruns;

import java.io.PrintStream;
import java.util.List;

/** Prints one aligned line per run: ID, outcome, detail. */
final class ResultPrinter {

    private static final int MAX_ID_WIDTH = 60;

    private final PrintStream out;
    private final String format;

    ResultPrinter(PrintStream out, List<String> ids) {
        this.out = out;
        int width = Math.min(MAX_ID_WIDTH, ids.stream().mapToInt(String::length).max().orElse(1));
        this.format = "%-" + Math.max(1, width) + "s  %-11s  %s";
    }

    void print(RunResult r) {
        out.println(line(r));
    }

    String line(RunResult r) {
        return String.format(format, r.runId(), r.outcome().label(), r.detail()).stripTrailing();
    }
}

// Owns: the standalone command line: parsing the flags into a SimulatorBuilder, the usage text, and starting a simulator
// with seeded runs and printing its base URL, API key and runs.
package dev.camelextend.simulator;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** One parsed command line. The simulator it starts uses the system clock, so created runs finish by themselves. */
final class CommandLine {

    private static final List<String> SEED_MIX = List.of("PROCESSING", "PENDING", "PROCESSED", "FAILED",
            "NEEDS_REVIEW", "CANCELLED", "PROCESSING", "PROCESSED", "REJECTED", "CANCELLING");

    private final SimulatorBuilder builder;
    private final int port;
    private final int seedRuns;
    private final boolean help;

    private CommandLine(SimulatorBuilder builder, int port, int seedRuns, boolean help) {
        this.builder = builder;
        this.port = port;
        this.seedRuns = seedRuns;
        this.help = help;
    }

    /**
     * Flags as {@code --flag value} or {@code --flag=value}; {@code --help} (or {@code -h}) stops the parsing.
     *
     * @throws IllegalArgumentException for unknown flags, missing or bad values
     */
    static CommandLine parse(String[] args) {
        SimulatorBuilder b = ExtendSimulator.builder().clock(SimulatorClock.system());
        int port = 0;
        int seedRuns = 0;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if ("--help".equals(flag) || "-h".equals(flag)) {
                return new CommandLine(b, port, seedRuns, true);
            }
            int eq = flag.indexOf('=');
            String value;
            if (eq > 0) {
                value = flag.substring(eq + 1);
                flag = flag.substring(0, eq);
            } else {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value for " + flag);
                }
                value = args[++i];
            }
            switch (flag) {
                case "--port" -> {
                    port = intArg(flag, value);
                    b.port(port);
                }
                case "--api-key" -> b.apiKey(value);
                case "--seed-runs" -> seedRuns = intArg(flag, value);
                case "--seed" -> b.seed(Long.parseLong(value));
                case "--cancel-refusal-status" -> b.cancelRefusalStatus(intArg(flag, value));
                case "--cancel-delay-ms" -> b.cancelDelay(Duration.ofMillis(intArg(flag, value)));
                case "--processing-ms" -> b.processingDuration(Duration.ofMillis(intArg(flag, value)));
                case "--pending-ms" -> b.pendingDuration(Duration.ofMillis(intArg(flag, value)));
                default -> throw new IllegalArgumentException("unknown flag " + flag);
            }
        }
        if (seedRuns < 0) {
            throw new IllegalArgumentException("--seed-runs must be >= 0");
        }
        return new CommandLine(b, port, seedRuns, false);
    }

    boolean help() {
        return help;
    }

    /** The port asked for with {@code --port} (0: any free port). */
    int port() {
        return port;
    }

    /**
     * Starts the simulator, seeds the runs in mixed statuses and prints the base URL, the API key and every run to
     * {@code out}. The caller closes the simulator.
     *
     * @throws IllegalStateException when the port cannot be bound (cause: the {@link java.io.IOException})
     */
    ExtendSimulator launch(PrintStream out) {
        ExtendSimulator sim = builder.build().start();
        for (int i = 0; i < seedRuns; i++) {
            String status = SEED_MIX.get(i % SEED_MIX.size());
            String batch = i % 3 == 2 ? "batch_sim" + (i / 6) : null;
            String workflow = i % 4 == 3 ? "workflow_sim_receipts" : ExtendSimulator.DEFAULT_WORKFLOW_ID;
            sim.seedRun(status, workflow, batch, Map.of("seedIndex", i));
        }
        out.println("Extend simulator (API " + ExtendSimulator.API_VERSION + ") listening");
        out.println("base URL: " + sim.baseUrl());
        out.println("API key:  " + sim.apiKey());
        for (String id : sim.runIds()) {
            out.println("run " + id + " " + sim.status(id));
        }
        out.flush();
        return sim;
    }

    static String usage() {
        return "usage: java -jar camel-extend-simulator.jar [--port N] [--api-key KEY] [--seed-runs N] [--seed S]"
                + " [--cancel-refusal-status 400|409|422] [--cancel-delay-ms MS] [--pending-ms MS]"
                + " [--processing-ms MS] [--help]";
    }

    private static int intArg(String flag, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs an integer, got '" + value + "'");
        }
    }
}

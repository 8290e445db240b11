// Owns: the process entry point of java -jar camel-extend-simulator.jar: exit statuses, one-line error messages
// (bad flags, port in use), and running until Ctrl-C.
package dev.camelextend.simulator;

import java.io.PrintStream;
import java.net.BindException;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Runs an {@link ExtendSimulator} until the JVM is stopped (Ctrl-C).
 * <p>
 * Flags: {@code --port N} (default 0: any free port), {@code --api-key KEY}, {@code --seed-runs N} (N runs in mixed
 * statuses), {@code --seed-batch N} (N runs of one batch, their statuses cycling through
 * {@code --seed-batch-statuses S1,S2,...}, default PENDING,PROCESSING,PROCESSED), {@code --seed S},
 * {@code --cancel-refusal-status 400|409|422}, {@code --cancel-delay-ms MS}, {@code --processing-ms MS},
 * {@code --pending-ms MS}, {@code --rate N} (every rate-limit category), {@code --read-rate N} (GET),
 * {@code --write-rate N} (WRITE), {@code --run-rate N} (RUN), {@code --webhook-url URL} (repeatable: an endpoint
 * subscribed to every {@code workflow_run} event of the default workflow), {@code --help}. Prints the base URL, the
 * API key, the seeded runs, then a line for the batch, one for the rate limits and one per webhook, which ends with
 * the endpoint's signing secret. Runs use the system clock, so created runs finish by themselves.
 * <p>
 * Exit status: 0 after {@code --help}; 2 for a bad flag (the error and the usage on standard error) or a port in use
 * or cannot be listened on (one line on standard error); 1 when the server cannot start for another reason.
 */
public final class SimulatorMain {

    static final int EXIT_USAGE = 2;
    static final int EXIT_FAILURE = 1;

    /** What a command line came to: a running simulator (exit status 0), or nothing running and an exit status. */
    record Launch(ExtendSimulator simulator, int exitStatus) {
    }

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Launch launch = launch(args, System.out, System.err);
        ExtendSimulator sim = launch.simulator();
        if (sim == null) {
            if (launch.exitStatus() != 0) {
                System.exit(launch.exitStatus());
            }
            return; // --help
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stopped.countDown();
        }, "extend-simulator-shutdown"));
        stopped.await();
    }

    /**
     * Parses {@code args}, starts the simulator and prints its base URL, API key and runs to {@code out}; errors go to
     * {@code err}. Never exits the JVM: the caller closes a returned simulator.
     */
    static Launch launch(String[] args, PrintStream out, PrintStream err) {
        CommandLine commandLine;
        try {
            commandLine = CommandLine.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(CommandLine.usage());
            err.flush();
            return new Launch(null, EXIT_USAGE);
        }
        if (commandLine.help()) {
            out.println(CommandLine.usage());
            out.flush();
            return new Launch(null, 0);
        }
        try {
            return new Launch(commandLine.launch(out), 0);
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof BindException bind) {
                String message = bind.getMessage() == null ? "" : bind.getMessage();
                err.println(message.toLowerCase(Locale.ROOT).contains("in use")
                        ? "error: port " + commandLine.port() + " is already in use on 127.0.0.1; choose another with"
                                + " --port"
                        : "error: cannot listen on 127.0.0.1:" + commandLine.port() + ": " + message
                                + "; choose another port with --port");
                err.flush();
                return new Launch(null, EXIT_USAGE);
            }
            err.println("error: " + e.getMessage());
            err.flush();
            return new Launch(null, EXIT_FAILURE);
        }
    }
}

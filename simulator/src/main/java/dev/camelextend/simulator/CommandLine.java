// Owns: the standalone command line: parsing the flags into a SimulatorBuilder and the runtime settings (seeded runs
// and batch, rate limits, webhook URLs), the usage text, and starting a simulator and printing its base URL, API key,
// runs, batch, rate limits and webhooks.
package dev.camelextend.simulator;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** One parsed command line. The simulator it starts uses the system clock, so created runs finish by themselves. */
final class CommandLine {

    private static final List<String> SEED_MIX = List.of("PROCESSING", "PENDING", "PROCESSED", "FAILED",
            "NEEDS_REVIEW", "CANCELLED", "PROCESSING", "PROCESSED", "REJECTED", "CANCELLING");
    private static final List<String> BATCH_MIX = List.of("PENDING", "PROCESSING", "PROCESSED");

    private final SimulatorBuilder builder;
    private final int port;
    private final int seedRuns;
    private final int seedBatch;
    private final List<String> batchStatuses;
    /** the limits given per category; a category without a flag of its own takes {@code --rate}, if given */
    private final Map<RateLimits.Category, Integer> rates;
    private final Integer rate;
    /** each gets an endpoint subscribed to every workflow_run event of the default workflow */
    private final List<String> webhookUrls;
    private final boolean help;

    private CommandLine(SimulatorBuilder builder, int port, int seedRuns, int seedBatch, List<String> batchStatuses,
            Map<RateLimits.Category, Integer> rates, Integer rate, List<String> webhookUrls, boolean help) {
        this.builder = builder;
        this.port = port;
        this.seedRuns = seedRuns;
        this.seedBatch = seedBatch;
        this.batchStatuses = batchStatuses;
        this.rates = rates;
        this.rate = rate;
        this.webhookUrls = webhookUrls;
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
        int seedBatch = 0;
        List<String> batchStatuses = BATCH_MIX;
        Map<RateLimits.Category, Integer> rates = new EnumMap<>(RateLimits.Category.class);
        Integer rate = null;
        List<String> webhookUrls = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if ("--help".equals(flag) || "-h".equals(flag)) {
                return new CommandLine(b, port, seedRuns, seedBatch, batchStatuses, rates, rate, webhookUrls, true);
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
                case "--seed-batch" -> seedBatch = intArg(flag, value);
                case "--seed-batch-statuses" -> batchStatuses = statuses(value);
                case "--rate" -> rate = rateArg(flag, value);
                case "--read-rate" -> rates.put(RateLimits.Category.GET, rateArg(flag, value));
                case "--write-rate" -> rates.put(RateLimits.Category.WRITE, rateArg(flag, value));
                case "--run-rate" -> rates.put(RateLimits.Category.RUN, rateArg(flag, value));
                case "--seed" -> b.seed(Long.parseLong(value));
                case "--cancel-refusal-status" -> b.cancelRefusalStatus(intArg(flag, value));
                case "--cancel-delay-ms" -> b.cancelDelay(Duration.ofMillis(intArg(flag, value)));
                case "--processing-ms" -> b.processingDuration(Duration.ofMillis(intArg(flag, value)));
                case "--pending-ms" -> b.pendingDuration(Duration.ofMillis(intArg(flag, value)));
                case "--webhook-url" -> webhookUrls.add(webhookUrl(value));
                default -> throw new IllegalArgumentException("unknown flag " + flag);
            }
        }
        if (seedRuns < 0) {
            throw new IllegalArgumentException("--seed-runs must be >= 0");
        }
        if (seedBatch < 0) {
            throw new IllegalArgumentException("--seed-batch must be >= 0");
        }
        return new CommandLine(b, port, seedRuns, seedBatch, batchStatuses, rates, rate, List.copyOf(webhookUrls),
                false);
    }

    boolean help() {
        return help;
    }

    /** The port asked for with {@code --port} (0: any free port). */
    int port() {
        return port;
    }

    /**
     * Starts the simulator, seeds the runs in mixed statuses and the batch, sets the rate limits, registers the
     * webhooks, and prints to {@code out} the base URL, the API key, every seeded run, then one line for the batch, one
     * for the rate limits and one per webhook (each only when asked for). The lines before them stay as they were,
     * since scripts and tests read them. The caller closes the simulator.
     * <p>
     * A webhook line ends with the endpoint's signing secret, so that a receiver started beside the simulator can
     * verify the deliveries: the simulator's secrets are as fake as its API key. A real Extend secret is never to be
     * printed or logged.
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
        List<String> runIds = sim.runIds(); // before the batch: its runs get one line, not one each
        String batchId = seedBatch > 0 ? sim.seedBatch(seedBatch, ExtendSimulator.DEFAULT_WORKFLOW_ID,
                batchStatuses.toArray(String[]::new)) : null;
        if (rate != null) {
            sim.faults().rateLimit(rate);
        }
        rates.forEach((category, perSecond) -> sim.faults().rateLimit(category.name(), perSecond));
        out.println("Extend simulator (API " + ExtendSimulator.API_VERSION + ") listening");
        out.println("base URL: " + sim.baseUrl());
        out.println("API key:  " + sim.apiKey());
        for (String id : runIds) {
            out.println("run " + id + " " + sim.status(id));
        }
        if (batchId != null) {
            out.println("batch " + batchId + " " + seedBatch + " runs of " + ExtendSimulator.DEFAULT_WORKFLOW_ID + ": "
                    + String.join(", ", batchStatuses));
        }
        if (rate != null || !rates.isEmpty()) {
            StringBuilder line = new StringBuilder("rate limits:");
            for (RateLimits.Category c : RateLimits.Category.values()) {
                int limit = sim.faults().rateLimit(c.name());
                line.append(c.ordinal() == 0 ? " " : ", ").append(c.name()).append(' ')
                        .append(limit == 0 ? "none" : limit + "/s");
            }
            out.println(line);
        }
        for (String url : webhookUrls) {
            WebhookRegistration w = sim.registerWebhook(url, ExtendSimulator.DEFAULT_WORKFLOW_ID);
            out.println("webhook " + w.url() + " (endpoint " + w.endpointId() + ", subscription " + w.subscriptionId()
                    + " to " + w.workflowId() + ") signing secret: " + w.signingSecret());
        }
        out.flush();
        return sim;
    }

    static String usage() {
        return "usage: java -jar camel-extend-simulator.jar [--port N] [--api-key KEY] [--seed-runs N]"
                + " [--seed-batch N] [--seed-batch-statuses S1,S2,...] [--seed S]"
                + " [--cancel-refusal-status 400|409|422] [--cancel-delay-ms MS] [--pending-ms MS]"
                + " [--processing-ms MS] [--rate N] [--read-rate N] [--write-rate N] [--run-rate N]"
                + " [--webhook-url URL] [--help]";
    }

    /** An http or https URL, checked as {@code POST /webhook_endpoints} checks it. */
    private static String webhookUrl(String value) {
        String problem = WebhookChecks.checkUrl(SimSupport.MAPPER.getNodeFactory().textNode(value));
        if (problem != null) {
            throw new IllegalArgumentException("--webhook-url needs an absolute http or https URL, got '" + value
                    + "'");
        }
        return value;
    }

    /** A comma-separated list of run statuses, each checked. */
    private static List<String> statuses(String value) {
        List<String> list = Arrays.stream(value.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
        if (list.isEmpty()) {
            throw new IllegalArgumentException("--seed-batch-statuses needs at least one status");
        }
        list.forEach(SimulatorSettings::checkStatus);
        return list;
    }

    private static int rateArg(String flag, String value) {
        int perSecond = intArg(flag, value);
        if (perSecond < 0) {
            throw new IllegalArgumentException(flag + " must be >= 0 (0: no limit)");
        }
        return perSecond;
    }

    private static int intArg(String flag, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs an integer, got '" + value + "'");
        }
    }
}

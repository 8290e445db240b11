// Owns: the application: which mode it runs in (the embedded simulator, or Extend with a key), Camel Main with the two
// routes and the webhook server, the order of the work (listen, cancel, wait for the events, report) and its output.
package dev.camelextend.examples.webhookconfirm;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.camelextend.ExtendComponent;
import dev.camelextend.ExtendConfiguration;
import dev.camelextend.examples.webhookconfirm.CommandLine.UsageException;
import dev.camelextend.examples.webhookconfirm.ConfirmationLedger.RunState;
import dev.camelextend.model.WebhookEndpoint;
import dev.camelextend.simulator.ExtendSimulator;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;

/**
 * Cancels Extend workflow runs and confirms each accepted cancel by its {@code workflow_run.cancelled} webhook event.
 * <p>
 * The webhook route listens first, so that no event of a cancel is missed; then each run is cancelled in turn
 * ({@link CancelRoute}); then the application waits, at most {@code --confirm-timeout} after the last cancel, for the
 * event of each accepted cancel, printing each run's line in input order as soon as its outcome is known, and ends
 * with the tally ({@link Report}). A cancel's answer says only that Extend accepted it: the event says that the run
 * was cancelled, or that it finished first.
 * <p>
 * Standard output gets the report; standard error notes, warnings and errors. Neither the API key
 * ({@code EXTEND_API_KEY}) nor the signing secret ({@code EXTEND_WEBHOOK_SECRET}) is ever printed. Without a key the
 * embedded simulator plays Extend: the application makes the webhook endpoint there ({@code extend:createWebhookEndpoint},
 * whose answer holds the secret), extend:webhook subscribes it to the workflow at start, and the simulator signs and
 * delivers the events to this application. With a key, {@code --subscribe} has extend:webhook subscribe the endpoint
 * {@code EXTEND_WEBHOOK_ENDPOINT_ID} to the workflows named.
 */
public final class WebhookConfirmApp {

    public static final String API_KEY_ENV = "EXTEND_API_KEY";
    public static final String BASE_URL_ENV = "EXTEND_BASE_URL";
    public static final String WEBHOOK_SECRET_ENV = "EXTEND_WEBHOOK_SECRET";
    /** With --subscribe: the webhook endpoint (wh_...) the subscriptions deliver to. */
    public static final String WEBHOOK_ENDPOINT_ENV = "EXTEND_WEBHOOK_ENDPOINT_ID";
    /** How long the demo waits for the simulator's last deliveries (a duplicate, say) before the tally. */
    static final Duration DEMO_DRAIN = Duration.ofSeconds(5);
    /** How long extend:webhook may take to answer once Camel started. */
    static final Duration LISTEN_BOUND = Duration.ofSeconds(10);

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;
    private volatile ConfirmationLedger ledger;

    public WebhookConfirmApp(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new WebhookConfirmApp(System.getenv(), System.out, System.err).run(args));
    }

    /** The ledger of the last {@link #run}, or null before one got that far: for tests. */
    ConfirmationLedger ledger() {
        return ledger;
    }

    /** Runs the application; returns the exit code. */
    public int run(String[] args) {
        CommandLine cli;
        try {
            cli = CommandLine.parse(args);
        } catch (UsageException e) {
            return usageError(e.getMessage());
        }
        if (cli.help()) {
            out.print(CommandLine.USAGE);
            return Report.EXIT_OK;
        }
        if (cli.duplicates() > 0) {
            err.println("note: " + cli.duplicates() + " duplicate run ID(s) skipped");
        }
        String apiKey = env.get(API_KEY_ENV);
        if (apiKey == null) {
            if (!cli.runIds().isEmpty()) {
                return usageError("run IDs need " + API_KEY_ENV + ": without a key the demo cancels the runs it seeds"
                                  + " in the embedded simulator");
            }
            if (cli.baseUrl() != null || !cli.subscribe().isEmpty()) {
                return usageError((cli.baseUrl() != null ? "--base-url" : "--subscribe") + " needs " + API_KEY_ENV
                                  + "; without a key the embedded simulator is used");
            }
            if (env.get(BASE_URL_ENV) != null || env.get(WEBHOOK_SECRET_ENV) != null) {
                // left over from other work, they must not stop the demo
                err.println("note: " + BASE_URL_ENV + " and " + WEBHOOK_SECRET_ENV + " are ignored without "
                            + API_KEY_ENV + ": using the embedded simulator");
            }
            return runAgainstSimulator(cli);
        }
        if (apiKey.isBlank()) {
            return usageError(API_KEY_ENV + " is set but empty");
        }
        String secret = env.get(WEBHOOK_SECRET_ENV);
        if (secret == null || secret.isBlank()) {
            return usageError(WEBHOOK_SECRET_ENV + " is not set: it is the signing secret (wss_...) of the webhook"
                              + " endpoint Extend delivers the events to");
        }
        if (cli.runIds().isEmpty()) {
            return usageError("no run IDs: name the runs to cancel as arguments");
        }
        String baseUrl = cli.baseUrl() != null ? cli.baseUrl()
                : env.getOrDefault(BASE_URL_ENV, ExtendConfiguration.DEFAULT_BASE_URL);
        int port = cli.port() != 0 ? cli.port() : CommandLine.DEFAULT_PORT;
        Subscription subscription = null;
        if (!cli.subscribe().isEmpty()) {
            String endpointId = env.get(WEBHOOK_ENDPOINT_ENV);
            if (endpointId == null || endpointId.isBlank()) {
                return usageError("--subscribe needs " + WEBHOOK_ENDPOINT_ENV + ": the webhook endpoint (wh_...) the"
                                  + " subscriptions deliver to");
            }
            subscription = new Subscription(endpointId.strip(), String.join(",", cli.subscribe()));
        }
        Subscription subscribed = subscription;
        return confirm(cli, cli.runIds(), apiKey, baseUrl, secret.strip(), subscription, port, () -> {
            out.println("Listening for webhook deliveries at http://" + cli.host() + ":" + port + cli.path()
                        + " (signing secret from " + WEBHOOK_SECRET_ENV + ")");
            if (subscribed != null) {
                out.println("Subscribed " + subscribed.endpointId() + " to the workflow_run events of "
                            + subscribed.workflows());
            }
            out.println("Cancelling " + runs(cli.runIds().size()) + " at " + baseUrl + " (API key from "
                        + API_KEY_ENV + ")");
        }, () -> {
        });
    }

    private int runAgainstSimulator(CommandLine cli) {
        try (ExtendSimulator sim = DemoSimulator.start()) {
            out.println("No " + API_KEY_ENV + " set: using the embedded Extend simulator at " + sim.baseUrl()
                        + " (no network, nothing real is cancelled)");
            int port;
            try {
                port = cli.port() != 0 ? cli.port() : freePort(cli.host());
            } catch (IOException e) {
                return configurationError(e);
            }
            String url = "http://" + loopbackFor(cli.host()) + ":" + port + cli.path();
            List<String> ids = new ArrayList<>(DemoSimulator.seed(sim));
            ids.add(DemoSimulator.UNKNOWN_RUN_ID);
            WebhookEndpoint endpoint;
            try {
                endpoint = DemoSimulator.createEndpoint(sim, url);
            } catch (Exception e) {
                return configurationError(e);
            }
            Subscription subscription = new Subscription(endpoint.getId(), ExtendSimulator.DEFAULT_WORKFLOW_ID);
            return confirm(cli, ids, sim.apiKey(), sim.baseUrl(), endpoint.getSigningSecret(), subscription, port,
                    () -> {
                out.println("Listening for webhook deliveries at " + url + ": endpoint " + endpoint.getId()
                            + " (made by extend:createWebhookEndpoint) subscribed at start to the workflow_run events"
                            + " of " + subscription.workflows() + "; the simulator delivers the next event twice.");
                out.println("Seeded " + runs(ids.size() - 1) + ", " + DemoSimulator.cancellable()
                            + " of them cancellable; cancelling them and one unknown ID.");
            }, () -> drain(sim));
        }
    }

    /**
     * Starts Camel Main with the two routes and the webhook server, cancels the runs, waits for their events and
     * prints the report; stops Camel.
     *
     * @param started     prints what is set up, once Camel listens
     * @param beforeTally runs after the last run's line, before the tally
     */
    /** The endpoint whose subscriptions the consumer ensures at start, and the workflows, comma-separated. */
    record Subscription(String endpointId, String workflows) {
    }

    private int confirm(CommandLine cli, List<String> ids, String apiKey, String baseUrl, String secret,
                        Subscription subscription, int port, Runnable started, Runnable beforeTally) {
        ConfirmationLedger ledger = new ConfirmationLedger(ids);
        this.ledger = ledger;

        ExtendComponent extend = new ExtendComponent();
        // configured in code: with the embedded simulator, its URL and key are only known once it runs
        extend.getConfiguration().setApiKey(apiKey);
        extend.getConfiguration().setBaseUrl(baseUrl);
        if (subscription != null) {
            // on the component, so that the route's URI stays as the README shows it: extend:webhook subscribes the
            // endpoint to each workflow at start (an upsert) and fails the start when it cannot
            extend.getConfiguration().setWebhookEndpointId(subscription.endpointId());
            extend.getConfiguration().setSubscribeWorkflows(subscription.workflows());
        }

        Main main = new Main();
        main.bind("extend", extend);
        main.configure().setName("webhook-confirm");
        main.addInitialProperty(WebhookRoute.SECRET_PROPERTY, secret);
        main.addInitialProperty(WebhookRoute.PATH_PROPERTY, cli.path());
        WebhookServer server = new WebhookServer(cli.host(), port);
        main.addMainListener(server);
        main.configure().addRoutesBuilder(new CancelRoute(ledger));
        main.configure().addRoutesBuilder(new WebhookRoute(ledger));
        try {
            WebhookServer.checkFree(cli.host(), port);
            main.start();
            server.awaitListening(cli.path(), LISTEN_BOUND);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopQuietly(main);
            return configurationError(e);
        } catch (Exception e) {
            stopQuietly(main);
            return configurationError(e);
        }
        try {
            started.run();
            ProducerTemplate template = main.getCamelContext().createProducerTemplate();
            for (String id : ids) {
                try {
                    template.sendBody(CancelRoute.ENDPOINT, id);
                } catch (RuntimeException e) {
                    // the route turns every exception into an outcome; this is what it could not reach
                    ledger.failed(id, CancelRoute.describe(e));
                }
            }
            long deadline = System.nanoTime() + cli.confirmTimeout().toNanos();
            int idWidth = ids.stream().mapToInt(String::length).max().orElse(0);
            for (String id : ids) {
                out.println(Report.line(ledger.await(id, deadline), idWidth, cli.confirmTimeout()));
            }
            beforeTally.run();
            List<RunState> states = ledger.states();
            Report.tally(states, ledger.deliveries(), cli.confirmTimeout()).forEach(out::println);
            return Report.exitCode(states);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("error: interrupted while waiting for the webhook events");
            return Report.EXIT_NOT_CONFIRMED;
        } finally {
            stopQuietly(main);
        }
    }

    /** Waits, at most {@link #DEMO_DRAIN}, until the simulator has no delivery left to send. */
    private static void drain(ExtendSimulator sim) {
        long deadline = System.nanoTime() + DEMO_DRAIN.toNanos();
        try {
            while (sim.pendingWebhookDeliveries() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A port that was free on {@code host} a moment ago: the simulator needs the URL before the server starts. */
    private static int freePort(String host) throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IOException("no free port on " + host + " (is --host an address of this machine?)", e);
        }
    }

    /** The address the simulator posts to: a server bound to every interface listens on loopback too. */
    private static String loopbackFor(String host) {
        return host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
    }

    private int usageError(String message) {
        err.println("error: " + message);
        err.println();
        err.print(CommandLine.USAGE);
        return Report.EXIT_USAGE;
    }

    private int configurationError(Exception e) {
        if (e instanceof IOException mine) {
            err.println("error: cannot start: " + mine.getMessage());
            return Report.EXIT_USAGE;
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        err.println("error: cannot start: " + root.getMessage());
        return Report.EXIT_USAGE;
    }

    private void stopQuietly(Main main) {
        try {
            main.stop();
        } catch (Exception e) {
            err.println("warning: stopping Camel failed: " + e.getMessage());
        }
    }

    private static String runs(int n) {
        return n + (n == 1 ? " run" : " runs");
    }
}

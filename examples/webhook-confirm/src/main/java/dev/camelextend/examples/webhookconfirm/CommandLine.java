// Owns: the command line of webhook-confirm: its options, their checks and defaults, and the usage text.
package dev.camelextend.examples.webhookconfirm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parsed command line.
 *
 * @param runIds         the run IDs in the order given, duplicates removed
 * @param duplicates     how many duplicate IDs were dropped
 * @param port           {@code --port}, or 0 when not given (a free port in the demo, {@value #DEFAULT_PORT} with a
 *                       key)
 * @param host           {@code --host}: the address the webhook server binds to
 * @param path           {@code --path}: the path Extend posts to
 * @param confirmTimeout {@code --confirm-timeout}: how long after the last cancel the events may take
 * @param baseUrl        {@code --base-url}, or null (then {@code EXTEND_BASE_URL}, or Extend's default)
 * @param subscribe      {@code --subscribe}: the workflows whose run events extend:webhook subscribes the endpoint
 *                       {@code EXTEND_WEBHOOK_ENDPOINT_ID} to at start; empty for none
 * @param help           {@code --help}
 */
public record CommandLine(List<String> runIds, int duplicates, int port, String host, String path,
        Duration confirmTimeout, String baseUrl, List<String> subscribe, boolean help) {

    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final String DEFAULT_PATH = "/extend/webhook";
    public static final Duration DEFAULT_CONFIRM_TIMEOUT = Duration.ofSeconds(60);
    static final Duration MIN_CONFIRM_TIMEOUT = Duration.ofMillis(100);
    static final Duration MAX_CONFIRM_TIMEOUT = Duration.ofHours(1);

    /** 1h, 5m, 30s, 1500ms, 2m30s: hours, minutes, seconds, milliseconds, in that order, at least one. */
    private static final Pattern DURATION = Pattern.compile("(?:(\\d{1,6})h)?(?:(\\d{1,6})m(?!s))?(?:(\\d{1,6})s)?"
                                                            + "(?:(\\d{1,9})ms)?");
    private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9._~-]+)+");

    public static final String USAGE = """
            usage: webhook-confirm [options] [RUN_ID ...]

            Cancels Extend workflow runs through Camel's extend:cancelRun and confirms each accepted cancel by its
            workflow_run.cancelled webhook event, received by extend:webhook; prints one line per run and a tally.

            Without EXTEND_API_KEY: a demo against the embedded Extend simulator, which seeds the runs to cancel
            (no run IDs then), subscribes this application's webhook URL and signs its deliveries.
            With EXTEND_API_KEY: cancels the RUN_IDs given at Extend. EXTEND_WEBHOOK_SECRET is the signing secret
            (wss_...) of the webhook endpoint Extend delivers to; that endpoint's URL must reach --host:--port and
            be subscribed to the workflow_run events of the runs' workflows.

            options:
              --port N               the port the webhook server listens on (default 8080; in the demo a free one)
              --host ADDRESS         the address it binds to (default 127.0.0.1; 0.0.0.0 for every interface)
              --path PATH            the path Extend posts to (default /extend/webhook)
              --confirm-timeout D    how long to wait for the events after the last cancel: 30s, 2m, 1500ms
                                     (default 60s, at most 1h)
              --base-url URL         Extend's API host (default https://api.extend.ai, or EXTEND_BASE_URL)
              --subscribe IDS        with a key: workflows (comma-separated) whose workflow_run events the endpoint
                                     EXTEND_WEBHOOK_ENDPOINT_ID is subscribed to at start (an upsert)
              --help                 this text

            exit code: 0 every accepted cancel's event came (cancelled, or the run finished first) and no cancel
            failed; 1 an event did not come within --confirm-timeout or a cancel failed; 2 usage or configuration
            error
            """;

    /** A command line that cannot be run; its message is one line. */
    public static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    public static CommandLine parse(String... args) throws UsageException {
        List<String> ids = new ArrayList<>();
        int port = 0;
        String host = DEFAULT_HOST;
        String path = DEFAULT_PATH;
        Duration confirmTimeout = DEFAULT_CONFIRM_TIMEOUT;
        String baseUrl = null;
        List<String> subscribe = List.of();
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            switch (arg) {
                case "--help", "-h" -> help = true;
                case "--port", "--host", "--path", "--confirm-timeout", "--base-url", "--subscribe" -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new UsageException(arg + " needs a value");
                        }
                        value = args[++i];
                    }
                    switch (arg) {
                        case "--port" -> port = port(value);
                        case "--host" -> host = nonBlank(arg, value);
                        case "--path" -> path = path(value);
                        case "--confirm-timeout" -> confirmTimeout = duration(arg, value);
                        case "--subscribe" -> subscribe = workflows(value);
                        default -> baseUrl = nonBlank(arg, value);
                    }
                }
                default -> {
                    if (arg.startsWith("-")) {
                        throw new UsageException("unknown option " + arg);
                    }
                    if (!arg.isBlank()) {
                        ids.add(arg.strip());
                    }
                }
            }
        }
        Set<String> unique = new LinkedHashSet<>(ids);
        if (unique.size() > ConfirmationLedger.MAX_RUNS) {
            throw new UsageException("at most " + ConfirmationLedger.MAX_RUNS + " run IDs at a time, got "
                                     + unique.size());
        }
        return new CommandLine(List.copyOf(unique), ids.size() - unique.size(), port, host, path, confirmTimeout,
                baseUrl, subscribe, help);
    }

    /** Comma-separated workflow IDs; the component checks each at start. */
    private static List<String> workflows(String value) throws UsageException {
        List<String> ids = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                ids.add(part.strip());
            }
        }
        if (ids.isEmpty()) {
            throw new UsageException("--subscribe needs one or more workflow IDs, comma-separated");
        }
        return List.copyOf(ids);
    }

    private static int port(String value) throws UsageException {
        try {
            int port = Integer.parseInt(value.strip());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--port needs a port from 1 to 65535, was '" + value + "'");
    }

    private static String nonBlank(String option, String value) throws UsageException {
        if (value.isBlank()) {
            throw new UsageException(option + " must not be empty");
        }
        return value.strip();
    }

    private static String path(String value) throws UsageException {
        if (!PATH.matcher(value).matches()) {
            throw new UsageException("--path needs a path such as /extend/webhook (letters, digits, . _ ~ -), was '"
                                     + value + "'");
        }
        return value;
    }

    static Duration duration(String option, String value) throws UsageException {
        String text = value.strip();
        Matcher m = DURATION.matcher(text);
        if (text.isEmpty() || !m.matches()) {
            throw new UsageException(option + " needs a duration such as 30s, 2m or 1500ms, was '" + value + "'");
        }
        Duration d = Duration.ofHours(part(m, 1)).plusMinutes(part(m, 2)).plusSeconds(part(m, 3))
                .plusMillis(part(m, 4));
        if (d.compareTo(MIN_CONFIRM_TIMEOUT) < 0 || d.compareTo(MAX_CONFIRM_TIMEOUT) > 0) {
            throw new UsageException(option + " must be between " + text(MIN_CONFIRM_TIMEOUT) + " and "
                                     + text(MAX_CONFIRM_TIMEOUT) + ", was " + text);
        }
        return d;
    }

    private static long part(Matcher m, int group) {
        return m.group(group) == null ? 0 : Long.parseLong(m.group(group));
    }

    /** A duration as the report writes it: 1500ms, 60s, 3600s. */
    static String text(Duration d) {
        return d.toMillisPart() != 0 ? d.toMillis() + "ms" : d.toSeconds() + "s";
    }
}

package dev.camelextend.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Small helpers shared by the component's tests: the run ID they act on, routes added per test (so each test picks its
 * own endpoint options), run and error bodies, exception lookups, bounded waits, and a port nobody listens on.
 */
public final class ExtendTestKit {

    /** The run every test acts on. */
    public static final String RUN = "workflow_run_xKm9pNv3qWsY_jL2tR5Dh";

    private static final String FIXTURE_RUN = "workflow_run_Pq7aWm2Zx9Rt_Lk4Nb8Vc";
    private static final AtomicInteger ROUTES = new AtomicInteger();

    private ExtendTestKit() {
    }

    /**
     * Adds and starts the route {@code direct:kitN -> extendUri} in a started context.
     *
     * @return the {@code direct:} URI to send to
     */
    public static String route(CamelContext context, String extendUri) throws Exception {
        return route(context, "direct:kit" + ROUTES.incrementAndGet(), extendUri);
    }

    /** Adds the route {@code from -> to} (started at once if the context is). @return {@code from} */
    public static String route(CamelContext context, String from, String to) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from).to(to);
            }
        });
        return from;
    }

    /** The processing fixture as run {@link #RUN} with the given top-level status. */
    public static String run(String status) {
        String json = FakeExtendServer.fixture("workflow-run-processing.json").replace(FIXTURE_RUN, RUN);
        String withStatus = json.replace("\"status\": \"PROCESSING\"", "\"status\": \"" + status + "\"");
        if (!"PROCESSING".equals(status) && withStatus.equals(json)) {
            throw new IllegalStateException("the processing fixture has no top-level status to replace");
        }
        return withStatus;
    }

    /** A flat 2026-02-09 error body. */
    public static String error(String code, String message, Boolean retryable, String requestId) {
        StringBuilder sb = new StringBuilder("{\"code\":\"").append(code).append("\",\"message\":\"").append(message)
                .append('"');
        if (retryable != null) {
            sb.append(",\"retryable\":").append(retryable);
        }
        if (requestId != null) {
            sb.append(",\"requestId\":\"").append(requestId).append('"');
        }
        return sb.append('}').toString();
    }

    /** The exception on the exchange, asserted to be an instance of {@code type}. */
    public static <T extends Throwable> T failure(Exchange out, Class<T> type) {
        Exception e = out.getException();
        assertNotNull(e, "expected the exchange to fail with " + type.getSimpleName());
        assertTrue(type.isInstance(e), "expected " + type.getName() + " but was " + e.getClass().getName() + ": " + e);
        return type.cast(e);
    }

    /** The exception on the exchange, asserted to be exactly of class {@code type} (not a subclass). */
    public static <T extends Throwable> T exactFailure(Exchange out, Class<T> type) {
        T e = failure(out, type);
        assertEquals(type, e.getClass(), "expected exactly " + type.getName());
        return e;
    }

    /** The last throwable of the cause chain (a cause that is its own cause ends it). */
    public static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }

    /** The first throwable of the given type in the cause chain, or fails. */
    public static <T extends Throwable> T causeOfType(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
            if (c.getCause() == c) {
                break;
            }
        }
        fail("no " + type.getSimpleName() + " in the cause chain of " + t);
        return null;
    }

    /**
     * Polls {@code done} every 10 ms until it holds or {@code within} has passed.
     *
     * @return whether it held
     */
    public static boolean waitUntil(BooleanSupplier done, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() - deadline >= 0) {
                return done.getAsBoolean();
            }
            Thread.sleep(10);
        }
        return true;
    }

    /** Milliseconds since {@code startNanos}, a {@link System#nanoTime()}. */
    public static long millisSince(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }

    /** A loopback port that was free a moment ago and has nothing listening: connecting is refused. */
    public static int closedPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A header of a map, looked up ignoring the case of its name (JDK HttpServer changes header case). */
    public static String header(Map<String, String> headers, String name) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }
}

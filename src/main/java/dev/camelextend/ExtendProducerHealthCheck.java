package dev.camelextend;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

import dev.camelextend.client.ExtendClient;
import dev.camelextend.client.ExtendClient.ProbeResult;
import dev.camelextend.client.ServerText;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of one Extend account (API key, base URL, workspace), shared by every producer that calls it: one cheap
 * authenticated request ({@code GET /workflow_runs?maxPageSize=1}) per {@link #CACHE_MILLIS}, however many endpoints
 * use the account (a {@code toD} can make dozens) and however often readiness is polled. DOWN when Extend rejects the
 * key (401/403) or cannot be reached, so a revoked key or a blocked network shows before exchanges start failing. A
 * 429 or 5xx leaves it UP (with the status in the details): the account is valid and the route's retries deal with
 * those. Off by default, like Camel's other producer checks ({@code camel.health.producersEnabled=true} turns them
 * on). Health output is often public (an actuator endpoint, a status page), so whatever came from the server or the
 * transport - error code, request ID, error message - goes through {@link ServerText} with the key: masked,
 * single-line and bounded.
 */
public class ExtendProducerHealthCheck extends AbstractHealthCheck {

    /** How long one probe's outcome answers every call: a readiness poll must not become a load on the account. */
    static final long CACHE_MILLIS = 5_000;

    private final List<ExtendEndpoint> users = new CopyOnWriteArrayList<>();
    private final LongSupplier nanoTime;
    private Outcome cached;
    private CompletableFuture<Outcome> probing;

    /** @param id a name for the account that does not reveal its key */
    public ExtendProducerHealthCheck(String id) {
        this(id, System::nanoTime);
    }

    ExtendProducerHealthCheck(String id, LongSupplier nanoTime) {
        super("camel", "producer:extend-" + id);
        this.nanoTime = nanoTime;
    }

    void addUser(ExtendEndpoint endpoint) {
        users.add(endpoint);
    }

    /** @return how many endpoints still use this check */
    int removeUser(ExtendEndpoint endpoint) {
        users.remove(endpoint);
        return users.size();
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        ExtendEndpoint endpoint = liveUser();
        if (endpoint == null) {
            builder.message("No started Extend endpoint uses this account").down();
            return;
        }
        Outcome outcome = outcome(endpoint);
        builder.details(outcome.details());
        if (outcome.message() != null) {
            builder.message(outcome.message());
        }
        builder.state(outcome.state());
    }

    private ExtendEndpoint liveUser() {
        for (ExtendEndpoint e : users) {
            if (e.getClient() != null) {
                return e;
            }
        }
        return null;
    }

    /** The cached outcome while fresh; otherwise one probe, shared by every caller that asks meanwhile. */
    private Outcome outcome(ExtendEndpoint endpoint) {
        CompletableFuture<Outcome> probe;
        synchronized (this) {
            if (cached != null && nanoTime.getAsLong() - cached.atNanos() < TimeUnit.MILLISECONDS.toNanos(CACHE_MILLIS)) {
                return cached;
            }
            if (probing == null) {
                probing = new CompletableFuture<>();
                probe = probing;
            } else {
                probe = null;
            }
        }
        if (probe != null) {
            Outcome fresh = probe(endpoint);
            synchronized (this) {
                cached = fresh;
                probing = null;
            }
            probe.complete(fresh);
            return fresh;
        }
        CompletableFuture<Outcome> running;
        synchronized (this) {
            running = probing != null ? probing : CompletableFuture.completedFuture(cached);
        }
        // the probing caller is itself bounded by the request timeout; this wait is bounded the same way
        long timeoutMillis = endpoint.getConfiguration().getRequestTimeout() + 1000;
        try {
            return running.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return new Outcome(HealthCheck.State.DOWN, "Extend did not answer within " + timeoutMillis + " ms",
                    Map.of("extend.baseUrl", endpoint.getConfiguration().getBaseUrl()), nanoTime.getAsLong());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(HealthCheck.State.DOWN, "Interrupted", Map.of(), nanoTime.getAsLong());
        }
    }

    private Outcome probe(ExtendEndpoint endpoint) {
        ExtendConfiguration config = endpoint.getConfiguration();
        ExtendClient client = endpoint.getClient();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("extend.baseUrl", config.getBaseUrl());
        long timeoutMillis = config.getRequestTimeout() + 1000;
        String key = config.getApiKey(); // the key the client sends
        long at = nanoTime.getAsLong();
        if (client == null) {
            return new Outcome(HealthCheck.State.DOWN, "The Extend endpoint is not started", details, at);
        }
        try {
            ProbeResult result = client.probe(config.getWorkspaceId()).get(timeoutMillis, TimeUnit.MILLISECONDS);
            details.put(SERVICE_STATUS_CODE, result.statusCode());
            if (result.errorCode() != null) {
                details.put(SERVICE_ERROR_CODE, ServerText.clean(result.errorCode(), ServerText.ERROR_CODE_CHARS, key));
            }
            if (result.requestId() != null) {
                details.put("extend.requestId", ServerText.clean(result.requestId(), ServerText.REQUEST_ID_CHARS,
                        key));
            }
            if (result.statusCode() == 401 || result.statusCode() == 403) {
                return new Outcome(HealthCheck.State.DOWN,
                        ServerText.clean("Extend rejected the API key: HTTP " + result.statusCode()
                                         + (result.errorMessage() != null ? " " + result.errorMessage() : ""),
                                ServerText.MESSAGE_CHARS, key),
                        details, at);
            }
            return new Outcome(HealthCheck.State.UP, null, details, at);
        } catch (TimeoutException e) {
            return new Outcome(HealthCheck.State.DOWN, "Extend did not answer within " + timeoutMillis + " ms",
                    details, at);
        } catch (ExecutionException e) {
            // a transport error may quote what the server sent (a malformed status line or header)
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return new Outcome(HealthCheck.State.DOWN,
                    ServerText.clean("Extend cannot be reached: " + cause.getClass().getSimpleName()
                                     + (cause.getMessage() != null ? ": " + cause.getMessage() : ""),
                            ServerText.MESSAGE_CHARS, key),
                    details, at);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(HealthCheck.State.DOWN, "Interrupted", details, at);
        }
    }

    /** What one probe found, replayed to every call while fresh. */
    private record Outcome(HealthCheck.State state, String message, Map<String, Object> details, long atNanos) {
        Outcome {
            details = Map.copyOf(details);
        }
    }
}

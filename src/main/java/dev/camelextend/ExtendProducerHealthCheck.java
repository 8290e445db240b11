package dev.camelextend;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.camelextend.client.ExtendClient;
import dev.camelextend.client.ExtendClient.ProbeResult;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of the Extend account a producer calls: one cheap authenticated request
 * ({@code GET /workflow_runs?maxPageSize=1}). DOWN when Extend rejects the key (401/403) or cannot be reached, so a
 * revoked key or a blocked network shows before exchanges start failing. A 429 or 5xx leaves it UP (with the status in
 * the details): the account is valid and the route's retries deal with those. Off by default, like Camel's other
 * producer checks ({@code camel.health.producersEnabled=true} turns them on). Never reports the key.
 */
public class ExtendProducerHealthCheck extends AbstractHealthCheck {

    private final ExtendEndpoint endpoint;

    public ExtendProducerHealthCheck(ExtendEndpoint endpoint, String id) {
        super("camel", "producer:extend-" + id);
        this.endpoint = endpoint;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        ExtendClient client = endpoint.getClient();
        builder.detail("extend.baseUrl", endpoint.getConfiguration().getBaseUrl());
        if (client == null) {
            builder.message("The Extend endpoint is not started").down();
            return;
        }
        long timeoutMillis = endpoint.getConfiguration().getRequestTimeout() + 1000;
        try {
            ProbeResult result = client.probe(endpoint.getConfiguration().getWorkspaceId())
                    .get(timeoutMillis, TimeUnit.MILLISECONDS);
            builder.detail(SERVICE_STATUS_CODE, result.statusCode());
            if (result.errorCode() != null) {
                builder.detail(SERVICE_ERROR_CODE, result.errorCode());
            }
            if (result.requestId() != null) {
                builder.detail("extend.requestId", result.requestId());
            }
            if (result.statusCode() == 401 || result.statusCode() == 403) {
                builder.message("Extend rejected the API key: HTTP " + result.statusCode()
                                + (result.errorMessage() != null ? " " + result.errorMessage() : "")).down();
            } else {
                builder.up();
            }
        } catch (TimeoutException e) {
            builder.message("Extend did not answer within " + timeoutMillis + " ms").down();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            builder.message("Extend cannot be reached: " + cause.getClass().getSimpleName()
                            + (cause.getMessage() != null ? ": " + cause.getMessage() : "")).down();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            builder.message("Interrupted").down();
        }
    }
}

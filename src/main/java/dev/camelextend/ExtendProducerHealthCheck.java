package dev.camelextend;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.camelextend.client.ExtendClient;
import dev.camelextend.client.ExtendClient.ProbeResult;
import dev.camelextend.client.ServerText;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of the Extend account a producer calls: one cheap authenticated request
 * ({@code GET /workflow_runs?maxPageSize=1}). DOWN when Extend rejects the key (401/403) or cannot be reached, so a
 * revoked key or a blocked network shows before exchanges start failing. A 429 or 5xx leaves it UP (with the status in
 * the details): the account is valid and the route's retries deal with those. Off by default, like Camel's other
 * producer checks ({@code camel.health.producersEnabled=true} turns them on). Health output is often public (an
 * actuator endpoint, a status page), so whatever came from the server or the transport - error code, request ID,
 * error message - goes through {@link ServerText} with the key: masked, single-line and bounded.
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
        String key = endpoint.getConfiguration().getApiKey(); // the key the client sends
        try {
            ProbeResult result = client.probe(endpoint.getConfiguration().getWorkspaceId())
                    .get(timeoutMillis, TimeUnit.MILLISECONDS);
            builder.detail(SERVICE_STATUS_CODE, result.statusCode());
            if (result.errorCode() != null) {
                builder.detail(SERVICE_ERROR_CODE, ServerText.clean(result.errorCode(), ServerText.ERROR_CODE_CHARS,
                        key));
            }
            if (result.requestId() != null) {
                builder.detail("extend.requestId", ServerText.clean(result.requestId(), ServerText.REQUEST_ID_CHARS,
                        key));
            }
            if (result.statusCode() == 401 || result.statusCode() == 403) {
                builder.message(ServerText.clean("Extend rejected the API key: HTTP " + result.statusCode()
                                                 + (result.errorMessage() != null ? " " + result.errorMessage() : ""),
                        ServerText.MESSAGE_CHARS, key)).down();
            } else {
                builder.up();
            }
        } catch (TimeoutException e) {
            builder.message("Extend did not answer within " + timeoutMillis + " ms").down();
        } catch (ExecutionException e) {
            // a transport error may quote what the server sent (a malformed status line or header)
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            builder.message(ServerText.clean("Extend cannot be reached: " + cause.getClass().getSimpleName()
                                             + (cause.getMessage() != null ? ": " + cause.getMessage() : ""),
                    ServerText.MESSAGE_CHARS, key)).down();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            builder.message("Interrupted").down();
        }
    }
}

package dev.camelextend;

import java.util.Locale;

import org.apache.camel.Exchange;
import org.apache.camel.spi.HeaderFilterStrategy;

/**
 * The header rule of the webhook consumer's platform-http endpoint: no request header or query parameter whose name
 * starts with {@code Camel} or {@code org.apache.camel}, in any case ({@code CAMELEXTENDRUNID}, {@code camelHttpUri}),
 * becomes a message header, and no message header at all is written into the answer (the consumer sets its status and
 * content type itself). The consumer copies no {@code Camel*} header into the route's exchange either, so a request can
 * never choose what a later {@code extend:} call of the route acts on, nor how Camel answers it.
 */
final class WebhookHeaderFilter implements HeaderFilterStrategy {

    /** Whether a header of this name is Camel's to set, never a sender's. */
    static boolean isCamelHeader(String name) {
        if (name == null) {
            return true;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith("camel") || lower.startsWith("org.apache.camel");
    }

    @Override
    public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
        return true; // nothing of the message goes into the answer as a header
    }

    @Override
    public boolean applyFilterToExternalHeaders(String headerName, Object headerValue, Exchange exchange) {
        return isCamelHeader(headerName);
    }
}

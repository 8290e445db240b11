package dev.camelextend.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The checked options of one webhook endpoint: built at route start, so a mistake fails there with the option's name.
 * The secrets are never printed ({@link #toString()} counts them).
 *
 * @param secrets                 the signing secrets; a delivery verified by any of them passes
 * @param path                    where the endpoint listens on the platform-http server
 * @param tolerance               how old a delivery's timestamp may be (zero: no age check)
 * @param maxBodySize             the largest request body read, in bytes
 * @param responseTimeout         how long a delivery may take before it is answered 503, below Extend's 30 s
 * @param maxConcurrentDeliveries how many deliveries' routes may run at once
 * @param maxPayloadSize          the largest payload fetched from a signed URL, in bytes
 * @param fetchTimeout            how long one fetch of a signed URL may take
 * @param fetchRetries            how many times a failed fetch is retried within the delivery's time
 */
public record WebhookSettings(List<String> secrets, String path, Duration tolerance, int maxBodySize,
                              Duration responseTimeout, int maxConcurrentDeliveries, int maxPayloadSize,
                              Duration fetchTimeout, int fetchRetries) {

    public WebhookSettings {
        secrets = List.copyOf(secrets);
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("The secret option is required by extend:webhook: it is the signing"
                                               + " secret (wss_...) of the webhook endpoint in Extend, and without it"
                                               + " a delivery cannot be told from a forged request");
        }
        path = path(path);
        OptionRules.notNegative(tolerance, "tolerance");
        OptionRules.positive(maxBodySize, "maxBodySize");
        OptionRules.positive(responseTimeout, "responseTimeout");
        if (responseTimeout.toMillis() >= ExtendDefaults.EXTEND_DELIVERY_TIMEOUT_MILLIS) {
            throw new IllegalArgumentException("The responseTimeout option must be below Extend's delivery timeout of"
                                               + " 30 s (Extend stops waiting then and retries), was "
                                               + responseTimeout.toMillis() + " ms");
        }
        OptionRules.positive(maxConcurrentDeliveries, "maxConcurrentDeliveries");
        OptionRules.positive(maxPayloadSize, "maxResponseSize");
        OptionRules.positive(fetchTimeout, "requestTimeout");
        OptionRules.notNegative(fetchRetries, "maxRetries");
    }

    /**
     * The {@code secret} option: one secret, or several separated by commas while a secret is rotated. Each is used as
     * written, so one with surrounding whitespace or a character that is not printable ASCII is refused (a secret read
     * from a file often ends with a newline); the message names the position, never the secret.
     */
    public static List<String> secrets(String option) {
        List<String> secrets = new ArrayList<>();
        if (option == null) {
            return secrets;
        }
        String[] parts = option.split(",", -1);
        for (int n = 0; n < parts.length; n++) {
            String secret = parts[n].strip();
            if (secret.isEmpty()) {
                if (parts.length > 1) {
                    throw new IllegalArgumentException("The secret option has an empty secret at position " + (n + 1)
                                                       + " of its comma-separated list");
                }
                continue;
            }
            for (int i = 0; i < secret.length(); i++) {
                char ch = secret.charAt(i);
                if (ch < 0x21 || ch > 0x7e) {
                    throw new IllegalArgumentException("The secret option's secret at position " + (n + 1)
                                                       + " contains a character that is not printable ASCII");
                }
            }
            if (!secrets.contains(secret)) {
                secrets.add(secret);
            }
        }
        return secrets;
    }

    /** An absolute path of printable characters without query, fragment or spaces. */
    private static String path(String path) {
        if (path == null || !path.startsWith("/") || path.length() > 1024) {
            throw new IllegalArgumentException("The path option must start with /, was " + shown(path));
        }
        for (int i = 0; i < path.length(); i++) {
            char ch = path.charAt(i);
            if (ch < 0x21 || ch > 0x7e || ch == '?' || ch == '#' || ch == '{' || ch == '}' || ch == '*') {
                throw new IllegalArgumentException("The path option must be a plain path without spaces, query,"
                                                   + " fragment, parameters or wildcards, was " + shown(path));
            }
        }
        return path;
    }

    private static String shown(String path) {
        return path == null ? "null" : "'" + ServerText.clean(path, ServerText.TEXT_CHARS, null) + "'";
    }

    @Override
    public String toString() {
        return "WebhookSettings[" + secrets.size() + " secret(s), path=" + path + ", tolerance=" + tolerance.toMillis()
               + " ms, maxBodySize=" + maxBodySize + ", responseTimeout=" + responseTimeout.toMillis()
               + " ms, maxConcurrentDeliveries=" + maxConcurrentDeliveries + "]";
    }
}

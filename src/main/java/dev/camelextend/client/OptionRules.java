package dev.camelextend.client;

import java.net.URI;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * The one check of every option value, with the option's name in the message: the settings records call it as they
 * are built, so a configuration mistake fails the route at start, never the first message. Messages never quote the
 * API key, and a rejected base URL is shown without its user info or query (either may hold a secret).
 */
final class OptionRules {

    static final String SPRING_BOOT = "org.springframework.boot.SpringApplication";
    static final String STARTER = "dev.camelextend.springboot.ExtendComponentAutoConfiguration";

    private OptionRules() {
    }

    /**
     * An API key must reach Extend exactly as issued. A key read from a file often ends with a newline, which would be
     * sent as part of the key (or split the header).
     */
    static String apiKey(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException(missingKey(OptionRules::onClassPath));
        }
        if (!key.equals(key.strip())) {
            throw new IllegalArgumentException("The apiKey option starts or ends with whitespace or a line break (a key"
                                               + " read from a file often ends with a newline): remove it");
        }
        for (int i = 0; i < key.length(); i++) {
            char ch = key.charAt(i);
            if (ch < 0x21 || ch > 0x7e) {
                throw new IllegalArgumentException("The apiKey option contains a character that is not printable ASCII"
                                                   + " (at index " + i + "): an API key is sent as it is in the"
                                                   + " Authorization header");
            }
        }
        return key;
    }

    /**
     * Spring Boot binds {@code camel.component.extend.*} only through the starter, so there the property alone, as
     * the message recommends it, is silently ignored: say what to add. {@code present} tells whether a class is on
     * the component's class path (only looked at when the key is missing).
     */
    static String missingKey(Predicate<String> present) {
        String message = "The Extend API key is not set: set the apiKey option on the endpoint or"
                         + " camel.component.extend.api-key on the component";
        if (present.test(SPRING_BOOT) && !present.test(STARTER)) {
            message += "; on Spring Boot, camel.component.extend.* properties apply only with"
                       + " dev.camelextend:camel-extend-spring-boot-starter on the class path: add it";
        }
        return message;
    }

    private static boolean onClassPath(String className) {
        try {
            Class.forName(className, false, OptionRules.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** An http(s) URL with a host and no query or user info; returned without a trailing slash. */
    static String baseUrl(String baseUrl) {
        URI uri;
        try {
            uri = baseUrl == null ? null : new URI(baseUrl.strip());
        } catch (Exception e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null
            || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
            || uri.getRawQuery() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("The baseUrl option must be an http(s) URL with a host and no query or"
                                               + " user info, such as https://api.extend.ai; was '" + shown(baseUrl)
                                               + "'");
        }
        String url = uri.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The rejected URL for the message: user info masked, the query and fragment cut, one bounded line. */
    private static String shown(String baseUrl) {
        String text = String.valueOf(baseUrl).replaceAll("//[^/?#]*@", "//***@");
        int query = text.indexOf('?');
        if (query >= 0) {
            text = text.substring(0, query) + "?...";
        }
        return ServerText.clean(text, ServerText.TEXT_CHARS, null);
    }

    static Duration positive(Duration value, String option) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("The " + option + " option must be positive, was " + millis(value));
        }
        return value;
    }

    static long positive(long value, String option) {
        if (value <= 0) {
            throw new IllegalArgumentException("The " + option + " option must be positive, was " + value);
        }
        return value;
    }

    static Duration notNegative(Duration value, String option) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException("The " + option + " option must be 0 or more, was " + millis(value));
        }
        return value;
    }

    static int notNegative(int value, String option) {
        if (value < 0) {
            throw new IllegalArgumentException("The " + option + " option must be 0 or more, was " + value);
        }
        return value;
    }

    /** The {@code rateLimit} option: 0 for none, or a finite positive number of requests per second. */
    static double rate(double perSecond) {
        return rate(perSecond, "rateLimit");
    }

    /** A client-side rate ({@code rateLimit}, {@code readRateLimit}, ...): 0 for none, or finite and positive. */
    static double rate(double perSecond, String option) {
        if (perSecond < 0 || Double.isNaN(perSecond) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("The " + option + " option must be 0 (off) or a positive number of"
                                               + " requests per second, was " + perSecond);
        }
        return perSecond;
    }

    static int port(int port, String option) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("The " + option + " option must be a port number, was " + port);
        }
        return port;
    }

    private static String millis(Duration d) {
        return d == null ? "null" : String.valueOf(d.toMillis());
    }
}

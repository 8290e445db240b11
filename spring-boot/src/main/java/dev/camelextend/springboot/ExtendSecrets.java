package dev.camelextend.springboot;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import dev.camelextend.ExtendEndpointUriFactory;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Which {@code camel.component.extend.*} values are secret: the options the component marks secret (as Camel's
 * generated URI factory lists them, so a new secret option is covered without a change here), also inside a shared
 * {@code configuration} bean, and everything of {@code sslContextParameters}, whose key stores hold passwords. Keys
 * are compared in every form Spring Boot shows them: {@code api-key}, {@code apiKey}, {@code CAMEL_COMPONENT_EXTEND_APIKEY}.
 */
final class ExtendSecrets implements SanitizingFunction {

    private static final String PREFIX = normalized("camel.component.extend.");
    private static final String TLS = normalized("sslContextParameters");
    private static final Set<String> SECRETS = new ExtendEndpointUriFactory().secretPropertyNames().stream()
            .map(ExtendSecrets::normalized).collect(Collectors.toUnmodifiableSet());

    @Override
    public SanitizableData apply(SanitizableData data) {
        return isSecret(data.getKey()) ? data.withSanitizedValue() : data;
    }

    static boolean isSecret(String key) {
        String name = normalized(key);
        if (!name.startsWith(PREFIX)) {
            return false;
        }
        String option = name.substring(PREFIX.length());
        return option.contains(TLS) || SECRETS.stream().anyMatch(option::endsWith);
    }

    /** Lower case letters and digits only: the relaxed forms of one property name become the same text. */
    private static String normalized(String key) {
        return key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}

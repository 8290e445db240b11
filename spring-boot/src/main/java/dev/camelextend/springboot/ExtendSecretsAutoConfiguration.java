package dev.camelextend.springboot;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * With Spring Boot's actuator present, masks the component's secret options in {@code /actuator/configprops} and
 * {@code /actuator/env} also when the application shows values ({@code management.endpoint.*.show-values}); by
 * default Spring Boot masks every value anyway.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public class ExtendSecretsAutoConfiguration {

    @Bean
    public SanitizingFunction extendSecretsSanitizingFunction() {
        return new ExtendSecrets();
    }
}

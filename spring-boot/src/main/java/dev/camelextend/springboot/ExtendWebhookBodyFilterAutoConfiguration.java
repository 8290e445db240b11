package dev.camelextend.springboot;

import jakarta.servlet.Filter;
import org.apache.camel.CamelContext;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In a servlet web application, bounds the bodies of extend:webhook deliveries before Spring MVC reads them
 * ({@link ExtendWebhookBodyFilter}); Spring Boot registers a {@code Filter} bean for every path, and the filter passes
 * any request but a POST to a webhook consumer's path untouched. Excluding this auto-configuration
 * ({@code spring.autoconfigure.exclude}) turns it off.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ Filter.class, OncePerRequestFilter.class, CamelContext.class })
public class ExtendWebhookBodyFilterAutoConfiguration {

    @Bean
    public Filter extendWebhookBodyFilter(CamelContext camelContext) {
        return new ExtendWebhookBodyFilter(camelContext);
    }
}

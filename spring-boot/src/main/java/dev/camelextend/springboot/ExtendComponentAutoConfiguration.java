package dev.camelextend.springboot;

import java.util.HashMap;
import java.util.Map;

import dev.camelextend.ExtendComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Applies the {@code camel.component.extend.*} properties of the Spring environment to the {@code extend} component
 * through a {@link ComponentCustomizer}, when Camel creates the component, as Camel's own component starters do (and
 * with the same switches: {@code camel.component[.extend].enabled}, {@code camel.component[.extend].customizer.enabled}).
 * Without it, Spring Boot binds none of them: the component reads {@code camel.component.extend.*} from Camel's own
 * properties, which on Spring Boot resolve placeholders but list no properties.
 */
@AutoConfiguration(after = {CamelAutoConfiguration.class, ExtendComponentConverter.class})
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ComponentConfigurationProperties.class, ExtendComponentConfiguration.class})
@ConditionalOnHierarchicalProperties({"camel.component", "camel.component.extend"})
public class ExtendComponentAutoConfiguration {

    /** Properties of the superclass that switch the starter, not options of the component. */
    private static final String[] SWITCHES = {"enabled", "customizer"};
    private static final String SHARED_CONFIGURATION = "configuration";

    private final ApplicationContext applicationContext;
    private final ExtendComponentConfiguration configuration;

    public ExtendComponentAutoConfiguration(ApplicationContext applicationContext,
                                            ExtendComponentConfiguration configuration) {
        this.applicationContext = applicationContext;
        this.configuration = configuration;
    }

    @Lazy
    @Bean
    public ComponentCustomizer configureExtendComponent() {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                apply(target.getCamelContext(), target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                                                                "camel.component.extend.customizer")
                       && target instanceof ExtendComponent;
            }
        };
    }

    /**
     * Sets what the application set, and nothing else (the properties hold no defaults). A shared
     * {@code configuration} bean goes first, so that the single options set beside it refine it instead of being
     * replaced by it. A property the component does not take fails the start, naming it and never its value, which
     * may be a secret.
     */
    private void apply(CamelContext camelContext, Component target) {
        Map<String, Object> set = CamelPropertiesHelper.getNonNullProperties(camelContext, configuration);
        for (String property : SWITCHES) {
            set.remove(property);
        }
        Object shared = set.remove(SHARED_CONFIGURATION);
        if (shared != null) {
            applyOne(camelContext, target, SHARED_CONFIGURATION, shared);
        }
        set.forEach((option, value) -> applyOne(camelContext, target, option, value));
    }

    private static void applyOne(CamelContext camelContext, Component target, String option, Object value) {
        Map<String, Object> one = new HashMap<>();
        one.put(option, value);
        if (!CamelPropertiesHelper.setCamelProperties(camelContext, target, one, false)) {
            throw new IllegalStateException("camel.component.extend." + option + " could not be applied to the extend"
                                            + " component: it has no such option");
        }
    }
}

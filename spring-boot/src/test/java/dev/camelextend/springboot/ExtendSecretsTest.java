package dev.camelextend.springboot;

import java.util.List;
import java.util.Map;

import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static dev.camelextend.springboot.StarterMetadata.PREFIX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The secret options in Spring Boot's configprops and env endpoints: masked by Spring Boot's default (it shows no
 * value), and masked by the starter's SanitizingFunction when an application shows values, in every spelling of
 * the key; the other options stay readable then.
 */
class ExtendSecretsTest {

    private static final String KEY = "sk_test_sanitized_4242";
    private static final String MASK = "******";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class,
                                                     ExtendComponentAutoConfiguration.class,
                                                     ExtendSecretsAutoConfiguration.class))
            .withPropertyValues(PREFIX + "api-key=" + KEY, PREFIX + "base-url=https://api.eu1.extend.ai",
                                PREFIX + "proxy-auth-username=proxy-user", PREFIX + "proxy-auth-password=pw-1234");

    @ParameterizedTest
    @ValueSource(strings = {"camel.component.extend.api-key", "camel.component.extend.apiKey",
                            "CAMEL_COMPONENT_EXTEND_APIKEY", "camel.component.extend.proxy-auth-password",
                            "camel.component.extend.proxyAuthUsername", "camel.component.extend.configuration.apiKey",
                            "camel.component.extend.ssl-context-parameters.key-managers.key-password"})
    void theSecretOptionsAreSecretInEverySpelling(String key) {
        assertTrue(ExtendSecrets.isSecret(key), key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"camel.component.extend.base-url", "camel.component.extend.workspace-id",
                            "camel.component.jms.password-free", "spring.datasource.url", "api-key"})
    void otherKeysAreNot(String key) {
        assertFalse(ExtendSecrets.isSecret(key), key);
    }

    @Test
    void configpropsShowsNoSecretAlsoWhenItShowsValues() {
        runner.run(context -> {
            Map<String, Object> shown = extendProperties(context, Show.ALWAYS);
            assertEquals("https://api.eu1.extend.ai", shown.get("baseUrl"), "values are shown: " + shown);
            assertEquals(MASK, shown.get("apiKey"));
            assertEquals(MASK, shown.get("proxyAuthPassword"));
            assertEquals(MASK, shown.get("proxyAuthUsername"));
            assertFalse(shown.toString().contains(KEY), shown.toString());
        });
    }

    @Test
    void configpropsShowsNoValueByDefault() {
        runner.run(context -> {
            Map<String, Object> shown = extendProperties(context, Show.NEVER);
            assertEquals(MASK, shown.get("apiKey"));
            assertEquals(MASK, shown.get("baseUrl"));
        });
    }

    @Test
    void envShowsNoSecretAlsoWhenItShowsValues() {
        runner.run(context -> {
            EnvironmentEndpoint env = new EnvironmentEndpoint(context.getEnvironment(), functions(context), Show.ALWAYS);
            String shown = String.valueOf(env.environmentEntry(PREFIX + "base-url").getProperty().getValue());
            assertEquals("https://api.eu1.extend.ai", shown, "values are shown");
            assertEquals(MASK, env.environmentEntry(PREFIX + "api-key").getProperty().getValue());
            assertEquals(MASK, env.environmentEntry(PREFIX + "proxy-auth-password").getProperty().getValue());
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> extendProperties(AssertableApplicationContext context, Show show) {
        ConfigurationPropertiesReportEndpoint endpoint = new ConfigurationPropertiesReportEndpoint(functions(context), show);
        endpoint.setApplicationContext(context);
        var beans = endpoint.configurationProperties().getContexts().get(context.getId()).getBeans();
        var bean = beans.values().stream().filter(b -> "camel.component.extend".equals(b.getPrefix())).findFirst();
        assertTrue(bean.isPresent(), "the starter's properties are listed: " + beans.keySet());
        Map<String, Object> properties = (Map<String, Object>) (Map<?, ?>) bean.get().getProperties();
        assertNotNull(properties);
        return properties;
    }

    private static List<SanitizingFunction> functions(AssertableApplicationContext context) {
        List<SanitizingFunction> functions = context.getBeanProvider(SanitizingFunction.class).orderedStream().toList();
        assertEquals(1, functions.size(), "the starter registers its function");
        return functions;
    }
}

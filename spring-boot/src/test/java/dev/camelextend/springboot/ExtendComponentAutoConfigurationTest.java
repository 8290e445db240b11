package dev.camelextend.springboot;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.camelextend.ExtendComponent;
import dev.camelextend.ExtendComponentConfigurer;
import dev.camelextend.ExtendConfiguration;
import dev.camelextend.client.BatchProgressListener;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static dev.camelextend.springboot.StarterMetadata.PREFIX;
import static dev.camelextend.springboot.StarterMetadata.kebab;
import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The auto-configuration as Spring Boot runs it: every camel.component.extend.* property reaches the component
 * (durations in Camel's text), only what was set does, the starter's switches turn it off, and the key never shows
 * in the properties bean, a log line or the message of a missing key.
 */
class ExtendComponentAutoConfigurationTest {

    private static final String KEY = "sk_test_starter_secret_4711";
    private static final String PROXY_PASSWORD = "proxy_secret_0815";
    private static final String WEBHOOK_SECRET = "wss_starter_webhook_secret_2323";

    /** A value for every option that is not an object, other than its default, and what the component then holds. */
    private static final Map<String, String[]> EVERY_OPTION = Map.ofEntries(
            entry("alreadyCancelledIsSuccess", new String[] {"true", "true"}),
            entry("apiKey", new String[] {KEY, KEY}),
            entry("apiVersion", new String[] {"2025-06-01", "2025-06-01"}),
            entry("baseUrl", new String[] {"https://api.eu1.extend.ai", "https://api.eu1.extend.ai"}),
            entry("lazyStartProducer", new String[] {"true", "true"}),
            entry("rateLimit", new String[] {"12.5", "12.5"}),
            entry("readRateLimit", new String[] {"4.5", "4.5"}),
            entry("writeRateLimit", new String[] {"0", "0.0"}),
            entry("runId", new String[] {"workflow_run_fixed", "workflow_run_fixed"}),
            entry("workspaceId", new String[] {"ws_starter", "ws_starter"}),
            entry("autowiredEnabled", new String[] {"false", "false"}),
            entry("ioThreadCount", new String[] {"3", "3"}),
            entry("maxConnections", new String[] {"17", "17"}),
            entry("maxResponseBytesInFlight", new String[] {"1048576", "1048576"}),
            entry("maxResponseSize", new String[] {"65536", "65536"}),
            entry("maxWorkerThreads", new String[] {"7", "7"}),
            entry("synchronous", new String[] {"true", "true"}),
            entry("healthCheckConsumerEnabled", new String[] {"false", "false"}),
            entry("healthCheckProducerEnabled", new String[] {"false", "false"}),
            entry("proxyHost", new String[] {"proxy.example", "proxy.example"}),
            entry("proxyPort", new String[] {"3128", "3128"}),
            entry("proxyScheme", new String[] {"https", "https"}),
            entry("proxyAuthUsername", new String[] {"proxy-user", "proxy-user"}),
            entry("proxyAuthPassword", new String[] {PROXY_PASSWORD, PROXY_PASSWORD}),
            entry("maxRetries", new String[] {"5", "5"}),
            entry("maxRetryAfter", new String[] {"2m", "120000"}),
            entry("retryInitialDelay", new String[] {"250", "250"}),
            entry("retryMaxDelay", new String[] {"1m30s", "90000"}),
            entry("connectTimeout", new String[] {"5s", "5000"}),
            entry("requestTimeout", new String[] {"20s", "20000"}),
            entry("runKind", new String[] {"extract", "extract"}),
            entry("waitForOutcome", new String[] {"true", "true"}),
            entry("waitTimeout", new String[] {"3m", "180000"}),
            entry("pollInterval", new String[] {"2s", "2000"}),
            entry("maxPollInterval", new String[] {"45s", "45000"}),
            entry("maxFailedPolls", new String[] {"6", "6"}),
            entry("workflowId", new String[] {"workflow_starter", "workflow_starter"}),
            entry("batchId", new String[] {"batch_starter", "batch_starter"}),
            entry("sourceId", new String[] {"workflow_run_source", "workflow_run_source"}),
            entry("status", new String[] {"PENDING,PROCESSING", "PENDING,PROCESSING"}),
            entry("fileNameContains", new String[] {"invoice", "invoice"}),
            entry("sortBy", new String[] {"createdAt", "createdAt"}),
            entry("sortDir", new String[] {"asc", "asc"}),
            entry("pageSize", new String[] {"250", "250"}),
            entry("singlePage", new String[] {"true", "true"}),
            entry("batchConcurrency", new String[] {"12", "12"}),
            entry("maxPasses", new String[] {"5", "5"}),
            entry("progressInterval", new String[] {"10s", "10000"}),
            entry("bridgeErrorHandler", new String[] {"true", "true"}),
            entry("secret", new String[] {WEBHOOK_SECRET, WEBHOOK_SECRET}),
            entry("path", new String[] {"/hooks/extend", "/hooks/extend"}),
            entry("webhookUrl", new String[] {"https://hooks.example.com/extend", "https://hooks.example.com/extend"}),
            entry("webhookName", new String[] {"orders", "orders"}),
            entry("endpointEvents", new String[] {"extract_run.processed", "extract_run.processed"}),
            entry("webhookEndpointId", new String[] {"wh_starter", "wh_starter"}),
            entry("webhookEvents", new String[] {"workflow_run.cancelled", "workflow_run.cancelled"}),
            entry("subscribeWorkflows", new String[] {"workflow_a,workflow_b", "workflow_a,workflow_b"}),
            entry("tolerance", new String[] {"2m", "120000"}),
            entry("maxBodySize", new String[] {"262144", "262144"}),
            entry("responseTimeout", new String[] {"10s", "10000"}),
            entry("maxConcurrentDeliveries", new String[] {"4", "4"}));
    /** The object options, set to beans (everyObjectOptionTakesABean). */
    private static final Set<String> OBJECT_OPTIONS = Set.of("configuration", "sslContextParameters",
            "progressListener");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, ExtendComponentConverter.class,
                                                     ExtendComponentAutoConfiguration.class));

    @Test
    void thisTestSetsEveryOptionOfTheComponent() {
        Set<String> covered = new HashSet<>(EVERY_OPTION.keySet());
        covered.addAll(OBJECT_OPTIONS);
        assertEquals(StarterMetadata.componentOptions().keySet(), covered,
                     "a new option needs a value in EVERY_OPTION (or OBJECT_OPTIONS)");
    }

    @Test
    void everyPropertyLandsOnTheComponent() {
        String[] properties = EVERY_OPTION.entrySet().stream()
                .map(e -> PREFIX + kebab(e.getKey()) + "=" + e.getValue()[0]).toArray(String[]::new);
        runner.withPropertyValues(properties).run(context -> {
            ExtendComponent component = component(context);
            for (Map.Entry<String, String[]> e : EVERY_OPTION.entrySet()) {
                assertEquals(e.getValue()[1], String.valueOf(option(component, e.getKey())), e.getKey());
            }
        });
    }

    @Test
    void everyObjectOptionTakesABeanAndTheSingleOptionsRefineTheSharedConfiguration() {
        runner.withUserConfiguration(Beans.class)
              .withPropertyValues(PREFIX + "configuration=#bean:sharedExtendConfiguration",
                                  PREFIX + "ssl-context-parameters=#bean:extendTls",
                                  PREFIX + "progress-listener=#bean:batchProgress",
                                  PREFIX + "max-retries=7")
              .run(context -> {
                  ExtendConfiguration bound = component(context).getConfiguration();
                  assertSame(context.getBean("sharedExtendConfiguration"), bound, "the shared bean is the component's");
                  assertSame(context.getBean("extendTls"), bound.getSslContextParameters());
                  assertSame(context.getBean("batchProgress"), bound.getProgressListener());
                  assertEquals("https://api.us2.extend.app", bound.getBaseUrl(), "kept from the shared bean");
                  assertEquals(KEY, bound.getApiKey(), "kept from the shared bean");
                  assertEquals(7, bound.getMaxRetries(), "the single option refines the shared bean");
              });
    }

    @Test
    void onlyWhatIsSetIsApplied() {
        runner.withPropertyValues(PREFIX + "api-key=" + KEY).run(context -> {
            ExtendComponent component = component(context);
            ExtendComponent untouched = new ExtendComponent();
            for (String option : StarterMetadata.componentOptions().keySet()) {
                if (!"apiKey".equals(option) && !OBJECT_OPTIONS.contains(option)) {
                    assertEquals(String.valueOf(option(untouched, option)), String.valueOf(option(component, option)),
                                 option + " keeps the component's own default");
                }
            }
            assertEquals(KEY, component.getConfiguration().getApiKey());
        });
    }

    @Test
    void theStartersSwitchesTurnItOff() {
        runner.withPropertyValues(PREFIX + "api-key=" + KEY, PREFIX + "customizer.enabled=false")
              .run(context -> assertNull(component(context).getConfiguration().getApiKey()));
        runner.withPropertyValues(PREFIX + "api-key=" + KEY, "camel.component.customizer.enabled=false")
              .run(context -> assertNull(component(context).getConfiguration().getApiKey()));
        runner.withPropertyValues(PREFIX + "api-key=" + KEY, PREFIX + "enabled=false")
              .run(context -> {
                  assertFalse(context.containsBean("configureExtendComponent"));
                  assertNull(component(context).getConfiguration().getApiKey());
              });
    }

    @Test
    void aDurationThatIsNoDurationFailsTheStartNamingTheOption() {
        runner.withUserConfiguration(ExtendRoute.class)
              .withPropertyValues(PREFIX + "api-key=" + KEY, PREFIX + "request-timeout=soon")
              .run(context -> {
                  String failure = causes(context.getStartupFailure());
                  assertTrue(failure.contains("requestTimeout"), failure);
                  assertFalse(failure.contains(KEY), failure);
              });
    }

    @Test
    void aMissingKeyNamesThePropertyAndDoesNotAskForTheStarterItHas() {
        runner.withUserConfiguration(ExtendRoute.class).run(context -> {
            String failure = causes(context.getStartupFailure());
            assertTrue(failure.contains("The Extend API key is not set"), failure);
            assertTrue(failure.contains("camel.component.extend.api-key"), failure);
            assertFalse(failure.contains("camel-extend-spring-boot-starter"), "the starter is there: " + failure);
        });
    }

    @Test
    void theSecretsAreNotInThePropertiesBeanNorInAnyLogLine() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        root.addAppender(lines);
        List<Logger> raised = List.of((Logger) LoggerFactory.getLogger("org.apache.camel"),
                                      (Logger) LoggerFactory.getLogger("dev.camelextend"),
                                      (Logger) LoggerFactory.getLogger("org.springframework.boot.context"));
        raised.forEach(l -> l.setLevel(Level.DEBUG));
        try {
            runner.withUserConfiguration(ExtendRoute.class)
                  .withPropertyValues(PREFIX + "api-key=" + KEY, PREFIX + "base-url=http://127.0.0.1:9",
                                      PREFIX + "proxy-host=127.0.0.1", PREFIX + "proxy-port=9",
                                      PREFIX + "proxy-auth-username=proxy-user",
                                      PREFIX + "proxy-auth-password=" + PROXY_PASSWORD,
                                      PREFIX + "secret=" + WEBHOOK_SECRET)
                  .run(context -> {
                      assertNull(context.getStartupFailure());
                      assertEquals(KEY, component(context).getConfiguration().getApiKey());
                      ExtendComponentConfiguration properties = context.getBean(ExtendComponentConfiguration.class);
                      assertFalse(properties.toString().contains(KEY), properties.toString());
                      assertFalse(properties.toString().contains(PROXY_PASSWORD), properties.toString());
                      assertFalse(properties.toString().contains(WEBHOOK_SECRET), properties.toString());
                      assertFalse(component(context).getConfiguration().toString().contains(WEBHOOK_SECRET));
                      assertFalse(component(context).getConfiguration().toString().contains(KEY));
                  });
        } finally {
            raised.forEach(l -> l.setLevel(null));
            root.detachAppender(lines);
        }
        assertTrue(lines.list.stream().anyMatch(e -> e.getLevel() == Level.DEBUG), "DEBUG lines were logged");
        for (ILoggingEvent line : lines.list) {
            String text = line.getFormattedMessage()
                          + (line.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(line.getThrowableProxy()));
            assertFalse(text.contains(KEY), "the API key in a log line: " + text);
            assertFalse(text.contains(PROXY_PASSWORD), "the proxy password in a log line: " + text);
            assertFalse(text.contains(WEBHOOK_SECRET), "the webhook secret in a log line: " + text);
        }
    }

    private static ExtendComponent component(AssertableApplicationContext context) {
        assertNull(context.getStartupFailure());
        return context.getBean(CamelContext.class).getComponent("extend", ExtendComponent.class);
    }

    private static Object option(ExtendComponent component, String option) {
        return new ExtendComponentConfigurer().getOptionValue(component, option, false);
    }

    private static String causes(Throwable failure) {
        assertNotNull(failure, "the start failed");
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t).append('\n');
        }
        return text.toString();
    }

    @Configuration(proxyBeanMethods = false)
    static class Beans {

        @Bean
        ExtendConfiguration sharedExtendConfiguration() {
            ExtendConfiguration shared = new ExtendConfiguration();
            shared.setApiKey(KEY);
            shared.setBaseUrl("https://api.us2.extend.app");
            shared.setMaxRetries(4);
            return shared;
        }

        @Bean
        SSLContextParameters extendTls() {
            return new SSLContextParameters();
        }

        @Bean
        BatchProgressListener batchProgress() {
            return (soFar, finished) -> { };
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ExtendRoute {

        @Bean
        RouteBuilder extendRoute() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:run").to("extend:getRun");
                }
            };
        }
    }
}

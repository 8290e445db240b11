package dev.camelextend.compat.boot3;

import com.fasterxml.jackson.databind.cfg.PackageVersion;
import dev.camelextend.ExtendComponent;
import dev.camelextend.model.WorkflowRun;
import dev.camelextend.model.WorkflowRunStatus;
import dev.camelextend.simulator.ExtendSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * camel-extend in a Spring Boot 3.5 application on Camel Spring Boot 4.17, with the BOM imports the reference page
 * gives: the context starts (it does not without the camel-bom import), runs on Camel 4.17 and on Boot's own
 * HttpClient 5 and Jackson, uses the application's {@code ExtendComponent} bean, and cancels a run
 * against the simulator.
 */
@SpringBootTest(classes = Boot3Test.App.class)
class Boot3Test {

    static final ExtendSimulator SIM = ExtendSimulator.builder().build().start();

    @SpringBootApplication
    static class App {
        /* Without a starter Camel Spring Boot binds no camel.component.extend.* itself: the reference page's way, an
           ExtendComponent bean named extend configured from Spring's environment. */
        @Bean
        ExtendComponent extend(@Value("${extend.base-url}") String baseUrl, @Value("${extend.api-key}") String apiKey) {
            ExtendComponent extend = new ExtendComponent();
            extend.getConfiguration().setBaseUrl(baseUrl);
            extend.getConfiguration().setApiKey(apiKey);
            extend.getConfiguration().setMaxRetries(0);
            return extend;
        }

        @Bean
        RouteBuilder cancelRoute() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:cancel-run").to("extend:cancelRun");
                }
            };
        }
    }

    @DynamicPropertySource
    static void extendProperties(DynamicPropertyRegistry registry) {
        registry.add("extend.base-url", SIM::baseUrl);
        registry.add("extend.api-key", SIM::apiKey);
    }

    @AfterAll
    static void stopSimulator() {
        SIM.close();
    }

    @Autowired
    CamelContext context;

    @Autowired
    ProducerTemplate template;

    @Test
    void cancelsOnCamel417UnderBoot35() {
        assertTrue(SpringBootVersion.getVersion().startsWith("3.5."), SpringBootVersion.getVersion());
        assertEquals("4.17.0", context.getVersion());
        // what Boot 3.5.7 manages, not the component's own 5.6 and 2.22
        assertEquals("5.5.1", HttpAsyncClientBuilder.class.getPackage().getImplementationVersion());
        assertEquals("2.19.2", PackageVersion.VERSION.toString());

        ExtendComponent extend = context.getComponent("extend", ExtendComponent.class);
        assertEquals(SIM.baseUrl(), extend.getConfiguration().getBaseUrl(), "the application's bean is the component");

        String runId = SIM.seedRun("PROCESSING");
        WorkflowRun run = template.requestBody("direct:cancel-run", runId, WorkflowRun.class);
        assertEquals(runId, run.getId());
        assertEquals(WorkflowRunStatus.CANCELLED, run.getStatus());
        assertEquals("CANCELLED", SIM.status(runId));
    }
}

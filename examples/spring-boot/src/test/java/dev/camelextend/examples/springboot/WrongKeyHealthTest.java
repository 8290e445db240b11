package dev.camelextend.examples.springboot;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelextend.simulator.ExtendSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * With a key Extend rejects, the application still starts (the key is set), and its health says so: the
 * component's producer check is DOWN and /actuator/health answers 503, without showing the key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WrongKeyHealthTest {

    private static final String WRONG_KEY = "sk_test_revoked_key_1234";

    @RegisterExtension
    static final ExtendSimulatorExtension SIM = ExtendSimulatorExtension.create();

    @DynamicPropertySource
    static void extend(DynamicPropertyRegistry registry) {
        registry.add("camel.component.extend.api-key", () -> WRONG_KEY);
        registry.add("camel.component.extend.base-url", SIM::baseUrl);
    }

    @LocalServerPort
    int port;

    @Test
    void healthIsDownWith503() throws Exception {
        Http.Answer health = Http.get(port, "/actuator/health");
        assertEquals(503, health.status(), health.body());
        assertEquals("DOWN", health.json().path("status").asText());
        JsonNode camelHealth = health.json().path("components").path("camelHealth");
        Map.Entry<String, JsonNode> check = CancelRunsApplicationTest.producerCheck(camelHealth);
        assertEquals("DOWN", check.getValue().asText(), health.body());
        assertFalse(health.body().contains(WRONG_KEY), health.body());
        assertEquals(401, SIM.journal().get(SIM.journal().size() - 1).responseStatus(), "Extend rejected the key");
    }
}

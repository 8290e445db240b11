package dev.camelextend.examples.quarkus;

import java.util.Map;

import dev.camelextend.simulator.ExtendSimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts the Extend simulator before Quarkus starts the application, and points the component at it through
 * configuration: {@code camel.component.extend.base-url} and {@code api-key}, over what application.properties says.
 */
public class ExtendSimulatorResource implements QuarkusTestResourceLifecycleManager {

    /** One simulator for the test JVM; the test seeds runs in it. */
    static volatile ExtendSimulator simulator;

    @Override
    public Map<String, String> start() {
        simulator = ExtendSimulator.builder().build().start();
        return Map.of("camel.component.extend.base-url", simulator.baseUrl(),
                      "camel.component.extend.api-key", simulator.apiKey());
    }

    @Override
    public void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }
}

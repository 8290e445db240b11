package dev.camelextend.docs;

import org.apache.camel.spi.PropertiesFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The {@code env:} properties function for the reference page's snippets: {@code {{env:EXTEND_API_KEY}}} resolves to
 * the simulator's key without touching the test JVM's environment, and any other variable fails the test, because the
 * page reads only the API key from the environment.
 */
record SimulatorKeyEnv(String apiKey) implements PropertiesFunction {

    @Override
    public String getName() {
        return "env";
    }

    @Override
    public String apply(String remainder) {
        assertEquals("EXTEND_API_KEY", remainder, "the page reads only the API key from the environment");
        return apiKey;
    }
}

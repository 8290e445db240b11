package dev.camelextend.client;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The message of a missing API key: where to set it, and on Spring Boot without the starter, that the property alone
 * is not read there and which artifact reads it.
 */
class OptionRulesTest {

    private static final String PLAIN = "The Extend API key is not set: set the apiKey option on the endpoint or"
                                        + " camel.component.extend.api-key on the component";

    @Test
    void withoutSpringBootItNamesTheOptionAndTheProperty() {
        assertEquals(PLAIN, OptionRules.missingKey(Set.<String>of()::contains));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OptionRules.apiKey(" "));
        assertEquals(PLAIN, e.getMessage(), "this class path has no Spring Boot");
    }

    @Test
    void onSpringBootWithoutTheStarterItSaysWhatToAdd() {
        String message = OptionRules.missingKey(Set.of(OptionRules.SPRING_BOOT)::contains);
        assertTrue(message.startsWith(PLAIN), message);
        assertTrue(message.contains("dev.camelextend:camel-extend-spring-boot-starter"), message);
        assertFalse(message.contains("\n"), message);
    }

    @Test
    void onSpringBootWithTheStarterThePropertyIsRead() {
        assertEquals(PLAIN, OptionRules.missingKey(Set.of(OptionRules.SPRING_BOOT, OptionRules.STARTER)::contains));
    }
}

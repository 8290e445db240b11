package dev.camelextend.springboot;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static dev.camelextend.springboot.StarterMetadata.PREFIX;
import static dev.camelextend.springboot.StarterMetadata.kebab;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The IDE's view of the starter: the spring-configuration-metadata.json in the starter's jar lists every option of
 * the component, with its description and default from extend.json and the type the properties class binds, plus the
 * starter's own switches, and nothing else under {@code camel.component.extend}.
 */
class SpringConfigurationMetadataTest {

    private final Map<String, JsonNode> listed = new HashMap<>();

    SpringConfigurationMetadataTest() {
        StarterMetadata.springMetadata().get("properties").forEach(p -> listed.put(p.get("name").asText(), p));
    }

    @Test
    void everyComponentOptionIsListedWithItsDescriptionDefaultAndType() {
        Map<String, JsonNode> options = StarterMetadata.componentOptions();
        assertTrue(options.containsKey("apiKey") && options.size() > 20, "extend.json was read: " + options.keySet());
        for (Map.Entry<String, JsonNode> e : options.entrySet()) {
            String name = PREFIX + kebab(e.getKey());
            JsonNode option = e.getValue();
            JsonNode property = listed.get(name);
            assertNotNull(property, name + " is not in spring-configuration-metadata.json");
            assertEquals(ExtendComponentConfiguration.class.getName(), property.path("sourceType").asText(), name);
            assertTrue(property.path("description").asText().startsWith(option.get("description").asText()),
                       name + ": the description is the option's: " + property.path("description"));
            assertEquals(expectedType(option), property.path("type").asText(), name);
            JsonNode expectedDefault = option.get("defaultValue");
            if (expectedDefault == null) {
                assertTrue(property.path("defaultValue").isMissingNode(), name + " has no default in extend.json");
            } else if ("duration".equals(option.get("type").asText())) {
                assertEquals(expectedDefault.asText(), property.path("defaultValue").asText(), name);
            } else if (expectedDefault.isNumber()) {
                // the configuration processor writes a whole double such as 0.0 as 0
                assertEquals(expectedDefault.doubleValue(), property.path("defaultValue").asDouble(Double.NaN), name);
            } else {
                assertEquals(expectedDefault, property.path("defaultValue"), name);
            }
        }
    }

    @Test
    void durationsSayTheyTakeCamelDurationText() {
        assertTrue(listed.get(PREFIX + "request-timeout").get("description").asText().contains("1m30s"));
    }

    @Test
    void theSwitchesOfCamelsStartersAreListedAndNothingElse() {
        Set<String> expected = new HashSet<>();
        StarterMetadata.componentOptions().keySet().forEach(o -> expected.add(PREFIX + kebab(o)));
        expected.add(PREFIX + "enabled");
        expected.add(PREFIX + "customizer.enabled");
        Set<String> ours = new HashSet<>();
        listed.keySet().stream().filter(n -> n.startsWith(PREFIX)).forEach(ours::add);
        assertEquals(expected, ours);
        assertTrue(listed.get(PREFIX + "enabled").get("description").asText().contains("extend component"));
    }

    @Test
    void theProxySchemeOffersItsValues() {
        JsonNode hint = null;
        for (JsonNode h : StarterMetadata.springMetadata().get("hints")) {
            if ((PREFIX + "proxy-scheme").equals(h.get("name").asText())) {
                hint = h;
            }
        }
        assertNotNull(hint);
        Set<String> values = new HashSet<>();
        hint.get("values").forEach(v -> values.add(v.get("value").asText()));
        Set<String> expected = new HashSet<>();
        StarterMetadata.componentOptions().get("proxyScheme").get("enum").forEach(v -> expected.add(v.asText()));
        assertEquals(expected, values);
    }

    /** What the properties class binds each kind of option to (see GenerateStarterSources). */
    private static String expectedType(JsonNode option) {
        String kind = option.get("type").asText();
        String javaType = option.get("javaType").asText();
        if ("duration".equals(kind)) {
            return "java.lang.String";
        }
        return switch (javaType) {
            case "boolean" -> "java.lang.Boolean";
            case "int" -> "java.lang.Integer";
            case "long" -> "java.lang.Long";
            case "double" -> "java.lang.Double";
            default -> javaType;
        };
    }
}

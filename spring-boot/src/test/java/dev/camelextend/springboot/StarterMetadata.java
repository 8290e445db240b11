package dev.camelextend.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The two metadata files the starter's tests compare: the component's extend.json (from the camel-extend on the class
 * path) and the spring-configuration-metadata.json this module's build wrote (from its own output, not another jar's).
 */
final class StarterMetadata {

    static final String PREFIX = "camel.component.extend.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private StarterMetadata() {
    }

    /** The component options, by name, as extend.json lists them. */
    static Map<String, JsonNode> componentOptions() {
        JsonNode model = read(StarterMetadata.class.getClassLoader().getResource("META-INF/dev/camelextend/extend.json"));
        Map<String, JsonNode> options = new java.util.LinkedHashMap<>();
        model.get("componentProperties").properties().forEach(e -> options.put(e.getKey(), e.getValue()));
        return options;
    }

    /** META-INF/spring-configuration-metadata.json of this module's classes (what its jar holds). */
    static JsonNode springMetadata() {
        URL classes = ExtendComponentConfiguration.class.getProtectionDomain().getCodeSource().getLocation();
        try {
            List<URL> found = Collections.list(StarterMetadata.class.getClassLoader()
                    .getResources("META-INF/spring-configuration-metadata.json"));
            List<URL> ours = new ArrayList<>();
            for (URL url : found) {
                if (url.toString().startsWith(classes.toString()) || url.toString().contains(classes.getPath())) {
                    ours.add(url);
                }
            }
            if (ours.size() != 1) {
                throw new IllegalStateException("expected one spring-configuration-metadata.json in " + classes
                                                + ", found " + ours + " of " + found);
            }
            return read(ours.get(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String kebab(String option) {
        return option.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }

    private static JsonNode read(URL url) {
        try (InputStream in = url.openStream()) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

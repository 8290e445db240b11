package dev.camelextend;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * META-INF/services/org/apache/camel/component.properties, the file IDE plugins and catalog tools read to discover a
 * jar's components, as the build puts it next to the component's classes (what the jar gets): the keys Camel's own
 * jars carry, with the values of extend.json (which Camel's generator took from the POM) and of the POM, and every
 * component it names resolvable through Camel's component service file.
 */
class ComponentPropertiesTest {

    static final String RESOURCE = "META-INF/services/org/apache/camel/component.properties";

    @Test
    void theComponentListNamesThisJarsComponentWithItsCoordinates() throws Exception {
        Properties p = load(ourCopy(RESOURCE));
        assertEquals(List.of("artifactId", "components", "groupId", "projectDescription", "projectName", "version"),
                sortedKeys(p), "the keys of Camel's own component.properties");
        p.stringPropertyNames().forEach(k -> assertFalse(p.getProperty(k).contains("${"), k + " is filtered"));

        JsonNode component = new ObjectMapper().readTree(
                Path.of("src/generated/resources/META-INF/dev/camelextend/extend.json").toFile()).path("component");
        assertEquals(component.path("name").asText(), p.getProperty("components"));
        assertEquals(component.path("groupId").asText(), p.getProperty("groupId"));
        assertEquals(component.path("artifactId").asText(), p.getProperty("artifactId"));
        assertEquals(component.path("version").asText(), p.getProperty("version"));

        Element pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Path.of("camel-extend.pom.xml").toFile()).getDocumentElement();
        assertEquals(child(pom, "name"), p.getProperty("projectName"));
        assertEquals(child(pom, "description"), p.getProperty("projectDescription"));
    }

    @Test
    void everyListedComponentHasItsServiceFileBesideIt() throws IOException {
        for (String name : load(ourCopy(RESOURCE)).getProperty("components").split(" ")) {
            Properties service = load(ourCopy("META-INF/services/org/apache/camel/component/" + name));
            assertEquals(ExtendComponent.class.getName(), service.getProperty("class"), name);
        }
    }

    /**
     * The copy next to this build's classes; Camel's own jars on the test classpath carry theirs too. The classes are
     * a directory here and the built jar in the version matrix (compat/), whose resources are {@code jar:} URLs.
     */
    private static URL ourCopy(String resource) throws IOException {
        String classes = ExtendComponent.class.getProtectionDomain().getCodeSource().getLocation().toString();
        List<URL> found = new ArrayList<>();
        for (URL url : Collections.list(ExtendComponent.class.getClassLoader().getResources(resource))) {
            if (url.toString().startsWith(classes) || url.toString().startsWith("jar:" + classes + "!/")) {
                found.add(url);
            }
        }
        assertEquals(1, found.size(), resource + " beside " + classes + ": " + found);
        return found.get(0);
    }

    private static Properties load(URL url) throws IOException {
        Properties p = new Properties();
        try (InputStream in = url.openStream()) {
            p.load(in);
        }
        return p;
    }

    private static List<String> sortedKeys(Properties p) {
        List<String> keys = new ArrayList<>(p.stringPropertyNames());
        Collections.sort(keys);
        return keys;
    }

    /** The text of a direct child element of the POM's project (not of its parent or a plugin). */
    private static String child(Element project, String tag) {
        for (Node n = project.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e.getTextContent().trim();
            }
        }
        throw new AssertionError("no <" + tag + "> in camel-extend.pom.xml");
    }
}

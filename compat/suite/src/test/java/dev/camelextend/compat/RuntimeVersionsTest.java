package dev.camelextend.compat;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Guards the version matrix: the class path the component's suite runs on (in this module) holds exactly the Camel,
 * HttpClient 5 and Jackson versions the run was asked for, none of the build's own slipping in through a transitive
 * dependency. Without it a combination could pass while testing Camel 4.22 again.
 */
class RuntimeVersionsTest {

    /** The webhook tests' engine and what it brings of Camel's: a test dependency with a version of its own. */
    private static final java.util.Set<String> PLATFORM_HTTP = java.util.Set.of("camel-platform-http",
            "camel-platform-http-vertx", "camel-attachments", "camel-vertx-common");

    @Test
    void theClassPathHasTheRequestedRuntimeAndNoOtherVersionOfIt() {
        String camel = required("expected.camel.version");
        String camelTest = required("expected.camel-test.version");
        String camelKamelet = required("expected.camel-kamelet.version");
        String camelPlatformHttp = required("expected.camel-platform-http.version");
        String httpclient5 = required("expected.httpclient5.version");
        String httpcore5 = required("expected.httpcore5.version");
        String jackson = required("expected.jackson.version");

        Map<String, String> wrong = new TreeMap<>();
        List<String> seen = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path jar = Path.of(entry);
            if (!entry.endsWith(".jar") || jar.getNameCount() < 4) {
                continue;
            }
            // a Maven repository path: .../group/as/dirs/artifact/version/artifact-version.jar
            String version = jar.getParent().getFileName().toString();
            String artifact = jar.getParent().getParent().getFileName().toString();
            String group = jar.getParent().getParent().getParent().toString().replace(File.separatorChar, '.');
            String expected = null;
            if (group.endsWith(".org.apache.camel")) {
                // the two test-only jars not served at every Camel version follow their own property
                expected = artifact.startsWith("camel-test") ? camelTest
                        : artifact.equals("camel-kamelet") ? camelKamelet
                        : PLATFORM_HTTP.contains(artifact) ? camelPlatformHttp : camel;
            } else if (group.endsWith(".org.apache.httpcomponents.client5")) {
                expected = httpclient5;
            } else if (group.endsWith(".org.apache.httpcomponents.core5")) {
                expected = httpcore5;
            } else if (group.contains(".com.fasterxml.jackson.")) {
                // since Jackson 2.20 jackson-annotations carries major.minor only ("2.21" beside 2.21.4)
                String minor = jackson.substring(0, jackson.lastIndexOf('.'));
                expected = artifact.equals("jackson-annotations") && version.equals(minor) ? minor : jackson;
            }
            if (expected != null) {
                seen.add(artifact + ":" + version);
                if (!expected.equals(version)) {
                    wrong.put(artifact, version + " (expected " + expected + ")");
                }
            }
        }
        assertFalse(seen.stream().noneMatch(a -> a.startsWith("camel-support:")), "no camel-support on " + seen);
        assertFalse(seen.stream().noneMatch(a -> a.startsWith("httpclient5:")), "no httpclient5 on " + seen);
        assertFalse(seen.stream().noneMatch(a -> a.startsWith("jackson-databind:")), "no jackson-databind on " + seen);
        assertEquals(Map.of(), wrong, "class path entries of another version than the run asked for");
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        assertFalse(value == null || value.isBlank(), name + " is not passed to the test JVM");
        return value;
    }
}

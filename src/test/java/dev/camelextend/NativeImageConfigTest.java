package dev.camelextend;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelextend.model.WorkflowRun;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Owns the GraalVM native-image configuration shipped inside the jar,
 * {@code src/main/resources/META-INF/native-image/dev.camelextend/camel-extend/reflect-config.json} and
 * {@code resource-config.json}. JSON has no comments, so the rules live here: the files are what {@link #reflect()} and
 * {@link #resources()} derive from the compiled classes and the generated service files, and this test fails when a
 * committed file differs, so a new model class, exception or generated configurer cannot be forgotten. After such a
 * change, rewrite both with {@code ./mvnw -B verify -pl :camel-extend -am -Dtest=NativeImageConfigTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dcamel-extend.write-native-config=true} and commit them.
 *
 * <p>What needs reflection, and why:
 * <ul>
 * <li>every public class of {@code dev.camelextend.model}: Jackson builds and fills them through their constructors,
 * setters and annotated fields, and Simple reads them through getters ({@code ${body.status}},
 * {@code ${body.workflow.name}}, {@code ${body.status.terminal}});</li>
 * <li>every public exception of {@code dev.camelextend}: Simple reads their getters ({@code ${exception.runId}}), and the
 * YAML and XML DSLs load them by name in {@code onException};</li>
 * <li>every class a generated file under {@code META-INF/services/org/apache/camel} names: Camel's FactoryFinder loads
 * it by name and calls its no-argument constructor (the component, its configurers, the URI factory);</li>
 * <li>the configuration, endpoint and operation enum, which Camel's property binding and type converters may reach
 * reflectively when no configurer answers.</li>
 * </ul>
 * Resources: the service files and component metadata (found by name at run time), the Kamelets (found by name under
 * {@code classpath:kamelets}), the version file the User-Agent reads, and HttpClient 5's public suffix list, which its
 * TLS host-name check loads by name.
 */
class NativeImageConfigTest {

    static final Path DIR = Path.of("src/main/resources/META-INF/native-image/dev.camelextend/camel-extend");
    static final Path REFLECT = DIR.resolve("reflect-config.json");
    static final Path RESOURCES = DIR.resolve("resource-config.json");
    private static final String SERVICES = "META-INF/services/org/apache/camel/";
    /** The HttpClient 5 resource its {@code PublicSuffixMatcherLoader} reads for TLS host-name checks. */
    static final String PUBLIC_SUFFIX_LIST = "org/publicsuffix/list/effective_tld_names.dat";

    private static final String[] MODEL = {"allDeclaredConstructors", "allPublicConstructors", "allDeclaredMethods",
        "allPublicMethods", "allDeclaredFields", "allPublicFields"};
    private static final String[] READ_BY_GETTERS = {"allPublicMethods"};
    private static final String[] CREATED_BY_NAME = {"allDeclaredConstructors", "allPublicConstructors",
        "allPublicMethods"};
    private static final String[] BOUND = {"allPublicConstructors", "allPublicMethods", "allPublicFields"};

    @Test
    void theShippedReflectConfigIsTheOneTheRulesGive() throws Exception {
        check(REFLECT, renderReflect(reflect()));
    }

    @Test
    void theShippedResourceConfigIsTheOneTheRulesGive() throws Exception {
        check(RESOURCES, renderResources(resources()));
    }

    @Test
    void theRulesFindWhatTheyAreFor() throws Exception {
        Map<String, String[]> reflect = reflect();
        assertArrayEquals(MODEL, reflect.get(WorkflowRun.class.getName()));
        assertArrayEquals(MODEL, reflect.get("dev.camelextend.model.WorkflowRunStatus"));
        assertArrayEquals(READ_BY_GETTERS, reflect.get(ExtendCancelNotAllowedException.class.getName()));
        for (String created : List.of("ExtendComponent", "ExtendComponentConfigurer", "ExtendEndpointConfigurer",
                "ExtendConfigurationConfigurer", "ExtendEndpointUriFactory")) {
            assertArrayEquals(CREATED_BY_NAME, reflect.get("dev.camelextend." + created), created);
        }
        assertFalse(reflect.containsKey("dev.camelextend.client.ExtendClient"), "the client room is not reflective");
        List<String> resources = resources();
        assertTrue(resources.contains(SERVICES + "component/extend"), () -> resources.toString());
        assertTrue(resources.contains("kamelets/extend-cancel-run-action.kamelet.yaml"), () -> resources.toString());
        assertTrue(resources.contains("dev/camelextend/client/camel-extend.properties"), () -> resources.toString());
        // well-formed JSON of the shapes native-image reads: an array of classes, an object of resource patterns
        ObjectMapper json = new ObjectMapper();
        assertEquals(reflect.size(), json.readTree(renderReflect(reflect)).size());
        assertEquals(resources.size(), json.readTree(renderResources(resources)).path("resources").path("includes").size());
        assertTrue(Pattern.compile(json.readTree(renderResources(resources)).path("resources").path("includes").get(0)
                .path("pattern").asText()).matcher(resources.get(0)).matches(), "a pattern matches its resource");
    }

    @Test
    void everyShippedResourceIsOnTheClassPath() throws Exception {
        for (String resource : resources()) {
            assertNotNull(NativeImageConfigTest.class.getClassLoader().getResource(resource), resource);
        }
    }

    /** The classes to register, with their flags, by class name. */
    static Map<String, String[]> reflect() throws Exception {
        Map<String, String[]> entries = new TreeMap<>();
        for (String name : classNames()) {
            Class<?> type = Class.forName(name, false, NativeImageConfigTest.class.getClassLoader());
            if (!isPublic(type)) {
                continue;
            }
            if (type.getPackageName().equals("dev.camelextend.model")) {
                entries.put(type.getName(), MODEL);
            } else if (type.getPackageName().equals("dev.camelextend") && Throwable.class.isAssignableFrom(type)) {
                entries.put(type.getName(), READ_BY_GETTERS);
            }
        }
        for (String service : serviceFiles()) {
            Properties p = new Properties();
            try (InputStream in = NativeImageConfigTest.class.getClassLoader().getResourceAsStream(service)) {
                assertNotNull(in, service);
                p.load(in);
            }
            String name = p.getProperty("class");
            if (name != null) { // component.properties, for catalogs and IDE plugins, names none
                entries.put(name, CREATED_BY_NAME);
            }
        }
        for (Class<?> bound : List.of(ExtendConfiguration.class, ExtendEndpoint.class, ExtendOperation.class)) {
            entries.putIfAbsent(bound.getName(), BOUND);
        }
        return entries;
    }

    /** The resources to include, as plain names. */
    static List<String> resources() throws Exception {
        List<String> resources = new ArrayList<>(serviceFiles());
        resources.add("META-INF/dev/camelextend/extend.json");
        resources.add("dev/camelextend/client/camel-extend.properties");
        resources.addAll(kamelets());
        resources.add(PUBLIC_SUFFIX_LIST);
        resources.sort(null);
        return resources;
    }

    static String renderReflect(Map<String, String[]> entries) {
        StringBuilder json = new StringBuilder("[\n");
        int i = 0;
        for (Map.Entry<String, String[]> e : entries.entrySet()) {
            json.append("  {\n    \"name\": \"").append(e.getKey()).append('"');
            for (String flag : e.getValue()) {
                json.append(",\n    \"").append(flag).append("\": true");
            }
            json.append("\n  }").append(++i < entries.size() ? "," : "").append('\n');
        }
        return json.append("]\n").toString();
    }

    static String renderResources(List<String> resources) {
        StringBuilder json = new StringBuilder("{\n  \"resources\": {\n    \"includes\": [\n");
        for (int i = 0; i < resources.size(); i++) {
            json.append("      {\n        \"pattern\": \"").append(Pattern.quote(resources.get(i)).replace("\\", "\\\\"))
                .append("\"\n      }").append(i + 1 < resources.size() ? "," : "").append('\n');
        }
        return json.append("    ]\n  }\n}\n").toString();
    }

    private static void check(Path file, String expected) throws IOException {
        if (Boolean.getBoolean("camel-extend.write-native-config")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, expected, StandardCharsets.UTF_8);
        }
        assertTrue(Files.isRegularFile(file), file + " is missing");
        assertEquals(expected, Files.readString(file, StandardCharsets.UTF_8),
                file + " differs from what the rules of NativeImageConfigTest give: rewrite it as its Javadoc says");
    }

    private static boolean isPublic(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
            if (!Modifier.isPublic(t.getModifiers())) {
                return false;
            }
        }
        return !type.isAnonymousClass() && !type.isSynthetic();
    }

    /** The component's compiled classes of the packages the rules look at, by binary name. */
    private static List<String> classNames() throws IOException, URISyntaxException {
        Path root = CLASSES;
        List<String> names = new ArrayList<>();
        for (String pkg : List.of("dev/camelextend", "dev/camelextend/model")) {
            try (Stream<Path> files = Files.list(root.resolve(pkg))) {
                files.map(f -> relative(root, f))
                     .filter(f -> f.endsWith(".class") && !f.endsWith("package-info.class"))
                     .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.'))
                     .sorted().forEach(names::add);
            }
        }
        return names;
    }

    /** The Kamelets the jar ships, which camel-kamelet finds by name under classpath:kamelets. */
    private static List<String> kamelets() throws IOException {
        Path root = CLASSES;
        try (Stream<Path> files = Files.list(root.resolve("kamelets"))) {
            return files.map(f -> relative(root, f)).filter(f -> f.endsWith(".kamelet.yaml")).sorted().toList();
        }
    }

    /** The Camel service files of the component (generated, and component.properties), as resource names. */
    private static List<String> serviceFiles() throws IOException, URISyntaxException {
        Path root = CLASSES;
        Path services = root.resolve(SERVICES);
        try (Stream<Path> files = Files.walk(services)) {
            return files.filter(Files::isRegularFile).map(f -> relative(root, f))
                        .sorted().toList();
        }
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    /** Where the component's classes were loaded from: target/classes here, the built jar in the version matrix. */
    private static final Path CLASSES = classesRoot();

    private static Path classesRoot() {
        try {
            URL location = ExtendComponent.class.getProtectionDomain().getCodeSource().getLocation();
            Path root = Path.of(location.toURI());
            return Files.isDirectory(root) ? root : FileSystems.newFileSystem(root).getPath("/");
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot read the component's classes", e);
        }
    }
}

package com.example;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.camelextend.simulator.ExtendSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's Quickstart, as a newcomer runs it: this module's files are the README's snippets (the dependency list,
 * {@code application.properties}, {@code CancelRunsRoute.java}), and the route runs in a JVM of its own on this
 * module's class path (the README's dependencies, plus the simulator and JUnit, which bring no Camel component), with
 * the key in {@code EXTEND_API_KEY} and the simulator's URL as the one override, as step 3 runs it - and logs what the
 * README says.
 */
class QuickstartTest {

    static final Path README = Path.of("../../README.md");
    static final Pattern FENCE = Pattern.compile("(?ms)^```(\\w+)\\n(.*?)^```$");

    /** The one property step 3 adds to reach the simulator instead of Extend. */
    static final String BASE_URL_OVERRIDE = "-Dcamel.component.extend.base-url=";

    static ExtendSimulator sim;

    @BeforeAll
    static void startSimulator() {
        sim = ExtendSimulator.builder().build().start();
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    @Test
    void theJavaSnippetIsThisModulesRoute() throws IOException {
        assertEquals(quickstartBlock("java"), Files.readString(Path.of("src/main/java/com/example/CancelRunsRoute.java")));
    }

    @Test
    void thePropertiesSnippetIsThisModulesApplicationProperties() throws IOException {
        assertEquals(quickstartBlock("properties"), Files.readString(Path.of("src/main/resources/application.properties")));
    }

    @Test
    void theDependencySnippetIsThisModulesDependencies() throws IOException {
        String readme = quickstartBlock("xml");
        String pom = Files.readString(Path.of("pom.xml"));
        String ours = pom.substring(pom.indexOf("<!-- the README's dependency list"), pom.indexOf("<!-- test:"));
        assertEquals(dependencies(ours), dependencies(readme), "the README lists what this module depends on");
        String camel = Files.readString(Path.of("../pom.xml")).replaceAll("(?s).*<camel.version>(.*?)</camel.version>.*", "$1");
        assertTrue(readme.contains("<artifactId>camel-bom</artifactId>\n            <version>" + camel + "</version>"),
                "the README imports the Camel BOM this project builds with (" + camel + "):\n" + readme);
    }

    @Test
    void theYamlSnippetIsThisModulesYamlRoute() throws IOException {
        assertEquals(quickstartBlock("yaml"), Files.readString(Path.of("src/main/resources/routes/cancel-runs.camel.yaml")));
    }

    @Test
    void theRunCommandNamesThisModulesMainClassTheSimulatorsKeyAndOneOverride() throws IOException {
        String command = quickstartBlock("bash");
        assertTrue(command.startsWith("EXTEND_API_KEY=" + ExtendSimulator.DEFAULT_API_KEY + " mvn compile exec:java "),
                "step 3 runs the project with the simulator's default key:\n" + command);
        assertTrue(command.contains(" -Dexec.mainClass=" + CancelRunsRoute.class.getName() + " "), command);
        assertEquals(List.of(BASE_URL_OVERRIDE + "http://127.0.0.1:8777"), systemProperties(command),
                "besides exec's own, the one -D is the simulator's URL, on the port the README starts it on");
        String readme = Files.readString(README);
        assertTrue(readme.contains("`java -jar simulator/target/camel-extend-simulator.jar --port 8777 --seed-runs 3`"),
                "the README starts the simulator on the port its command uses");
    }

    @Test
    void theRouteCancelsARunAndLogsIt() throws Exception {
        String runId = sim.seedRun("PROCESSING");
        String output = runQuickstart(CancelRunsRoute.class, runId);
        assertTrue(output.contains("Run " + runId + " is now CANCELLED (workflow "), output);
        assertEquals("CANCELLED", sim.status(runId));
    }

    @Test
    void aRunThatAlreadyFinishedIsLoggedAsNotCancelled() throws Exception {
        String runId = sim.seedRun("PROCESSED");
        String output = runQuickstart(CancelRunsRoute.class, runId);
        assertTrue(output.contains("Run " + runId + " was not cancelled: it is already PROCESSED"), output);
        assertEquals("PROCESSED", sim.status(runId));
    }

    @Test
    void theYamlRouteCancelsARunAndLogsIt() throws Exception {
        String runId = sim.seedRun("PROCESSING");
        String output = runQuickstart(YamlQuickstart.class, runId,
                "-Dcamel.main.routes-include-pattern=classpath:routes/*.camel.yaml"); // step 2b's one line
        assertTrue(output.contains("Run " + runId + " is now CANCELLED (workflow "), output);
        String refused = sim.seedRun("FAILED");
        output = runQuickstart(YamlQuickstart.class, refused,
                "-Dcamel.main.routes-include-pattern=classpath:routes/*.camel.yaml");
        assertTrue(output.contains("Run " + refused + " was not cancelled: it is already FAILED"), output);
    }

    /** {@code java -cp <this module> <main> <runId>}, as a user would run the Quickstart. */
    private static String runQuickstart(Class<?> mainClass, String runId, String... jvmOptions) throws Exception {
        Path out = Files.createTempFile("quickstart", ".log");
        try {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1",
                    // the Quickstart's application.properties points at Extend: the simulator stands in for it
                    BASE_URL_OVERRIDE + sim.baseUrl()));
            command.addAll(List.of(jvmOptions));
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName(), runId));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
            pb.environment().put("EXTEND_API_KEY", sim.apiKey());
            Process p = pb.start();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the Quickstart did not end within 60 s");
            String output = Files.readString(out, StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), output);
            return output;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** The first block of {@code language} after the README's Quickstart heading. */
    private static String quickstartBlock(String language) throws IOException {
        String readme = Files.readString(README);
        String quickstart = readme.substring(readme.indexOf("\n## Quickstart\n"));
        Matcher m = FENCE.matcher(quickstart);
        while (m.find()) {
            if (m.group(1).equals(language)) {
                return m.group(2);
            }
        }
        throw new AssertionError("no ```" + language + " block in the README's Quickstart");
    }

    /** The {@code -D} options of a command line, except exec-maven-plugin's own. */
    private static List<String> systemProperties(String command) {
        List<String> props = new ArrayList<>();
        for (String word : command.split("[\\s\\\\]+")) {
            if (word.startsWith("-D") && !word.startsWith("-Dexec.")) {
                props.add(word);
            }
        }
        return props;
    }

    /** groupId:artifactId of each dependency, in order. */
    private static List<String> dependencies(String xml) {
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("(?s)<dependency>\\s*<groupId>(.*?)</groupId>\\s*<artifactId>(.*?)</artifactId>")
                .matcher(xml);
        while (m.find()) {
            if (!m.group(2).equals("camel-bom")) {
                ids.add(m.group(1) + ":" + m.group(2));
            }
        }
        return ids;
    }
}

package dev.camelextend.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps the reference page's section Versions to what is run. Its table has the build's own row and one row per
 * {@code matrix "ROW" ...} line of {@code .ci/run}, each cell the version that line passes ({@code -Druntime.*}, or
 * the build's own where it passes none, or Java 25 for {@code -Djvm}); the Quarkus and Spring Boot 3 rows name the
 * versions of {@code examples/quarkus} and {@code compat/spring-boot-3}; the Spring Boot 3 XML block is, character for
 * character, the BOM imports of {@code compat/spring-boot-3/pom.xml}, which that module's application starts with.
 */
class ReferenceVersionsTest {

    static final Path CI = Path.of(".ci/run");
    static final Path BOOT3 = Path.of("compat/spring-boot-3/pom.xml");
    static final Path SUITE = Path.of("compat/suite/pom.xml");
    static final Path QUARKUS = Path.of("examples/quarkus/pom.xml");
    private static final Pattern XML_TAG = Pattern.compile("(?ms)^[ \\t]*<!-- tag::([\\w-]+)\\[] -->\\n(.*?)^[ \\t]*<!-- end::\\1\\[] -->$");
    /** Columns of the table after the first: which {@code -D} property gives each, and the suite's default. */
    private static final String[][] COLUMNS = {
        {"runtime.camel.version"}, {"runtime.httpclient5.version", "runtime.httpcore5.version"},
        {"runtime.jackson.version"}};

    @Test
    void everyMatrixRunOfCiHasItsRowWithItsVersionsAndNoRowIsUnrun() throws IOException {
        Map<String, List<String>> rows = tableRows();
        Map<String, Map<String, String>> runs = matrixRuns();
        assertFalse(runs.isEmpty(), "no matrix line in " + CI);
        List<String> labels = new ArrayList<>(rows.keySet());
        assertTrue(labels.get(0).startsWith("The build"), "the first row is the build's own: " + labels);
        assertEquals(List.copyOf(runs.keySet()), labels.subList(1, labels.size()), "rows after the first = the matrix of " + CI);

        Map<String, String> defaults = suiteDefaults();
        check(labels.get(0), rows.get(labels.get(0)), Map.of(), defaults);
        for (Map.Entry<String, Map<String, String>> run : runs.entrySet()) {
            check(run.getKey(), rows.get(run.getKey()), run.getValue(), defaults);
        }
    }

    @Test
    void theApplicationRowsNameTheVersionsTheirProjectsBuildOn() throws IOException {
        Map<String, List<String>> rows = tableRows();
        String quarkus = Files.readString(QUARKUS, StandardCharsets.UTF_8);
        String camelQuarkus = property(quarkus, "camel-quarkus.version");
        List<String> cqRow = rows.get("Camel Quarkus " + camelQuarkus);
        assertNotNull(cqRow, "a row for the Camel Quarkus of " + QUARKUS + ": " + rows.keySet());
        assertTrue(cqRow.get(5).contains("Quarkus " + property(quarkus, "quarkus.platform.version")), cqRow.get(5));

        String boot3 = Files.readString(BOOT3, StandardCharsets.UTF_8);
        Matcher parent = Pattern.compile("(?s)<parent>.*?<version>(.*?)</version>").matcher(boot3);
        assertTrue(parent.find());
        List<String> bootRow = rows.get("Spring Boot " + parent.group(1));
        assertNotNull(bootRow, "a row for the Spring Boot of " + BOOT3 + ": " + rows.keySet());
        assertTrue(boot3Boms().contains("<version>" + bootRow.get(1) + "</version>"),
                "the Camel of the row is the BOMs' version: " + bootRow.get(1));
    }

    /** The two BOM imports of compat/spring-boot-3/pom.xml, as the page shows them. */
    static String boot3Boms() throws IOException {
        Matcher m = XML_TAG.matcher(Files.readString(BOOT3, StandardCharsets.UTF_8));
        assertTrue(m.find() && m.group(1).equals("boot3-boms"), "the tagged BOM imports of " + BOOT3);
        String region = m.group(2);
        int indent = region.length() - region.stripLeading().length();
        StringBuilder sb = new StringBuilder();
        for (String line : region.split("\n")) {
            sb.append(line.isBlank() ? "" : line.substring(Math.min(indent, line.length() - line.stripLeading().length())))
              .append('\n');
        }
        return sb.toString();
    }

    private static void check(String label, List<String> row, Map<String, String> run, Map<String, String> defaults) {
        assertNotNull(row, "no row " + label);
        for (int c = 0; c < COLUMNS.length; c++) {
            List<String> expected = new ArrayList<>();
            for (String property : COLUMNS[c]) {
                expected.add(run.getOrDefault(property, defaults.get(property)));
            }
            assertEquals(String.join(" / ", expected), row.get(c + 1), label + ", column " + (c + 2));
        }
        String java = run.containsKey("jvm") ? "25" : "17";
        if (run.containsKey("jvm")) {
            assertTrue(run.get("jvm").contains("25"), "the Java 25 row runs a JDK 25: " + run.get("jvm"));
        }
        assertEquals(java, row.get(4), label + ", Java");
    }

    /** The table of the Versions section, by the first cell. */
    private static Map<String, List<String>> tableRows() throws IOException {
        String section = DocBlocks.section("=== Versions", "=== Not included yet");
        String table = section.substring(section.indexOf("|===\n") + 5, section.indexOf("\n|===", section.indexOf("|===\n") + 5));
        Map<String, List<String>> rows = new LinkedHashMap<>();
        boolean header = true;
        for (String line : table.split("\n")) {
            List<String> cells = new ArrayList<>();
            for (String cell : line.substring(line.indexOf('|') + 1).split("\\|", -1)) {
                cells.add(cell.strip());
            }
            if (header) {
                header = false;
                continue;
            }
            assertEquals(6, cells.size(), "a row of six cells: " + line);
            rows.put(cells.get(0), cells);
        }
        return rows;
    }

    /** {@code matrix "ROW" args...} lines of .ci/run (continuations joined): the row, then its -D properties. */
    private static Map<String, Map<String, String>> matrixRuns() throws IOException {
        String script = Files.readString(CI, StandardCharsets.UTF_8).replace("\\\n", " ");
        Map<String, Map<String, String>> runs = new LinkedHashMap<>();
        Matcher line = Pattern.compile("(?m)^\\s*matrix \"([^\"]+)\"(.*)$").matcher(script);
        while (line.find()) {
            Map<String, String> properties = new LinkedHashMap<>();
            Matcher d = Pattern.compile("-D([\\w.-]+)=(\"[^\"]*\"|\\S+)").matcher(line.group(2));
            while (d.find()) {
                properties.put(d.group(1), d.group(2).replace("\"", ""));
            }
            if ("\"$JDK25\"".equals(properties.get("jvm")) || "$JDK25".equals(properties.get("jvm"))) {
                Matcher jdk = Pattern.compile("(?m)^JDK25=(\\S+)$").matcher(script);
                assertTrue(jdk.find(), "JDK25= in " + CI);
                properties.put("jvm", jdk.group(1));
            }
            runs.put(line.group(1), properties);
        }
        return runs;
    }

    /** The runtime.* defaults of compat/suite/pom.xml: the build's own versions. */
    private static Map<String, String> suiteDefaults() throws IOException {
        String pom = Files.readString(SUITE, StandardCharsets.UTF_8);
        Map<String, String> defaults = new LinkedHashMap<>();
        for (String[] column : COLUMNS) {
            for (String property : column) {
                defaults.put(property, property(pom, property));
            }
        }
        String component = Files.readString(Path.of("camel-extend.pom.xml"), StandardCharsets.UTF_8);
        assertEquals(property(component, "camel.version"), defaults.get("runtime.camel.version"), "the suite's default Camel");
        assertEquals(property(component, "httpclient5.version"), defaults.get("runtime.httpclient5.version"));
        assertEquals(property(component, "jackson.version"), defaults.get("runtime.jackson.version"));
        return defaults;
    }

    private static String property(String pom, String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</" + Pattern.quote(name) + ">").matcher(pom);
        assertTrue(m.find(), "<" + name + "> in the POM");
        return m.group(1);
    }
}

package dev.camelextend;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps the documentation in step with the generated component metadata ({@code extend.json}, written by
 * camel-package-maven-plugin from the annotations). Every option and header must have its own table row in
 * {@code src/main/docs/extend-component.adoc}, and a row must show the option's default. The build writes those rows
 * (ReferenceTables); this checks that the page still has them where readers look. The README has no tables of its own:
 * it links to the page.
 */
class DocumentationTest {

    private static final String METADATA = "META-INF/dev/camelextend/extend.json";
    private static final Path ADOC = Path.of("src/main/docs/extend-component.adoc");
    /** {@code | *name* (group) | description | default | type} */
    private static final int ADOC_DEFAULT_CELL = 2;
    /** {@code | `name` | `kebab-name` | group | default | description |} */

    private static JsonNode metadata;
    private static List<String> adoc;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = DocumentationTest.class.getClassLoader().getResourceAsStream(METADATA)) {
            assertNotNull(in, "the generated metadata " + METADATA + " is not on the classpath");
            metadata = new ObjectMapper().readTree(in);
        }
        assertTrue(Files.isRegularFile(ADOC), ADOC.toAbsolutePath() + " is missing");
        adoc = Files.readAllLines(ADOC, StandardCharsets.UTF_8);
    }

    @Test
    void metadataHasOptionsAndHeaders() {
        assertFalse(metadata.path("componentProperties").isEmpty(), "no componentProperties in " + METADATA);
        assertFalse(metadata.path("properties").isEmpty(), "no endpoint properties in " + METADATA);
        assertFalse(metadata.path("headers").isEmpty(), "no headers in " + METADATA);
    }

    @Test
    void adocHasARowForEveryComponentOption() {
        List<String> section = section(adoc, "=== Component Options");
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, JsonNode> option : entries(metadata.path("componentProperties"))) {
            checkAdocRow(section, option.getKey(), option.getValue(), missing);
        }
        assertNoneMissing(missing, "component options", ADOC, "=== Component Options");
    }

    @Test
    void adocHasARowForEveryEndpointPathParameter() {
        List<String> section = section(adoc, "==== Path Parameters");
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, JsonNode> option : entries(metadata.path("properties"))) {
            if ("path".equals(option.getValue().path("kind").asText())) {
                checkAdocRow(section, option.getKey(), option.getValue(), missing);
            }
        }
        assertNoneMissing(missing, "endpoint path parameters", ADOC, "==== Path Parameters");
    }

    @Test
    void adocHasARowForEveryEndpointQueryParameter() {
        List<String> section = section(adoc, "==== Query Parameters");
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, JsonNode> option : entries(metadata.path("properties"))) {
            if (!"path".equals(option.getValue().path("kind").asText())) {
                checkAdocRow(section, option.getKey(), option.getValue(), missing);
            }
        }
        assertNoneMissing(missing, "endpoint query parameters", ADOC, "==== Query Parameters");
    }

    @Test
    void adocHasARowForEveryHeader() {
        List<String> section = section(adoc, "=== Message Headers");
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, JsonNode> header : entries(metadata.path("headers"))) {
            if (findRow(section, "| *" + header.getKey() + "*") == null) {
                missing.add(header.getKey());
            }
        }
        assertNoneMissing(missing, "headers", ADOC, "=== Message Headers");
    }

    /** An AsciiDoc table row is one line here: {@code | *name* (group) | description | default | type}. */
    private static void checkAdocRow(List<String> section, String name, JsonNode option, List<String> missing) {
        String row = findRow(section, "| *" + name + "*");
        if (row == null) {
            missing.add(name + " (no row)");
        } else if (!showsDefault(cell(row, ADOC_DEFAULT_CELL), option, false)) {
            missing.add(name + " (row does not show the default " + defaultText(option) + ")");
        }
    }

    /** The default cell shows the value, as {@code `value`} in Markdown (maybe with a hint after it). */
    private static boolean showsDefault(String cell, JsonNode option, boolean markdown) {
        String value = defaultText(option);
        if (value == null) {
            return true;
        }
        if (cell == null) {
            return false;
        }
        return markdown ? cell.startsWith("`" + value + "`") : cell.equals(value);
    }

    /** The n-th cell (0-based) of a one-line table row, trimmed; descriptions never contain a '|'. */
    private static String cell(String row, int index) {
        String[] cells = row.substring(row.indexOf('|') + 1).split("\\|", -1);
        return index < cells.length ? cells[index].strip() : null;
    }

    private static String defaultText(JsonNode option) {
        JsonNode value = option.get("defaultValue");
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String findRow(List<String> lines, String start) {
        for (String line : lines) {
            if (line.startsWith(start)) {
                return line;
            }
        }
        return null;
    }

    /** The lines after {@code heading} up to the next heading of the same or a higher level. */
    private static List<String> section(List<String> lines, String heading) {
        int level = heading.indexOf(' ');
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(heading)) {
                start = i + 1;
                break;
            }
        }
        assertTrue(start > 0, ADOC + " has no section '" + heading + "'");
        List<String> section = new ArrayList<>();
        for (int i = start; i < lines.size(); i++) {
            String line = lines.get(i);
            int marks = 0;
            while (marks < line.length() && line.charAt(marks) == '=') {
                marks++;
            }
            if (marks > 0 && marks <= level && line.length() > marks && line.charAt(marks) == ' ') {
                break;
            }
            section.add(line);
        }
        return section;
    }

    private static List<Map.Entry<String, JsonNode>> entries(JsonNode object) {
        return new ArrayList<>(object.properties());
    }

    private static void assertNoneMissing(List<String> missing, String what, Path file, String where) {
        assertTrue(missing.isEmpty(), () -> file + " (" + where + ") does not document these " + what + " from "
                                            + METADATA + ": " + String.join(", ", missing));
    }
}

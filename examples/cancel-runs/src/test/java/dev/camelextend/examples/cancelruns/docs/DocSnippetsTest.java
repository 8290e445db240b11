package dev.camelextend.examples.cancelruns.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps docs/testing-your-routes.md honest: every Java snippet in it is, character for character, a region of a test
 * that runs ({@code // tag::name[]} ... {@code // end::name[]} in the examples' test sources), and every XML snippet is
 * in the yaml-route pom (apart from the version line).
 */
class DocSnippetsTest {

    static final Path EXAMPLES = Path.of("..");
    static final Path DOC = EXAMPLES.resolve("../docs/testing-your-routes.md");
    static final Pattern FENCE = Pattern.compile("(?ms)^```(\\w+)\\n(.*?)^```$");
    static final Pattern TAG = Pattern.compile("(?ms)^[ \\t]*// tag::([\\w-]+)\\[]\\n(.*?)^[ \\t]*// end::\\1\\[]$");

    @Test
    void everyJavaSnippetIsATestedRegion() throws IOException {
        Map<String, String> regions = taggedRegions();
        List<String> snippets = snippets("java");
        assertFalse(snippets.isEmpty());
        for (String snippet : snippets) {
            assertTrue(regions.containsValue(snippet), "This Java snippet of " + DOC + " is not a tagged region of a"
                                                       + " test (tags: " + regions.keySet() + "):\n" + snippet);
        }
        assertEquals(regions.size(), snippets.size(), "every tagged region is shown once in the doc");
    }

    @Test
    void everyXmlSnippetIsInTheYamlRoutePom() throws IOException {
        String pom = squash(Files.readString(EXAMPLES.resolve("yaml-route/pom.xml")));
        List<String> snippets = snippets("xml");
        assertFalse(snippets.isEmpty());
        for (String snippet : snippets) {
            String withoutVersion = snippet.replaceAll("(?m)^\\s*<version>.*</version>\\n", "");
            assertTrue(pom.contains(squash(withoutVersion)), "not in yaml-route/pom.xml:\n" + snippet);
        }
    }

    private static List<String> snippets(String language) throws IOException {
        List<String> snippets = new ArrayList<>();
        Matcher m = FENCE.matcher(Files.readString(DOC));
        while (m.find()) {
            if (m.group(1).equals(language)) {
                snippets.add(m.group(2));
            }
        }
        return snippets;
    }

    private static Map<String, String> taggedRegions() throws IOException {
        Map<String, String> regions = new LinkedHashMap<>();
        for (String module : List.of("cancel-runs", "yaml-route")) {
            try (Stream<Path> files = Files.walk(EXAMPLES.resolve(module).resolve("src/test/java"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = TAG.matcher(Files.readString(file));
                    while (m.find()) {
                        regions.put(m.group(1), dedent(m.group(2)));
                    }
                }
            }
        }
        return regions;
    }

    /** Removes the indentation all non-blank lines share. */
    static String dedent(String text) {
        List<String> lines = text.lines().toList();
        int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
                .min().orElse(0);
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            sb.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
        }
        return sb.toString();
    }

    private static String squash(String xml) {
        return xml.replaceAll("\\s+", " ").trim();
    }
}

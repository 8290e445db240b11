// Owns: the check that README.md's "Receiving webhooks" section shows only code the application runs: each of its
// code blocks is, line for line, in the file it stands for.
package dev.camelextend.examples.springboot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The section's blocks by language: {@code xml} is a run of lines of pom.xml, {@code properties} a run of lines of
 * application.properties, {@code java} the tagged region {@code webhook-route} of WebhookRoute.java (the route the
 * webhook tests drive), each compared with its indentation removed. A block of any other language fails, so the
 * section cannot show a line that no test runs.
 */
class ReadmeWebhookSectionTest {

    private static final Path README = Path.of("README.md");
    private static final Map<String, Path> FILES = Map.of(
            "xml", Path.of("pom.xml"),
            "properties", Path.of("src/main/resources/application.properties"),
            "java", Path.of("src/main/java/dev/camelextend/examples/springboot/WebhookRoute.java"));
    private static final Pattern BLOCK = Pattern.compile("(?ms)^```(\\w*)\\n(.*?)^```$");

    @Test
    void everyCodeBlockOfTheSectionIsWhatTheApplicationRuns() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int start = readme.indexOf("\n## Receiving webhooks\n");
        assertTrue(start >= 0, "README.md has the section");
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);

        Matcher block = BLOCK.matcher(section);
        List<String> languages = new ArrayList<>();
        while (block.find()) {
            String language = block.group(1);
            languages.add(language);
            Path file = FILES.get(language);
            assertTrue(file != null, "a ```" + language + " block, which no test runs");
            List<String> shown = stripped(block.group(2));
            String text = Files.readString(file, StandardCharsets.UTF_8);
            List<String> source = stripped("java".equals(language) ? region(text, "webhook-route") : text);
            assertTrue(contains(source, shown), "README.md shows, as " + file + ":\n" + block.group(2));
            if ("java".equals(language)) {
                assertEquals(source, shown, "the whole route");
            }
        }
        assertEquals(List.of("xml", "properties", "java"), languages);
    }

    private static String region(String text, String tag) {
        Matcher m = Pattern.compile("(?ms)^\\s*// tag::" + tag + "\\[]\\n(.*?)^\\s*// end::" + tag + "\\[]$").matcher(text);
        assertTrue(m.find(), "the tagged region " + tag);
        return m.group(1);
    }

    /** The lines without their common indentation, blank ones dropped at either end. */
    private static List<String> stripped(String text) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        while (!lines.isEmpty() && lines.get(0).isBlank()) {
            lines.remove(0);
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList();
    }

    /** Whether {@code lines} occur in {@code source} one after the other, each with the same indentation relative to the first. */
    private static boolean contains(List<String> source, List<String> lines) {
        for (int i = 0; i + lines.size() <= source.size(); i++) {
            int shift = source.get(i).length() - source.get(i).stripLeading().length();
            boolean all = true;
            for (int j = 0; j < lines.size() && all; j++) {
                String s = source.get(i + j);
                all = s.length() >= shift && s.substring(Math.min(shift, s.length() - s.stripLeading().length()))
                        .equals(lines.get(j));
            }
            if (all) {
                return true;
            }
        }
        return false;
    }
}

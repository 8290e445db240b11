package dev.camelextend.docs;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the code blocks of the reference page and the tagged regions of the test classes that stand for them, so the
 * snippet tests compare what a reader copies with code that compiles and runs.
 */
final class DocBlocks {

    static final Path ADOC = Path.of("src/main/docs/extend-component.adoc");
    /** {@code [source,LANG]} then a {@code ----} delimited block, also inside a list item ({@code +} continuation). */
    private static final Pattern BLOCK = Pattern.compile("(?ms)^\\[source,(\\w+)]\\n----\\n(.*?)^----$");
    private static final Pattern TAG = Pattern.compile("(?ms)^[ \\t]*// tag::([\\w-]+)\\[]\\n(.*?)^[ \\t]*// end::\\1\\[]$");

    private DocBlocks() {
    }

    /** The text of the reference page between two headings (the first from its start, the last to its end). */
    static String section(String fromHeading, String toHeading) throws IOException {
        String page = Files.readString(ADOC, StandardCharsets.UTF_8);
        int from = fromHeading == null ? 0 : page.indexOf("\n" + fromHeading + "\n");
        int to = toHeading == null ? page.length() : page.indexOf("\n" + toHeading + "\n");
        if (from < 0 || to < from) {
            throw new AssertionError("no section " + fromHeading + " .. " + toHeading + " in " + ADOC);
        }
        return page.substring(from, to);
    }

    /** Every {@code [source,language]} block of the text, in order. */
    static List<String> blocks(String text, String language) {
        List<String> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            if (m.group(1).equals(language)) {
                blocks.add(m.group(2));
            }
        }
        return blocks;
    }

    /** Every block of the whole page, keyed by language. */
    static Map<String, List<String>> allBlocks() throws IOException {
        Map<String, List<String>> all = new LinkedHashMap<>();
        Matcher m = BLOCK.matcher(Files.readString(ADOC, StandardCharsets.UTF_8));
        while (m.find()) {
            all.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(m.group(2));
        }
        return all;
    }

    static Properties properties(String block) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(block));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return p;
    }

    /** The {@code // tag::name[]} ... {@code // end::name[]} regions of the given sources, dedented. */
    static Map<String, String> taggedRegions(Path... sources) throws IOException {
        Map<String, String> regions = new LinkedHashMap<>();
        for (Path source : sources) {
            Matcher m = TAG.matcher(Files.readString(source, StandardCharsets.UTF_8));
            while (m.find()) {
                if (regions.put(m.group(1), dedent(m.group(2))) != null) {
                    throw new AssertionError("region " + m.group(1) + " is tagged twice");
                }
            }
        }
        return regions;
    }

    private static String dedent(String region) {
        int indent = Integer.MAX_VALUE;
        for (String line : region.split("\n")) {
            if (!line.isBlank()) {
                indent = Math.min(indent, line.length() - line.stripLeading().length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String line : region.split("\n")) {
            sb.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
        }
        return sb.toString();
    }
}

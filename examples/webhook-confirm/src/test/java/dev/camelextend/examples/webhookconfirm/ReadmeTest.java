// Owns: the checks that README.md shows what the code is: its Java block is the webhook route's code, its options
// table is the command line's, and the logger its logging command sets exists.
package dev.camelextend.examples.webhookconfirm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReadmeTest {

    static final Path README = Path.of("README.md");
    static final Path ROUTE = Path.of("src/main/java/dev/camelextend/examples/webhookconfirm/WebhookRoute.java");

    static String readme() throws IOException {
        return Files.readString(README, StandardCharsets.UTF_8);
    }

    /** Lines stripped of their indentation, joined: the same code however deep it is indented. */
    static String unindented(String code) {
        return code.lines().map(String::strip).collect(Collectors.joining("\n"));
    }

    @Test
    void theJavaBlockIsTheWebhookRoutesCode() throws IOException {
        Matcher m = Pattern.compile("(?ms)^```java\n(.*?)^```$").matcher(readme());
        assertTrue(m.find(), "README.md shows the route");
        String shown = unindented(m.group(1)).strip();
        assertTrue(unindented(Files.readString(ROUTE, StandardCharsets.UTF_8)).contains(shown),
                "README.md's route is not WebhookRoute's code:\n" + shown);
        assertTrue(!m.find(), "one Java block only");
    }

    @Test
    void theOptionsTableHasTheCommandLinesOptions() throws IOException {
        Set<String> inTable = options(Pattern.compile("(?m)^\\| `(--[a-z-]+)"), readme());
        Set<String> inUsage = options(Pattern.compile("(?m)^ {2}(--[a-z-]+)"), CommandLine.USAGE);
        inUsage.remove("--help"); // named below the table
        assertEquals(inUsage, inTable);
        assertTrue(readme().contains("`--help` lists them"));
    }

    @Test
    void theLoggingCommandSetsALoggerOfTheConfiguration() throws IOException {
        Matcher m = Pattern.compile("-Dorg\\.slf4j\\.simpleLogger\\.log\\.([\\w.]+)=debug").matcher(readme());
        assertTrue(m.find(), "README.md shows how to turn on DEBUG");
        String config = Files.readString(Path.of("src/main/resources/simplelogger.properties"), StandardCharsets.UTF_8);
        assertTrue(config.contains("org.slf4j.simpleLogger.log." + m.group(1) + "=warn"), m.group(1));
    }

    private static Set<String> options(Pattern p, String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}

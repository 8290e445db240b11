package dev.camelextend.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes the option and header tables of the component's reference (src/main/docs/extend-component.adoc) from the
 * metadata Camel's generator wrote (extend.json), between {@code // component options: START} and {@code END}, in
 * Camel's own layout. The build runs it after the tests are compiled; {@code .ci/run} fails when the committed page
 * differs from what it writes, so the tables cannot drift from the annotated options and headers.
 *
 * <p>Usage: {@code ReferenceTables <extend.json> <extend-component.adoc>}.
 */
public final class ReferenceTables {

    static final String START = "// component options: START";
    static final String END = "// component options: END";

    private ReferenceTables() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ReferenceTables <extend.json> <extend-component.adoc>");
        }
        JsonNode metadata = new ObjectMapper().readTree(Path.of(args[0]).toFile());
        Path adoc = Path.of(args[1]);
        String page = Files.readString(adoc, StandardCharsets.UTF_8);
        String updated = replaceRegion(page, render(metadata));
        if (!updated.equals(page)) {
            Files.writeString(adoc, updated, StandardCharsets.UTF_8);
        }
    }

    /** The page with the text between the markers replaced by {@code tables}. */
    static String replaceRegion(String page, String tables) {
        int start = page.indexOf(START);
        int end = page.indexOf(END);
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("the page has no '" + START + "' ... '" + END + "' region");
        }
        return page.substring(0, start + START.length()) + "\n" + tables + page.substring(end);
    }

    /** The four tables: component options, path and query parameters, message headers. */
    static String render(JsonNode metadata) {
        String title = metadata.path("component").path("title").asText();
        String syntax = metadata.path("component").path("syntax").asText();
        List<JsonNode> component = sorted(metadata.path("componentProperties"));
        List<JsonNode> path = new ArrayList<>();
        List<JsonNode> query = new ArrayList<>();
        for (JsonNode option : sorted(metadata.path("properties"))) {
            ("path".equals(option.path("kind").asText()) ? path : query).add(option);
        }
        List<JsonNode> headers = sorted(metadata.path("headers"));
        StringBuilder sb = new StringBuilder();
        sb.append("=== Component Options\n\n")
          .append("The ").append(title).append(" component supports ").append(component.size())
          .append(" options, which are listed below.\n\n");
        optionTable(sb, component);
        sb.append("\n=== Endpoint Options\n\n")
          .append("The ").append(title).append(" endpoint is configured using URI syntax:\n\n")
          .append("----\n").append(syntax).append("\n----\n\n")
          .append("With the following path and query parameters:\n\n")
          .append("==== Path Parameters (").append(path.size()).append(" parameters)\n\n");
        optionTable(sb, path);
        sb.append("\n==== Query Parameters (").append(query.size()).append(" parameters)\n\n");
        optionTable(sb, query);
        sb.append("\n=== Message Headers\n\n")
          .append("The ").append(title).append(" component supports ").append(headers.size())
          .append(" message headers, which are listed below:\n\n")
          .append(tableStart());
        for (JsonNode header : headers) {
            String constant = header.path("constantName").asText();
            String description = header.path("description").asText()
                                 + (constant.isEmpty() ? "" : " Constant: `" + constant.replace("dev.camelextend.", "")
                                         .replace('#', '.') + "`.");
            row(sb, header.path("name").asText(), header.path("group").asText(), description, "",
                    header.path("javaType").asText());
        }
        sb.append("|===\n");
        return sb.toString();
    }

    private static void optionTable(StringBuilder sb, List<JsonNode> options) {
        sb.append(tableStart());
        for (JsonNode option : options) {
            StringBuilder description = new StringBuilder();
            if (option.path("required").asBoolean()) {
                description.append("*Required* ");
            }
            description.append(option.path("description").asText());
            if (option.has("enum")) {
                List<String> values = new ArrayList<>();
                option.path("enum").forEach(v -> values.add("`" + v.asText() + "`"));
                description.append(" Enum values: ").append(String.join(", ", values)).append('.');
            }
            String type = option.path("javaType").asText()
                          + ("duration".equals(option.path("type").asText()) ? " (duration)" : "");
            row(sb, option.path("name").asText(), option.path("group").asText(), description.toString(),
                    option.path("defaultValue").asText(""), type);
        }
        sb.append("|===\n");
    }

    private static String tableStart() {
        return "[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n|===\n| Name | Description | Default | Type\n";
    }

    private static void row(StringBuilder sb, String name, String group, String description, String defaultValue,
                            String type) {
        sb.append("| *").append(name).append("* (").append(group).append(") | ")
          .append(description.replace("|", "\\|")).append(" | ").append(defaultValue).append(" | ").append(type)
          .append('\n');
    }

    /** The entries in Camel's order (its {@code index}: by group, then name), each with its name. */
    private static List<JsonNode> sorted(JsonNode section) {
        List<JsonNode> entries = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : section.properties()) {
            entries.add(((ObjectNode) e.getValue().deepCopy()).put("name", e.getKey()));
        }
        entries.sort(Comparator.comparingInt(n -> n.path("index").asInt()));
        return entries;
    }
}

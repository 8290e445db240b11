// Owns: one file of a run as the 2026-02-09 FileSummary describes it (id, name, type, page count, creation time): made
// from a request's file input or for a seeded run, and its JSON.
package dev.camelextend.simulator;

import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import static dev.camelextend.simulator.SimSupport.textOrNull;

/**
 * Kept as a record rather than a JSON tree: a run holds its files for its whole life, and a tree per file costs several
 * times the memory of the record when a test seeds a hundred thousand runs.
 *
 * @param pageCount null when the type has no page count (only PDFs get one)
 */
record SimFile(String id, String name, String type, Integer pageCount, Instant createdAt) {

    /** The PDF of a seeded run. */
    static SimFile pdf(String id, String name, int pageCount, Instant createdAt) {
        return new SimFile(id, name, "PDF", pageCount, createdAt);
    }

    /** The file of a run created from a request's file input ({@code url}, {@code id} or {@code text}). */
    static SimFile fromInput(JsonNode in, Instant now, Supplier<String> newFileId) {
        String id;
        String name;
        if (in.hasNonNull("id")) {
            id = in.get("id").asText();
            name = textOrNull(in.get("name")) != null ? in.get("name").asText() : id + ".pdf";
        } else {
            id = newFileId.get();
            if (in.hasNonNull("text")) {
                name = textOrNull(in.get("name")) != null ? in.get("name").asText() : "document.txt";
            } else {
                String url = in.get("url").asText();
                String path = url.replaceAll("[?#].*$", "");
                String last = path.substring(path.lastIndexOf('/') + 1);
                name = textOrNull(in.get("name")) != null ? in.get("name").asText()
                        : last.isEmpty() ? "document.pdf" : last;
            }
        }
        String type = in.hasNonNull("text") ? "TXT" : typeOf(name);
        return new SimFile(id, name, type, "PDF".equals(type) ? 1 : null, now);
    }

    void write(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("object", "file");
        g.writeStringField("id", id);
        g.writeStringField("name", name);
        g.writeStringField("type", type);
        g.writeNullField("parentFileId");
        g.writeObjectFieldStart("metadata");
        if (pageCount != null) {
            g.writeNumberField("pageCount", pageCount);
        }
        g.writeEndObject();
        String at = SimSupport.formatTime(createdAt);
        g.writeStringField("createdAt", at);
        g.writeStringField("updatedAt", at);
        g.writeEndObject();
    }

    boolean nameContains(String lowerCaseNeedle) {
        return name.toLowerCase(Locale.ROOT).contains(lowerCaseNeedle);
    }

    private static String typeOf(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".csv")) {
            return "CSV";
        } else if (n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".tif")
                || n.endsWith(".tiff") || n.endsWith(".gif") || n.endsWith(".webp")) {
            return "IMG";
        } else if (n.endsWith(".txt")) {
            return "TXT";
        } else if (n.endsWith(".docx") || n.endsWith(".doc")) {
            return "DOCX";
        } else if (n.endsWith(".xlsx") || n.endsWith(".xls")) {
            return "EXCEL";
        } else if (n.endsWith(".xml")) {
            return "XML";
        } else if (n.endsWith(".html") || n.endsWith(".htm")) {
            return "HTML";
        }
        return "PDF";
    }
}

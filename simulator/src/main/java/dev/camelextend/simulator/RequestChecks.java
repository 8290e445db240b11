// Owns: validation of request bodies (create and batch: workflow, metadata, file inputs; cancel: none or an object),
// with the "...; Path: field" messages of Extend's INVALID_REQUEST answers.
package dev.camelextend.simulator;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;

import static dev.camelextend.simulator.SimSupport.parse;

/** Each check returns null when the part is valid, else the error message. */
final class RequestChecks {

    private RequestChecks() {
    }

    /** A cancel takes no body: the SDKs send none, the CLI sends {@code {}}; anything else is refused. */
    static String checkCancelBody(byte[] body) {
        if (body.length > 0 && !new String(body, StandardCharsets.UTF_8).isBlank()) {
            JsonNode n = parse(body);
            if (n == null || !n.isObject()) {
                return "Cancel takes no request body: send nothing or {}";
            }
        }
        return null;
    }

    static String checkWorkflow(JsonNode body) {
        JsonNode wf = body.get("workflow");
        if (wf == null || !wf.isObject() || !wf.hasNonNull("id") || !wf.get("id").isTextual()
                || wf.get("id").asText().isBlank()) {
            return "workflow.id is required; Path: workflow.id";
        }
        JsonNode v = wf.get("version");
        if (v != null && !v.isNull() && !v.isTextual()) {
            return "workflow.version must be a string; Path: workflow.version";
        }
        return null;
    }

    static String checkMetadata(JsonNode md, String path) {
        if (md == null || md.isNull()) {
            return null;
        }
        if (!md.isObject()) {
            return path + " must be an object; Path: " + path;
        }
        if (md.toString().getBytes(StandardCharsets.UTF_8).length > 10 * 1024) {
            return path + " exceeds 10 KB; Path: " + path;
        }
        String key = ExtendSimulator.OUTCOME_METADATA_KEY;
        JsonNode outcome = md.get(key);
        if (outcome != null && !(outcome.isTextual() && SimulatorSettings.OUTCOMES.contains(outcome.asText()))) {
            return key + " must be one of " + SimulatorSettings.OUTCOMES + "; Path: " + path + "." + key;
        }
        String dashboard = ExtendSimulator.DASHBOARD_METADATA_KEY;
        JsonNode flag = md.get(dashboard);
        if (flag != null && !flag.isBoolean()) {
            return dashboard + " must be true or false; Path: " + path + "." + dashboard;
        }
        return null;
    }

    static String checkFile(JsonNode f, String path, boolean textAllowed) {
        if (f == null || !f.isObject()) {
            return path + " must be an object; Path: " + path;
        }
        int kinds = (f.hasNonNull("url") ? 1 : 0) + (f.hasNonNull("id") ? 1 : 0) + (f.hasNonNull("text") ? 1 : 0);
        if (kinds != 1) {
            return path + " needs exactly one of url, id or text; Path: " + path;
        }
        if (!textAllowed && f.hasNonNull("text")) {
            return "text files are not allowed here; Path: " + path + ".text";
        }
        for (String k : new String[] { "url", "id", "text" }) {
            if (f.hasNonNull(k) && (!f.get(k).isTextual() || f.get(k).asText().isBlank())) {
                return path + "." + k + " must be a non-empty string; Path: " + path + "." + k;
            }
        }
        return null;
    }

    /** The whole body of {@code POST /workflow_runs}. */
    static String checkCreate(JsonNode body) {
        String problem = checkWorkflow(body);
        if (problem == null) {
            problem = checkMetadata(body.get("metadata"), "metadata");
        }
        JsonNode file = body.get("file");
        JsonNode pkg = body.get("package");
        boolean hasFile = file != null && !file.isNull();
        boolean hasPackage = pkg != null && !pkg.isNull();
        if (problem == null && hasFile == hasPackage) {
            problem = "Exactly one of file or package is required; Path: file";
        }
        if (problem == null && hasFile) {
            problem = checkFile(file, "file", true);
        }
        if (problem == null && hasPackage) {
            JsonNode pf = pkg.get("files");
            if (pf == null || !pf.isArray() || pf.size() < 2 || pf.size() > 50) {
                problem = "package.files must hold 2 to 50 files; Path: package.files";
            } else {
                for (int i = 0; i < pf.size() && problem == null; i++) {
                    problem = checkFile(pf.get(i), "package.files[" + i + "]", false);
                }
            }
        }
        if (problem == null && body.has("priority") && !body.get("priority").isNull()
                && (!body.get("priority").canConvertToInt() || body.get("priority").asInt() < 1
                        || body.get("priority").asInt() > 100)) {
            problem = "priority must be an integer from 1 to 100; Path: priority";
        }
        return problem;
    }

    /** The whole body of {@code POST /workflow_runs/batch}. */
    static String checkBatch(JsonNode body) {
        String problem = checkWorkflow(body);
        JsonNode inputs = body.get("inputs");
        if (problem == null && (inputs == null || !inputs.isArray() || inputs.isEmpty() || inputs.size() > 1000)) {
            problem = "inputs must hold 1 to 1000 items; Path: inputs";
        }
        for (int i = 0; problem == null && i < inputs.size(); i++) {
            JsonNode in = inputs.get(i);
            problem = !in.isObject() ? "inputs[" + i + "] must be an object; Path: inputs[" + i + "]"
                    : checkFile(in.get("file"), "inputs[" + i + "].file", true);
            if (problem == null) {
                problem = checkMetadata(in.get("metadata"), "inputs[" + i + "].metadata");
            }
        }
        return problem;
    }
}

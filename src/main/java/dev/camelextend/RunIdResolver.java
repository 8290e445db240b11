package dev.camelextend;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import dev.camelextend.client.RunId;
import dev.camelextend.model.ExtendRun;
import org.apache.camel.Message;

/**
 * Finds the run an exchange is about - header {@code CamelExtendRunId}, then the endpoint's {@code runId}, then the
 * body - and checks it, once per message, before any network call: what it returns is a checked {@link RunId}. Only text (String, CharSequence, UTF-8 bytes as JMS and Kafka deliver
 * it) and a run ({@link ExtendRun}: a {@code WorkflowRun}, or an item of a listing) are accepted: any other type is refused rather than silently converted.
 */
final class RunIdResolver {

    /** How much of an invalid ID an exception message quotes. */
    private static final int QUOTED_CHARS = 64;

    private RunIdResolver() {
    }

    static RunId resolve(Message in, String configuredRunId) throws ExtendInvalidRunIdException {
        Object header = in.getHeader(ExtendConstants.RUN_ID);
        if (header != null) {
            return check(text(header, "header " + ExtendConstants.RUN_ID), "header " + ExtendConstants.RUN_ID);
        }
        if (configuredRunId != null) {
            return check(configuredRunId.strip(), "option runId");
        }
        Object body = in.getBody();
        if (body == null) {
            throw new ExtendInvalidRunIdException("No workflow-run ID: set the header " + ExtendConstants.RUN_ID
                                                  + ", the endpoint option runId, or send the ID as the body", null);
        }
        return check(text(body, "body"), "body");
    }

    private static String text(Object value, String source) throws ExtendInvalidRunIdException {
        if (value instanceof ExtendRun run) {
            return run.getId();
        }
        if (value instanceof CharSequence cs) {
            return cs.toString().strip();
        }
        if (value instanceof byte[] bytes) {
            try {
                return StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString().strip();
            } catch (CharacterCodingException e) {
                throw new ExtendInvalidRunIdException("The workflow-run ID in the " + source + " is not valid UTF-8",
                        null);
            }
        }
        throw new ExtendInvalidRunIdException("The " + source + " of type " + value.getClass().getName()
                                              + " is not a workflow-run ID: send a String, UTF-8 byte[] or a run",
                null);
    }

    private static RunId check(String id, String source) throws ExtendInvalidRunIdException {
        String problem = RunId.problem(id);
        if (problem != null) {
            String shown = printable(id);
            throw new ExtendInvalidRunIdException("Invalid workflow-run ID from the " + source + ": " + problem
                                                  + (shown == null ? "" : " ('" + shown + "')"), shown, problem);
        }
        return RunId.of(id);
    }

    /** A short, single-line form of a rejected ID that cannot forge log lines. */
    private static String printable(String id) {
        if (id == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < id.length() && sb.length() < QUOTED_CHARS; i++) {
            char c = id.charAt(i);
            sb.append(Character.isISOControl(c) ? '?' : c);
        }
        if (id.length() > QUOTED_CHARS) {
            sb.append("...");
        }
        return sb.toString();
    }
}

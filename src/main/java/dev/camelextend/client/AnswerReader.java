package dev.camelextend.client;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelextend.model.WorkflowRun;

/**
 * Reads what an answer says, for the call rules and their messages: the run in a 2xx body (only when it is the run
 * asked for), a parse error described without quoting the body, and the server's texts (body start, request ID,
 * values) cleaned with the key for a message.
 */
final class AnswerReader {

    private final ObjectMapper mapper;
    private final String apiKey;

    AnswerReader(ObjectMapper mapper, String apiKey) {
        this.mapper = mapper;
        this.apiKey = apiKey;
    }

    /**
     * The run in a 2xx body, which must be the run asked for: strict JSON (see {@code ExtendJson}), an object of type
     * {@code workflow_run} whose {@code id} is {@code expectedRunId}. Anything else is an answer to another question
     * (a proxy's cache, a routing mistake, a forged body), and returning it would let a route act on the wrong run.
     *
     * @throws WrongAnswerException for a well-formed body of another run or type; IOException for one not readable
     */
    WorkflowRun run(byte[] body, String expectedRunId) throws IOException {
        if (body.length == 0) {
            throw new IOException("empty body");
        }
        WorkflowRun run = mapper.readValue(body, WorkflowRun.class);
        if (run == null || run.getId() == null) {
            throw new IOException("no workflow run id in the body");
        }
        if (!WorkflowRun.OBJECT_TYPE.equals(run.getObject())) {
            throw new WrongAnswerException(run.getObject() == null
                    ? "the body has no \"object\" type, so it is not a workflow_run"
                    : "the body is an object of type '" + printable(run.getObject()) + "', not a workflow_run");
        }
        if (!expectedRunId.equals(run.getId())) {
            throw new WrongAnswerException("the body is another run ('" + printable(run.getId()) + "'), not "
                                           + expectedRunId);
        }
        return run;
    }

    /** {@link #run}, or null when the body is not the run asked for. */
    WorkflowRun runOrNull(byte[] body, String expectedRunId) {
        try {
            return run(body, expectedRunId);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * A parse error without its message: Jackson's type and where in the body it stopped. Only the messages of
     * {@link #run}'s own IOExceptions, which quote nothing, are kept.
     */
    static String describeParseError(Exception invalid) {
        String name = invalid.getClass().getSimpleName();
        if (invalid instanceof JsonProcessingException jackson) {
            JsonLocation at = jackson.getLocation();
            return at == null ? name : name + " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        }
        return invalid.getClass() == IOException.class ? name + ": " + invalid.getMessage() : name;
    }

    /** A short single-line form of a server-supplied value for a message. */
    String printable(String value) {
        return ServerText.clean(value, ServerText.REQUEST_ID_CHARS, apiKey);
    }

    /** The start of the body for a message: key masked, one line, bounded. */
    String quote(RawResponse answer) {
        String text = ServerText.bodyExcerpt(answer.body(), ServerText.BODY_EXCERPT_CHARS, apiKey);
        return text.isEmpty() ? "(empty)" : "'" + text + "'";
    }

    /** The answer's {@code x-extend-request-id} as it may be shown: key masked, one line, bounded; or null. */
    String requestId(RawResponse answer) {
        return ServerText.clean(answer.requestId(), ServerText.REQUEST_ID_CHARS, apiKey);
    }

    /** A well-formed 2xx body that answers another question than the one asked. */
    static final class WrongAnswerException extends IOException {
        private static final long serialVersionUID = 1L;

        WrongAnswerException(String message) {
            super(message);
        }
    }
}

package dev.camelextend.client;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.EnumMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.camelextend.model.ExtendRun;
import dev.camelextend.model.RunPage;

/**
 * Reads what an answer says, for the call rules and their messages: the run in a 2xx body (only when it is the run
 * asked for), a page of a listing (only when every item is a run of the kind asked for), a parse error described without quoting the body, and the server's texts (body start, request ID,
 * values) cleaned with the key for a message.
 */
final class AnswerReader {

    /** The longest page token passed back: Extend's are tens of characters; more is not a token but a payload. */
    static final int MAX_PAGE_TOKEN_LENGTH = 2048;

    private final ObjectMapper mapper;
    private final String apiKey;
    /** Readers made once per kind: finding a reader for a generic type on every page would cost more than a page. */
    private final Map<RunKind, ObjectReader> pageReaders = new EnumMap<>(RunKind.class);

    AnswerReader(ObjectMapper mapper, String apiKey) {
        this.mapper = mapper;
        this.apiKey = apiKey;
        for (RunKind kind : RunKind.values()) {
            JavaType type = mapper.getTypeFactory().constructParametricType(RunPage.class, kind.modelType());
            pageReaders.put(kind, mapper.readerFor(type));
        }
    }

    /**
     * The run in a 2xx body, which must be the run asked for: strict JSON (see {@code ExtendJson}), an object of type
     * {@code workflow_run} whose {@code id} is {@code expectedRunId}. Anything else is an answer to another question
     * (a proxy's cache, a routing mistake, a forged body), and returning it would let a route act on the wrong run.
     *
     * @throws WrongAnswerException for a well-formed body of another run or type; IOException for one not readable
     */
    ExtendRun run(byte[] body, RunKind kind, String expectedRunId) throws IOException {
        if (body.length == 0) {
            throw new IOException("empty body");
        }
        ExtendRun run = mapper.readValue(body, kind.modelType());
        if (run == null || run.getId() == null) {
            throw new IOException("no run id in the body");
        }
        checkType(run, kind, "the body");
        if (!expectedRunId.equals(run.getId())) {
            throw new WrongAnswerException("the body is another run ('" + printable(run.getId()) + "'), not "
                                           + expectedRunId);
        }
        return run;
    }

    private void checkType(ExtendRun run, RunKind kind, String what) throws WrongAnswerException {
        if (!kind.objectType().equals(run.getObject())) {
            throw new WrongAnswerException(run.getObject() == null
                    ? what + " has no \"object\" type, so it is not a " + kind.objectType()
                    : what + " is an object of type '" + printable(run.getObject()) + "', not a "
                      + kind.objectType());
        }
    }

    /**
     * A page of a listing of {@code kind}: {@code "object":"list"}, a {@code data} array of runs of that kind, each
     * with an ID that {@link RunId} accepts (a batch cancel sends them back in paths), and a bounded next-page token.
     *
     * @throws WrongAnswerException for a well-formed body that is not such a page; IOException for one not readable
     */
    RunPage<? extends ExtendRun> page(byte[] body, RunKind kind) throws IOException {
        if (body.length == 0) {
            throw new IOException("empty body");
        }
        RunPage<? extends ExtendRun> page = pageReaders.get(kind).readValue(body);
        if (page == null || !"list".equals(page.getObject())) {
            throw new WrongAnswerException("the body is not a list (\"object\" is "
                                           + (page == null || page.getObject() == null ? "missing"
                                                   : "'" + printable(page.getObject()) + "'") + ")");
        }
        if (page.getData() == null) {
            throw new WrongAnswerException("the list has no \"data\" array");
        }
        int index = 0;
        for (ExtendRun run : page.getData()) {
            String what = "item " + index++ + " of the list";
            if (run == null) {
                throw new WrongAnswerException(what + " is null");
            }
            checkType(run, kind, what);
            String problem = RunId.problem(run.getId());
            if (problem != null) {
                throw new WrongAnswerException(what + " has no usable id: " + problem);
            }
        }
        String token = page.getNextPageToken();
        if (token != null && (token.length() > MAX_PAGE_TOKEN_LENGTH || token.chars().anyMatch(c -> c < 0x21 || c > 0x7e))) {
            throw new WrongAnswerException("the nextPageToken is not a token (longer than " + MAX_PAGE_TOKEN_LENGTH
                                           + " characters, or not printable ASCII)");
        }
        return page;
    }

    /** {@link #run}, or null when the body is not the run asked for. */
    ExtendRun runOrNull(byte[] body, RunKind kind, String expectedRunId) {
        try {
            return run(body, kind, expectedRunId);
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

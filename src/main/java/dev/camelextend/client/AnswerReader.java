package dev.camelextend.client;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.camelextend.model.ExtendRun;
import dev.camelextend.model.RunPage;
import dev.camelextend.model.WebhookEndpoint;
import dev.camelextend.model.WebhookObject;
import dev.camelextend.model.WebhookPage;
import dev.camelextend.model.WebhookSubscription;

/**
 * Reads what an answer says, for the call rules and their messages: the run in a 2xx body (only when it is the run
 * asked for), a page of a listing (only when every item is a run of the kind asked for), the webhook objects of the
 * management calls (only with usable IDs), a parse error described without quoting the body, and the server's texts
 * (body start, request ID, values) cleaned with the key for a message.
 */
final class AnswerReader {

    /** The longest page token passed back: Extend's are tens of characters; more is not a token but a payload. */
    static final int MAX_PAGE_TOKEN_LENGTH = 2048;

    private final ObjectMapper mapper;
    private final String apiKey;
    /** Readers made once per kind: finding a reader for a generic type on every page would cost more than a page. */
    private final Map<RunKind, ObjectReader> pageReaders = new EnumMap<>(RunKind.class);

    private final ObjectReader endpointPageReader;
    private final ObjectReader subscriptionPageReader;

    AnswerReader(ObjectMapper mapper, String apiKey) {
        this.endpointPageReader = mapper.readerFor(mapper.getTypeFactory()
                .constructParametricType(WebhookPage.class, WebhookEndpoint.class));
        this.subscriptionPageReader = mapper.readerFor(mapper.getTypeFactory()
                .constructParametricType(WebhookPage.class, WebhookSubscription.class));
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
        checkList(page == null ? null : page.getObject(), page == null ? null : page.getData(),
                page == null ? null : page.getNextPageToken(), (run, what) -> {
                    checkType(run, kind, what);
                    String problem = RunId.problem(run.getId());
                    if (problem != null) {
                        throw new WrongAnswerException(what + " has no usable id: " + problem);
                    }
                });
        return page;
    }

    /** What a 2xx of a webhook management call must be ({@code operation}'s {@link ApiOperation.Answer}). */
    Object webhook(byte[] body, ApiOperation operation, String expectedId) throws IOException {
        return switch (operation.answer()) {
            case WEBHOOK_ENDPOINT -> webhookObject(body, WebhookEndpoint.class, "webhook_endpoint", expectedId);
            case WEBHOOK_SUBSCRIPTION -> webhookObject(body, WebhookSubscription.class, "webhook_subscription",
                    expectedId);
            case WEBHOOK_ENDPOINT_PAGE -> webhookPage(endpointPageReader.readValue(nonEmpty(body)),
                    "webhook_endpoint");
            case WEBHOOK_SUBSCRIPTION_PAGE -> webhookPage(subscriptionPageReader.readValue(nonEmpty(body)),
                    "webhook_subscription");
            case DELETED -> deleted(body, expectedId);
            case RUN, RUN_PAGE -> throw new IllegalStateException(operation + " answers runs");
        };
    }

    /** One endpoint or subscription, of the type asked for, with a usable ID (the one asked for, when one was). */
    private <T extends WebhookObject> T webhookObject(byte[] body, Class<T> type, String objectType, String expectedId)
            throws IOException {
        T read = mapper.readValue(nonEmpty(body), type);
        if (read == null) {
            throw new IOException("the body is null");
        }
        checkWebhookObject(read, objectType, "the body");
        String id = read.getId();
        if (expectedId != null && !expectedId.equals(id)) {
            throw new WrongAnswerException("the body is another " + objectType + " ('" + printable(id) + "'), not "
                                           + expectedId);
        }
        return read;
    }

    private <T extends WebhookObject> WebhookPage<T> webhookPage(WebhookPage<T> page, String objectType)
            throws IOException {
        checkList(page == null ? null : page.getObject(), page == null ? null : page.getData(),
                page == null ? null : page.getNextPageToken(), (item, what) -> checkWebhookObject(item, objectType,
                        what));
        return page;
    }

    private void checkWebhookObject(WebhookObject read, String objectType, String what) throws WrongAnswerException {
        String object = read.getObject();
        if (!objectType.equals(object)) {
            throw new WrongAnswerException(object == null ? what + " has no \"object\" type, so it is not a "
                    + objectType : what + " is an object of type '" + printable(object) + "', not a " + objectType);
        }
        // a listed ID is sent back in the path of a delete: it must be one
        String problem = WebhookIds.problem(read.getId(), "id");
        if (problem != null) {
            throw new WrongAnswerException(what + " has no usable id: " + problem);
        }
    }

    /**
     * The answer of a delete: the ID asked for. Extend answers with the deleted object's ID; an empty body or one
     * without an ID is taken as the deletion it answers, another ID is not.
     */
    private String deleted(byte[] body, String expectedId) throws IOException {
        if (body.length == 0) {
            return expectedId;
        }
        com.fasterxml.jackson.databind.JsonNode node = mapper.readTree(body);
        if (node == null || !node.isObject()) {
            throw new IOException("the body is not a JSON object");
        }
        com.fasterxml.jackson.databind.JsonNode id = node.get("id");
        if (id != null && !id.isNull() && !expectedId.equals(id.asText())) {
            throw new WrongAnswerException("the body names another object ('" + printable(id.asText()) + "'), not "
                                           + expectedId);
        }
        return expectedId;
    }

    private static byte[] nonEmpty(byte[] body) throws IOException {
        if (body.length == 0) {
            throw new IOException("empty body");
        }
        return body;
    }

    /** Checks one item of a list; {@code what} names it for the message ("item 3 of the list"). */
    @FunctionalInterface
    private interface ItemCheck<T> {
        void check(T item, String what) throws WrongAnswerException;
    }

    /** The shape every page shares: {@code "object":"list"}, a {@code data} array of valid items, a bounded token. */
    private <T> void checkList(String object, List<T> data, String token, ItemCheck<? super T> itemCheck)
            throws WrongAnswerException {
        if (!"list".equals(object)) {
            throw new WrongAnswerException("the body is not a list (\"object\" is "
                                           + (object == null ? "missing" : "'" + printable(object) + "'") + ")");
        }
        if (data == null) {
            throw new WrongAnswerException("the list has no \"data\" array");
        }
        int index = 0;
        for (T item : data) {
            String what = "item " + index++ + " of the list";
            if (item == null) {
                throw new WrongAnswerException(what + " is null");
            }
            itemCheck.check(item, what);
        }
        checkToken(token);
    }

    private static void checkToken(String token) throws WrongAnswerException {
        if (token != null && (token.length() > MAX_PAGE_TOKEN_LENGTH || token.chars().anyMatch(c -> c < 0x21 || c > 0x7e))) {
            throw new WrongAnswerException("the nextPageToken is not a token (longer than " + MAX_PAGE_TOKEN_LENGTH
                                           + " characters, or not printable ASCII)");
        }
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

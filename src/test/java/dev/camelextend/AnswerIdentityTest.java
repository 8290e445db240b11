package dev.camelextend;

import java.util.List;
import java.util.stream.Stream;

import dev.camelextend.model.WorkflowRun;
import dev.camelextend.support.ExtendTestKit;
import dev.camelextend.support.FakeExtendServer;
import dev.camelextend.support.FakeExtendServer.Recorded;
import dev.camelextend.support.FakeExtendServer.Reply;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In and out are disjoint: nothing the component writes on the message chooses the run of a later {@code extend:}
 * call, and a 2xx answer is only a success when it is the run that was asked for, in strict JSON.
 */
class AnswerIdentityTest extends CamelTestSupport {

    @RegisterExtension
    static final FakeExtendServer FAKE = new FakeExtendServer();

    static final String FIRST = ExtendTestKit.RUN;
    static final String SECOND = "workflow_run_SecondRun00000000000";

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                String options = "?apiKey=sk_identity&maxRetries=2&retryInitialDelay=5&retryMaxDelay=10&baseUrl="
                                 + FAKE.baseUrl();
                from("direct:cancelThenGetOther")
                        .to("extend:cancelRun" + options)
                        .setBody(constant(SECOND))
                        .to("extend:getRun" + options);
                from("direct:getThenCancelOther")
                        .to("extend:getRun" + options)
                        .setBody(constant(SECOND))
                        .to("extend:cancelRun" + options);
                from("direct:get").to("extend:getRun" + options);
            }
        };
    }

    /** Answers every request with the run its path names, as Extend does. */
    private static Reply runOfPath(Recorded r) {
        return runNamed(r.rawPath().replace("/workflow_runs/", "").replace("/cancel", ""));
    }

    private static Reply runNamed(String id) {
        return Reply.json(200, ExtendTestKit.run("CANCELLED").replace(ExtendTestKit.RUN, id));
    }

    @Test
    void aLaterCallActsOnTheRunTheRouteChoseNotTheOneBefore() {
        FAKE.otherwise(AnswerIdentityTest::runOfPath);

        Exchange out = template.request("direct:cancelThenGetOther", e -> e.getIn().setBody(FIRST));

        assertNull(out.getException());
        List<Recorded> requests = FAKE.requests();
        assertEquals("/workflow_runs/" + FIRST + "/cancel", requests.get(0).rawPath());
        assertEquals("/workflow_runs/" + SECOND, requests.get(1).rawPath());
        assertEquals(SECOND, out.getMessage().getBody(WorkflowRun.class).getId());
    }

    @Test
    void readThenCancelCancelsTheRunTheRouteChose() {
        FAKE.otherwise(AnswerIdentityTest::runOfPath);

        Exchange out = template.request("direct:getThenCancelOther", e -> e.getIn().setBody(FIRST));

        assertNull(out.getException());
        assertEquals("/workflow_runs/" + SECOND + "/cancel", FAKE.requests().get(1).rawPath());
    }

    @Test
    void theComponentWritesNoHeaderThatItAlsoReads() {
        FAKE.otherwise(AnswerIdentityTest::runOfPath);

        Exchange out = template.request("direct:get", e -> e.getIn().setBody(FIRST));

        assertNull(out.getException());
        assertNull(out.getMessage().getHeader(ExtendConstants.RUN_ID), "the run acted on is the body (${body.id})");
        assertNull(out.getMessage().getHeader(ExtendConstants.WORKSPACE_ID));
        assertEquals("CANCELLED", out.getMessage().getHeader(ExtendConstants.RUN_STATUS));
    }

    @Test
    void aRequestIdFromAnEarlierCallNeverStaysOnTheMessage() {
        FAKE.enqueue(runNamed(FIRST).withHeader("x-extend-request-id", "req_first"), runNamed(SECOND));

        Exchange out = template.request("direct:cancelThenGetOther", e -> e.getIn().setBody(FIRST));

        assertNull(out.getException());
        assertEquals(SECOND, out.getMessage().getBody(WorkflowRun.class).getId());
        assertNull(out.getMessage().getHeader(ExtendConstants.REQUEST_ID), "the second answer had no request ID");
    }

    static Stream<Arguments> notTheRunAskedFor() {
        String run = ExtendTestKit.run("CANCELLED");
        return Stream.of(
                Arguments.of("another run's id", run.replace(FIRST, SECOND), "another run"),
                Arguments.of("an id that is a path", run.replace(FIRST, "../../workflows"), "another run"),
                Arguments.of("another object type",
                        run.replaceFirst("\"object\":\\s*\"workflow_run\"", "\"object\": \"batch\""), "batch"),
                Arguments.of("no object type", run.replaceFirst("\"object\":\\s*\"workflow_run\",", ""), "object"),
                Arguments.of("duplicate id keys",
                        run.replaceFirst("\\{", "{\"id\": \"" + SECOND + "\","), "not a WorkflowRun"),
                Arguments.of("trailing garbage", run + " {\"id\":\"" + SECOND + "\"}", "not a WorkflowRun"),
                Arguments.of("trailing token", run + " x", "not a WorkflowRun"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("notTheRunAskedFor")
    void aSuccessThatIsNotTheRunAskedForIsATypedFailureAndNotRetried(String name, String body, String says) {
        FAKE.otherwise(r -> Reply.json(200, body));

        Exchange out = template.request("direct:get", e -> e.getIn().setBody(FIRST));

        Exception e = out.getException();
        assertNotNull(e, () -> name + ": expected a failure, got " + out.getMessage().getBody());
        assertEquals(ExtendException.class, e.getClass(), name + ": " + e);
        assertTrue(e.getMessage().contains(says), name + ": " + e.getMessage());
        assertTrue(e.getMessage().contains(FIRST), "names the run asked for: " + e.getMessage());
        assertEquals(1, FAKE.requestCount(), "a wrong answer is not a network fault: not retried");
    }
}

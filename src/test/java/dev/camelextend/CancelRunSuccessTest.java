package dev.camelextend;

import java.time.OffsetDateTime;

import dev.camelextend.model.WorkflowRun;
import dev.camelextend.model.WorkflowRunStatus;
import dev.camelextend.support.FakeExtendServer;
import dev.camelextend.support.FakeExtendServer.Recorded;
import dev.camelextend.support.FakeExtendServer.Reply;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.camelextend.support.ExtendTestKit.RUN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CancelRunSuccessTest extends CamelTestSupport {

    @RegisterExtension // reset before each test, stopped after the class
    static final FakeExtendServer FAKE = new FakeExtendServer();
    static final String KEY = "sk_test_success_key";

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:cancel")
                        .to("extend:cancelRun?baseUrl=" + FAKE.baseUrl() + "&apiKey=" + KEY)
                        .setHeader("workflowName", simple("${body.workflow.name}"))
                        .setHeader("statusViaSimple", simple("${body.status}"));
                from("direct:get")
                        .to("extend:getRun?baseUrl=" + FAKE.baseUrl() + "&apiKey=" + KEY + "&workspaceId=ws_option");
            }
        };
    }

    @Test
    void cancelReturnsTheRunAsBodyWithHeadersAndSimpleAccess() {
        FAKE.enqueue(Reply.json(200, FakeExtendServer.fixture("workflow-run-cancelled.json"))
                .withHeader("x-extend-request-id", "req_abc123"));

        Exchange out = template.request("direct:cancel", e -> e.getIn().setBody(RUN));

        assertNull(out.getException());
        WorkflowRun run = out.getMessage().getBody(WorkflowRun.class);
        assertEquals(RUN, run.getId());
        assertEquals(WorkflowRunStatus.CANCELLED, run.getStatus());
        assertEquals(OffsetDateTime.parse("2025-04-28T17:01:39.285Z"), run.getInitialRunAt());
        assertEquals("Invoice Processing", out.getMessage().getHeader("workflowName"));
        assertEquals("CANCELLED", out.getMessage().getHeader("statusViaSimple", String.class));
        assertEquals(RUN, out.getMessage().getBody(dev.camelextend.model.WorkflowRun.class).getId());
        assertEquals("CANCELLED", out.getMessage().getHeader(ExtendConstants.RUN_STATUS));
        assertEquals("req_abc123", out.getMessage().getHeader(ExtendConstants.REQUEST_ID));
        assertEquals(1, out.getMessage().getHeader(ExtendConstants.ATTEMPTS));

        Recorded request = FAKE.requests().get(0);
        assertEquals("POST", request.method());
        assertEquals("/workflow_runs/" + RUN + "/cancel", request.rawPath());
        assertEquals("Bearer " + KEY, request.header("Authorization"));
        assertEquals("2026-02-09", request.header("x-extend-api-version"));
        assertEquals("application/json", request.header("Accept"));
        assertTrue(request.header("User-Agent").startsWith("camel-extend/"));
        assertFalse(request.hasHeader("x-extend-workspace-id"));
        assertEquals(0, request.body().length);
    }

    @Test
    void getSendsWorkspaceFromOptionAndHeaderWins() {
        FAKE.enqueue(Reply.json(200, FakeExtendServer.fixture("workflow-run-processing.json")),
                Reply.json(200, FakeExtendServer.fixture("workflow-run-processing.json")));

        Exchange viaOption = template.request("direct:get", e -> e.getIn().setBody("workflow_run_Pq7aWm2Zx9Rt_Lk4Nb8Vc"));
        Exchange viaHeader = template.request("direct:get", e -> {
            e.getIn().setBody("workflow_run_Pq7aWm2Zx9Rt_Lk4Nb8Vc");
            e.getIn().setHeader(ExtendConstants.WORKSPACE_ID, "ws_header");
        });

        assertNull(viaOption.getException());
        assertNull(viaHeader.getException());
        assertEquals("PROCESSING", viaOption.getMessage().getHeader(ExtendConstants.RUN_STATUS));
        assertEquals("GET", FAKE.requests().get(0).method());
        assertEquals("/workflow_runs/workflow_run_Pq7aWm2Zx9Rt_Lk4Nb8Vc", FAKE.requests().get(0).rawPath());
        assertEquals("ws_option", FAKE.requests().get(0).header("x-extend-workspace-id"));
        assertEquals("ws_header", FAKE.requests().get(1).header("x-extend-workspace-id"));
    }
}

package dev.camelextend;

import org.apache.camel.spi.Metadata;

/**
 * The message headers of the Extend component. In and out are disjoint sets: an in header chooses data of a call, an
 * out header reports on the call just made, and no header is both, so nothing the component writes can choose the run
 * or workspace of a later {@code extend:} call in the same route. The run acted on is the body ({@code ${body.id}}).
 */
public final class ExtendConstants {

    @Metadata(label = "producer", description = "In: the workflow run to act on (wins over the runId option and the"
                                                + " body). Never written by the component: the run acted on is the"
                                                + " body, ${body.id}.",
              javaType = "String")
    public static final String RUN_ID = "CamelExtendRunId";

    @Metadata(label = "producer", description = "In: the Extend workspace to act in, sent as x-extend-workspace-id"
                                                + " (wins over the workspaceId option); needed with organization-scoped"
                                                + " API keys. Never written by the component.",
              javaType = "String")
    public static final String WORKSPACE_ID = "CamelExtendWorkspaceId";

    @Metadata(label = "producer", description = "Out: the run's status after the call, e.g. CANCELLED or CANCELLING"
                                                + " (the raw text, also for statuses this version does not know).",
              javaType = "String")
    public static final String RUN_STATUS = "CamelExtendRunStatus";

    @Metadata(label = "producer", description = "Out: Extend's request ID (x-extend-request-id) of the answer, when"
                                                + " Extend sent one; quote it in support requests.",
              javaType = "String")
    public static final String REQUEST_ID = "CamelExtendRequestId";

    @Metadata(label = "producer", description = "Out: how many HTTP requests the operation took (1 without retries), also set when it failed.",
              javaType = "int")
    public static final String ATTEMPTS = "CamelExtendAttempts";

    private ExtendConstants() {
    }
}

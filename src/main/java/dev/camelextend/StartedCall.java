package dev.camelextend;

import java.util.concurrent.CompletableFuture;

import org.apache.camel.Message;

/**
 * A call under way for one exchange, as the operations ({@link OperationCalls}, {@link WebhookManagementCalls}) hand
 * it to the producer: what its result will write onto the message, and what the exchange is about (the run, batch or
 * webhook object) for the messages of its failure.
 */
record StartedCall(CompletableFuture<Result> result, String subject) {

    /** What a finished call writes onto the message. */
    @FunctionalInterface
    interface Result {
        void applyTo(Message out);
    }
}

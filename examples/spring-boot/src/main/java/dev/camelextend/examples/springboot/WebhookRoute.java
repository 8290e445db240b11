// Owns: the route that receives Extend's webhook deliveries: each verified event, once per event ID, is recorded in
// RunEvents (what GET /runs/{id}/events shows).
package dev.camelextend.examples.springboot;

import dev.camelextend.ExtendConstants;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.springframework.stereotype.Component;

/**
 * {@code extend:webhook} on Spring Boot's own web server (camel-platform-http-starter: Spring MVC on Tomcat, the port of
 * RunsController), at the consumer's default path {@code /extend/webhook}. The signing secret is a component option
 * (application.properties), so it is in no URI. The consumer answers 200 when the route completed and 500 when it
 * failed: a failed record is delivered again by Extend, and so is any event whose 200 was lost, hence the
 * idempotent consumer on the event ID (which forgets an ID whose route failed, so the retry is recorded).
 */
@Component
public class WebhookRoute extends RouteBuilder {

    private final RunEvents events;

    public WebhookRoute(RunEvents events) {
        this.events = events;
    }

    @Override
    public void configure() {
        // tag::webhook-route[]
        from("extend:webhook").routeId("extend-webhook")
            .idempotentConsumer(header(ExtendConstants.WEBHOOK_EVENT_ID),
                    MemoryIdempotentRepository.memoryIdempotentRepository(10_000))
            .log("Extend event ${header.CamelExtendWebhookEventType} for run ${header.CamelExtendWebhookRunId}")
            .bean(events, "record");
        // end::webhook-route[]
    }
}

// Owns: the webhook route: extend:webhook behind an idempotent consumer on the event ID, so that a delivery Extend
// repeats is answered 200 but processed once, and each first delivery told to the ledger.
package dev.camelextend.examples.webhookconfirm;

import dev.camelextend.ExtendConstants;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;

/**
 * Receives Extend's signed deliveries on {@code POST {{webhook-confirm.path}}}. The consumer checks the signature
 * against {@code {{webhook-confirm.secret}}} before anything reaches the route (401 otherwise), and answers 200 once
 * the route completed. Extend delivers at least once, so the same event can come twice: the idempotent consumer
 * remembers the event IDs it processed (the newest {@value #EVENT_IDS_REMEMBERED}) and drops a repeat, which is still
 * answered 200 so that Extend stops retrying it. A route that fails forgets the ID again and is answered 500: Extend's
 * retry is then processed as a first delivery.
 * <p>
 * The secret is a placeholder, not text in the URI: Camel's own TRACE lines print the URI as written. {@code RAW(...)}
 * keeps a secret's {@code +} or {@code &} from being read as URI syntax; a comma list (old and new secret while
 * Extend rotates it) passes as it is.
 */
public final class WebhookRoute extends RouteBuilder {

    public static final String ROUTE_ID = "webhook";
    public static final String SECRET_PROPERTY = "webhook-confirm.secret";
    public static final String PATH_PROPERTY = "webhook-confirm.path";
    /** How many event IDs the idempotent consumer remembers; a repeat of an older one would be processed again. */
    static final int EVENT_IDS_REMEMBERED = 10_000;

    private final ConfirmationLedger ledger;

    public WebhookRoute(ConfirmationLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void configure() {
        from("extend:webhook?secret=RAW({{" + SECRET_PROPERTY + "}})&path={{" + PATH_PROPERTY + "}}")
                .routeId(ROUTE_ID)
                .process(e -> ledger.delivered())
                // skipDuplicate(false): a repeat goes on, marked, so that it can be counted before it is dropped
                .idempotentConsumer(header(ExtendConstants.WEBHOOK_EVENT_ID),
                        MemoryIdempotentRepository.memoryIdempotentRepository(EVENT_IDS_REMEMBERED))
                    .skipDuplicate(false)
                    .choice()
                        .when(exchangeProperty(Exchange.DUPLICATE_MESSAGE).isEqualTo(true))
                            .process(e -> ledger.duplicateDropped())
                        .when(header(ExtendConstants.WEBHOOK_EVENT_TYPE).isEqualTo(ConfirmationLedger.CANCELLED_EVENT))
                            .process(e -> ledger.cancelledEvent(header(e, ExtendConstants.WEBHOOK_EVENT_ID),
                                    header(e, ExtendConstants.WEBHOOK_RUN_ID)))
                        .otherwise()
                            // acknowledged (200) and counted; one about a run being cancelled says it finished first
                            .process(e -> ledger.otherEvent(header(e, ExtendConstants.WEBHOOK_EVENT_ID),
                                    header(e, ExtendConstants.WEBHOOK_EVENT_TYPE),
                                    header(e, ExtendConstants.WEBHOOK_RUN_ID)))
                    .end()
                .end();
    }

    private static String header(Exchange exchange, String name) {
        return exchange.getMessage().getHeader(name, String.class);
    }
}

/**
 * The Camel-free HTTP client for Extend: the operations ({@code ExtendClient}), the rules of one call
 * ({@code CallExecution}, {@code CancelRefusalCheck}, {@code CallFailures}), its time ({@code ClientTime}), pacing
 * ({@code Pacing}, {@code RateLimiter}), dispatch with deadlines ({@code Dispatcher}), the transport and its memory
 * budget ({@code Transport}, {@code ResponseBudget}), and the reading and cleaning of what a server sends
 * ({@code AnswerReader}, {@code ErrorBodyDecoder}, {@code ServerText}); option defaults and checks
 * ({@code ExtendDefaults}, {@code OptionRules}); and the Camel-free rules of the webhook consumer: its options
 * ({@code WebhookSettings}), the signature ({@code WebhookSignature}), the envelope and its typed payload
 * ({@code WebhookEvents}), the fetch of a signed-URL payload ({@code SignedPayloadFetcher}). docs/architecture.md draws
 * how they fit.
 * <p>
 * <b>Internal API.</b> Routes use the {@code extend:} component and the types of {@code dev.camelextend} and
 * {@code dev.camelextend.model}; this package carries no compatibility promise yet and may change in any release.
 */
package dev.camelextend.client;

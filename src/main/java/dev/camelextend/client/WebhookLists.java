package dev.camelextend.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import dev.camelextend.client.ExtendCallFailure.Kind;
import dev.camelextend.model.WebhookObject;
import dev.camelextend.model.WebhookPage;

/**
 * Every page of a webhook listing, one call after the other, gathered into one list: an account has a handful of
 * endpoints and a subscription per workflow, so the whole list is what a route wants. Bounded all the same - at most
 * {@link #MAX_PAGES} pages, and a server that hands back the token it was given is not followed round in circles.
 */
final class WebhookLists {

    /** Pages followed at most: with a page size of 100, ten thousand endpoints or subscriptions. */
    static final int MAX_PAGES = 100;

    private WebhookLists() {
    }

    /**
     * @param page the call for one page: its token (null for the first) to the answer whose webhook() is a
     *             {@link WebhookPage}
     * @param what what is listed, for a failure's message ("webhook endpoints")
     * @return the answer of the last page, its webhook() the items of every page in order and its attempts those of
     *         every page's call
     */
    static CompletableFuture<ExtendResponse> all(Function<String, CompletableFuture<ExtendResponse>> page,
                                                 String operation, String what) {
        CompletableFuture<ExtendResponse> result = new CompletableFuture<>();
        next(page, operation, what, null, new ArrayList<>(), 0, 0, result);
        return result;
    }

    private static void next(Function<String, CompletableFuture<ExtendResponse>> page, String operation, String what,
                             String token, List<WebhookObject> items, int pages, int attempts,
                             CompletableFuture<ExtendResponse> result) {
        CompletableFuture<ExtendResponse> call;
        try {
            call = page.apply(token);
        } catch (RuntimeException invalid) {
            result.completeExceptionally(invalid);
            return;
        }
        call.whenComplete((answer, failure) -> {
            if (failure != null) {
                result.completeExceptionally(failure);
                return;
            }
            WebhookPage<?> got = (WebhookPage<?>) answer.webhook();
            items.addAll(got.getData());
            int all = attempts + answer.attempts();
            if (!got.hasNextPage()) {
                result.complete(ExtendResponse.ofWebhook(List.copyOf(items), answer.statusCode(), answer.requestId(),
                        all));
            } else if (got.getNextPageToken().equals(token) || pages + 1 >= MAX_PAGES) {
                result.completeExceptionally(ExtendCallFailure.builder(Kind.INVALID_RESPONSE, operation, null)
                        .message("Extend " + operation + " did not end: " + (got.getNextPageToken().equals(token)
                                ? "a page named itself as the next one" : "more than " + MAX_PAGES + " pages of "
                                  + what) + " (" + items.size() + " listed)")
                        .attempts(all)
                        .build());
            } else {
                next(page, operation, what, got.getNextPageToken(), items, pages + 1, all, result);
            }
        });
    }
}

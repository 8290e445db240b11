package dev.camelextend.client;

import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import dev.camelextend.model.ExtendRun;
import dev.camelextend.model.RunPage;

/**
 * Every run a listing matches, page by page: an {@link Iterable} that Camel's {@code split(body()).streaming()} walks
 * without ever holding more than two pages - the one being handed out and the next, which is fetched as soon as the
 * current one arrives so the route rarely waits. With several statuses (Extend lists one per request) it lists each in
 * turn. Each page is an ordinary call: bounded, retried and rate limited.
 * <p>
 * Walking it waits for the next page on the walking thread (a route thread; never one of the client's I/O threads,
 * which it refuses), for no longer than a call's budget. A page that fails ends the walk with {@code failure}'s
 * translation of the call's failure. It can be walked once.
 */
public final class RunListing implements Iterable<ExtendRun> {

    private final ExtendClient client;
    private final RunKind kind;
    private final RunListQuery query;
    private final String workspaceId;
    private final Function<Throwable, RuntimeException> failure;
    private final Duration pageBudget;
    private final ExtendResponse firstPage;
    private volatile boolean walked;
    private volatile int pagesRead = 1;
    private volatile long runsHandedOut;

    /**
     * @param firstPage the first page of {@code query}'s first status, already fetched (so that a failure of the first
     *                  request reaches the caller at once, as any call's failure does)
     * @param failure   turns a call's failure into what the walker throws
     */
    public RunListing(ExtendClient client, RunKind kind, RunListQuery query, String workspaceId,
                      ExtendResponse firstPage, Function<Throwable, RuntimeException> failure) {
        this.client = client;
        this.kind = kind;
        this.query = query;
        this.workspaceId = workspaceId;
        this.firstPage = firstPage;
        this.failure = failure;
        // a page call ends within its budget on its own; the extra second only covers the hand-over
        this.pageBudget = client.settings().callBudget().plusSeconds(1);
    }

    /** The request for the first page: the first status of {@code query}, or none. */
    public static CompletableFuture<ExtendResponse> firstPage(ExtendClient client, RunKind kind, RunListQuery query,
                                                              String workspaceId) {
        return client.listPage(kind, query.withOnlyStatus(statusAt(query, 0)), null, workspaceId);
    }

    private static String statusAt(RunListQuery query, int index) {
        return query.statuses().isEmpty() ? null : query.statuses().get(index);
    }

    @Override
    public Iterator<ExtendRun> iterator() {
        if (walked) {
            throw new IllegalStateException("This listing of Extend runs was walked already: list again for a new walk");
        }
        walked = true;
        return new Walk();
    }

    @Override
    public String toString() {
        return "RunListing[" + kind + " runs, " + query.describe() + "; " + pagesRead + (pagesRead == 1 ? " page" : " pages")
               + ", " + runsHandedOut + " runs so far]";
    }

    private final class Walk implements Iterator<ExtendRun> {

        private int statusIndex;
        private Iterator<? extends ExtendRun> current;
        private CompletableFuture<ExtendResponse> next;
        /** A page that failed, thrown by the next {@link #next()}: see {@link #hasNext()}. */
        private RuntimeException failed;

        Walk() {
            take(firstPage.page());
        }

        /** Hands out {@code page} and asks for the one after it at once. */
        private void take(RunPage<? extends ExtendRun> page) {
            List<? extends ExtendRun> data = page.getData();
            current = data.iterator();
            if (page.hasNextPage()) {
                next = client.listPage(kind, query.withOnlyStatus(statusAt(query, statusIndex)), page.getNextPageToken(),
                        workspaceId);
            } else if (statusIndex + 1 < query.statuses().size()) {
                statusIndex++;
                next = client.listPage(kind, query.withOnlyStatus(statusAt(query, statusIndex)), null, workspaceId);
            } else {
                next = null;
            }
        }

        /**
         * A page that fails makes this true, and the next {@link #next()} throws: Camel's streaming splitter asks
         * whether there is a next item before it processes the current one, so failing here would drop the last run
         * of the page before.
         */
        @Override
        public boolean hasNext() {
            while (failed == null && !current.hasNext()) {
                if (next == null) {
                    return false;
                }
                try {
                    take(await(next).page());
                    pagesRead++;
                } catch (RuntimeException pageFailed) {
                    failed = pageFailed;
                }
            }
            return true;
        }

        @Override
        public ExtendRun next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            if (failed != null) {
                RuntimeException f = failed;
                failed = null;
                current = Collections.emptyIterator();
                throw f;
            }
            runsHandedOut++;
            return current.next();
        }

        private ExtendResponse await(CompletableFuture<ExtendResponse> page) {
            if (HttpTransports.isIoThread()) {
                // waiting here would stop the thread that must read the page: a bug in the caller, said plainly
                throw new IllegalStateException("An Extend run listing cannot be walked on one of the component's I/O"
                                                + " threads");
            }
            try {
                return page.get(pageBudget.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | CompletionException e) {
                next = null;
                throw failure.apply(CallFailures.unwrap(e.getCause() != null ? e.getCause() : e));
            } catch (TimeoutException e) {
                next = null;
                page.cancel(false);
                throw failure.apply(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                next = null;
                throw failure.apply(e);
            }
        }
    }
}

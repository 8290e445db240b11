package dev.camelextend;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;

import dev.camelextend.client.ExtendCallFailure;
import dev.camelextend.client.HttpTransports;
import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultAsyncProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one exchange to Extend without blocking: the run ID is resolved and checked on the caller's thread, the call
 * runs on HttpClient's I/O threads, and the exchange continues on the component's worker threads when the client's
 * future completes (never on an I/O thread: see {@link WorkerThreads}). Every path ends in
 * exactly one {@code callback.done(...)}, with a failure set on the exchange, never thrown from an I/O thread.
 */
public class ExtendProducer extends DefaultAsyncProducer {

    private static final Logger LOG = LoggerFactory.getLogger(ExtendProducer.class);

    private final ExtendEndpoint endpoint;
    private WritableHealthCheckRepository healthCheckRepository;
    private ExtendProducerHealthCheck healthCheck;
    private volatile WorkerThreads workers;

    public ExtendProducer(ExtendEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        workers = endpoint.getComponent().getWorkers(); // at route start, so a bad maxWorkerThreads fails there
        // health checks are optional: only when camel-health's producer repository is present and enabled
        healthCheckRepository = HealthCheckHelper.getHealthCheckRepository(endpoint.getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        if (healthCheckRepository != null) {
            // one check per account, however many producers call it
            healthCheck = endpoint.getComponent().acquireHealthCheck(endpoint, healthCheckRepository);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthCheckRepository != null && healthCheck != null) {
            endpoint.getComponent().releaseHealthCheck(endpoint, healthCheck, healthCheckRepository);
            healthCheck = null;
        }
        super.doStop();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        StartedCall call;
        try {
            call = OperationCalls.start(endpoint.getOperation(), endpoint.getConfiguration(), endpoint.getClient(),
                    exchange.getIn());
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        if ((exchange.isTransacted() || endpoint.getConfiguration().isSynchronous()) && !HttpTransports.isIoThread()) {
            // A transaction is bound to the consumer's thread: continuing on another thread would run error handling
            // and later sends outside it. Every call ends (deadlines, retries, waits and close() are all bounded). On
            // an I/O thread of the component this wait would stop the thread that must send the request: continue
            // async.
            complete(exchange, call);
            callback.done(true);
            return true;
        }
        WorkerThreads workers = this.workers;
        call.result().whenComplete((result, error) -> workers.execute(() -> continueRoute(exchange, call, callback)));
        return false;
    }

    /**
     * Runs the rest of the route on a worker thread. Camel's own steps catch exceptions but not every {@code Error}: a
     * {@code StackOverflowError} thrown by route code would escape the callback, end nowhere (this runs in a future's
     * continuation) and leave the exchange waiting forever. It is logged here and the exchange completes with it.
     */
    private void continueRoute(Exchange exchange, StartedCall call, AsyncCallback callback) {
        complete(exchange, call);
        try {
            callback.done(false);
        } catch (Throwable routeError) {
            LOG.error("The route after Extend {} of {} threw {}: the exchange {} ends with it",
                    endpoint.getOperation(), call.subject(), routeError.getClass().getName(), exchange.getExchangeId(),
                    routeError);
            exchange.setException(routeError instanceof Exception e ? e
                    : new CamelExecutionException("Route code threw " + routeError.getClass().getName(), exchange,
                            routeError));
            try {
                callback.done(false); // with the exception set, Camel ends the exchange instead of routing on
            } catch (Throwable again) {
                LOG.error("The exchange {} could not be completed after route code threw", exchange.getExchangeId(),
                        again);
            }
        }
    }

    /** Puts the finished call's result or typed exception on the exchange; waits if the call is not finished yet. */
    private static void complete(Exchange exchange, StartedCall call) {
        try {
            StartedCall.Result result;
            try {
                // waits only in the synchronous or transacted path, on the consumer's own thread (never on a component
                // I/O thread: process() checks); after the async hand-off the call is already done
                result = call.result().join();
            } catch (CompletionException | CancellationException error) {
                Throwable failure = unwrap(error);
                if (failure instanceof ExtendCallFailure f) {
                    // tells the route how much of the retry budget the failed call used
                    exchange.getMessage().setHeader(ExtendConstants.ATTEMPTS, f.getAttempts());
                }
                exchange.setException(ExtendExceptions.from(failure, call.subject()));
                return;
            }
            result.applyTo(exchange.getMessage());
        } catch (Throwable t) {
            exchange.setException(t);
        }
    }

    private static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while (e instanceof CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}

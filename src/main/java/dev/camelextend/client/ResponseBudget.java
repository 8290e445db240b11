package dev.camelextend.client;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes that all answers being read may hold at once. {@code maxResponseSize} bounds one answer; without a bound on
 * their sum, a few dozen large answers arriving together (or bodies that never end, on many connections) can exhaust
 * the heap on an I/O thread. Each body reserves its bytes here as they arrive and gives them back when it has been
 * handed over (or has failed); a body that does not fit fails its attempt as a transient local shortage, which the
 * retry rules treat like a dropped connection.
 */
public final class ResponseBudget {

    private final long capacity;
    private final AtomicLong reserved = new AtomicLong();

    /** @param capacity the most bytes held by bodies in flight, positive */
    public ResponseBudget(long capacity) {
        this.capacity = OptionRules.positive(capacity, "maxResponseBytesInFlight");
    }

    /** Takes {@code bytes}, or throws without taking anything when they do not fit. */
    void reserve(long bytes) throws BudgetExceededException {
        while (true) {
            long now = reserved.get();
            if (now + bytes > capacity) {
                throw new BudgetExceededException(capacity);
            }
            if (reserved.compareAndSet(now, now + bytes)) {
                return;
            }
        }
    }

    void release(long bytes) {
        reserved.addAndGet(-bytes);
    }

    /** Bytes reserved now. */
    public long reserved() {
        return reserved.get();
    }

    /** The answers in flight already hold the whole budget. */
    public static final class BudgetExceededException extends IOException {
        private static final long serialVersionUID = 1L;

        BudgetExceededException(long capacity) {
            super("the answers being read already hold the component's whole budget of " + capacity
                  + " bytes (maxResponseBytesInFlight)");
        }
    }
}

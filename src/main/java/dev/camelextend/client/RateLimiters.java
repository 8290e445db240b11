package dev.camelextend.client;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The JVM-wide {@link RateLimiter}s: Extend limits requests per organization, and an admin can cap a workspace lower,
 * so every endpoint and route in this JVM that uses the same API key, base URL and workspace must share one pace.
 * Users hold a {@link Lease} for as long as they send (an endpoint from start to stop). The rate in force is the lowest
 * among the live leases, so the strictest user is always honoured, and it rises again when that user leaves; when the
 * last lease of an account closes, its limiter leaves the registry, so the registry does not grow with every account
 * ever used and a later user starts afresh at its own rate instead of inheriting a rate nobody asks for any more.
 * <p>
 * The map key is a SHA-256 digest, so the API key itself is never held in (or printed from) this registry.
 */
public final class RateLimiters {

    /** Guarded by itself. */
    private static final Map<String, Account> ACCOUNTS = new HashMap<>();

    private RateLimiters() {
    }

    /**
     * A share of the limiter of one account, at no more than the rate it was acquired with. Close it when done
     * sending; closing again does nothing. After the close, {@link #limiter()} still returns the same limiter, but it
     * no longer counts for the rate and may have left the registry.
     */
    public static final class Lease implements AutoCloseable {

        private final Account account;
        private final double permitsPerSecond;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Lease(Account account, double permitsPerSecond) {
            this.account = account;
            this.permitsPerSecond = permitsPerSecond;
        }

        public RateLimiter limiter() {
            return account.limiter;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                release(this);
            }
        }

        @Override
        public String toString() {
            return "RateLimiters.Lease[" + permitsPerSecond + "/s" + (closed.get() ? ", closed" : "") + "]";
        }
    }

    /** One account's limiter and its live leases. */
    private static final class Account {

        final String key;
        final RateLimiter limiter;
        /** Guarded by {@link #ACCOUNTS}. */
        final List<Lease> leases = new ArrayList<>();
        /** The lowest rate among {@link #leases}, written under {@link #ACCOUNTS}. */
        volatile double rate;

        Account(String key, RateLimiter limiter) {
            this.key = key;
            this.limiter = limiter;
        }

        /** Under {@link #ACCOUNTS}. */
        void updateRate() {
            double lowest = Double.POSITIVE_INFINITY;
            for (Lease lease : leases) {
                lowest = Math.min(lowest, lease.permitsPerSecond);
            }
            rate = lowest;
        }

        /**
         * Brings the limiter to the latest {@link #rate}, outside the registry's lock. The rate is read under the
         * limiter's own monitor (its methods synchronize on it), so racing calls are applied one at a time and each
         * applies the rate as it is then: a late call can never put back an older rate.
         */
        void applyRate() {
            synchronized (limiter) {
                double r = rate;
                if (r != Double.POSITIVE_INFINITY) { // no lease left: nothing to apply
                    limiter.setRate(r);
                }
            }
        }
    }

    /**
     * The lease for the {@code rateLimit} option: none for 0 (off), else {@link #acquire}.
     *
     * @throws IllegalArgumentException naming the option, for a negative or non-finite rate
     */
    public static Lease forOption(String apiKey, String baseUrl, String workspaceId, double rateLimit) {
        return OptionRules.rate(rateLimit) > 0 ? acquire(apiKey, baseUrl, workspaceId, rateLimit) : null;
    }

    /**
     * Takes a lease on the shared limiter for this account; close it when done sending.
     *
     * @param apiKey           the API key; only its digest is kept
     * @param baseUrl          the API's base URL
     * @param workspaceId      the workspace the requests go to, or null; part of the account, because a workspace can
     *                         be capped lower than its organization
     * @param permitsPerSecond the most this user may send; the limiter runs at the lowest rate among live leases
     */
    public static Lease acquire(String apiKey, String baseUrl, String workspaceId, double permitsPerSecond) {
        RateLimiter.checkRate(permitsPerSecond);
        String key = Accounts.digest(apiKey, Objects.requireNonNull(baseUrl, "baseUrl"), workspaceId);
        RateLimiter fresh = null;
        while (true) {
            Lease lease = null;
            synchronized (ACCOUNTS) {
                Account account = ACCOUNTS.get(key);
                if (account == null && fresh != null) {
                    account = new Account(key, fresh);
                    ACCOUNTS.put(key, account);
                }
                if (account != null) {
                    lease = new Lease(account, permitsPerSecond);
                    account.leases.add(lease);
                    account.updateRate();
                }
            }
            if (lease != null) {
                lease.account.applyRate();
                return lease;
            }
            // no limiter for this account yet: make one outside the lock, then look again
            fresh = new RateLimiter(permitsPerSecond);
        }
    }

    private static void release(Lease lease) {
        Account account = lease.account;
        synchronized (ACCOUNTS) {
            account.leases.remove(lease);
            if (account.leases.isEmpty()) {
                ACCOUNTS.remove(account.key, account);
            }
            account.updateRate();
        }
        account.applyRate();
    }

    /**
     * The shared limiter for this key and base URL (no workspace), at no more than {@code permitsPerSecond}.
     *
     * @deprecated the lease taken here is never closed, so this limiter stays for the life of the JVM and its rate
     *             never rises above this one; use {@link #acquire} and close the lease
     */
    @Deprecated
    public static RateLimiter forAccount(String apiKey, String baseUrl, double permitsPerSecond) {
        return acquire(apiKey, baseUrl, null, permitsPerSecond).limiter();
    }

    /** How many accounts have a limiter now: released ones are gone. For tests. */
    static int size() {
        synchronized (ACCOUNTS) {
            return ACCOUNTS.size();
        }
    }

    /** Whether this account has a limiter now. For tests. */
    static boolean contains(String apiKey, String baseUrl, String workspaceId) {
        String key = Accounts.digest(apiKey, baseUrl, workspaceId);
        synchronized (ACCOUNTS) {
            return ACCOUNTS.containsKey(key);
        }
    }
}

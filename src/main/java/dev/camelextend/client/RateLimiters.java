package dev.camelextend.client;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The JVM-wide {@link RateLimiter}s: Extend limits requests per organization and {@link RequestCategory category}
 * (reads, writes and runs each have their own bucket, and hitting one does not affect the others), and an admin can
 * cap a workspace lower, so every endpoint and route in this JVM that uses the same API key, base URL and workspace
 * must share one pace per category. Users hold a {@link Lease} per category for as long as they send (an endpoint from
 * start to stop, see {@link #forOptions}). The rate in force is the lowest among the live leases of that account and
 * category, so the strictest user is always honoured, and it rises again when that user leaves; when the last lease
 * closes, its limiter leaves the registry, so the registry does not grow with every account ever used and a later
 * user starts afresh at its own rate instead of inheriting a rate nobody asks for any more.
 * <p>
 * The map key holds a SHA-256 digest of the account, so the API key itself is never held in (or printed from) this
 * registry.
 */
public final class RateLimiters {

    /** Guarded by itself. */
    private static final Map<Key, Account> ACCOUNTS = new HashMap<>();

    /** Who sends ({@link Accounts#digest}: API key, base URL, workspace) and what Extend counts it as. */
    private record Key(String account, RequestCategory category) {
    }

    private RateLimiters() {
    }

    /**
     * A share of the limiter of one account and category, at no more than the rate it was acquired with. Close it
     * when done sending; closing again does nothing. After the close, {@link #limiter()} still returns the same
     * limiter, but it no longer counts for the rate and may have left the registry.
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
            return "RateLimiters.Lease[" + account.key.category().label() + " " + permitsPerSecond + "/s"
                   + (closed.get() ? ", closed" : "") + "]";
        }
    }

    /** One account's limiter of one category, and its live leases. */
    private static final class Account {

        final Key key;
        final RateLimiter limiter;
        /** Guarded by {@link #ACCOUNTS}. */
        final List<Lease> leases = new ArrayList<>();
        /** The lowest rate among {@link #leases}, written under {@link #ACCOUNTS}. */
        volatile double rate;

        Account(Key key, RateLimiter limiter) {
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
     * The leases of one endpoint: one per category its options limit, released together. A category without a lease
     * is not limited ({@link #limiter} answers null).
     */
    public static final class Leases implements AutoCloseable {

        private final Map<RequestCategory, Lease> byCategory;

        private Leases(Map<RequestCategory, Lease> byCategory) {
            this.byCategory = byCategory;
        }

        /** The shared limiter of the category, or null when this endpoint does not limit it. */
        public RateLimiter limiter(RequestCategory category) {
            Lease lease = byCategory.get(category);
            return lease == null ? null : lease.limiter();
        }

        /** Closes every lease; closing again does nothing. */
        @Override
        public void close() {
            byCategory.values().forEach(Lease::close);
        }

        @Override
        public String toString() {
            return "RateLimiters.Leases[reads " + shown(RequestCategory.READ) + ", writes "
                   + shown(RequestCategory.WRITE) + "]";
        }

        private String shown(RequestCategory category) {
            Lease lease = byCategory.get(category);
            return lease == null ? "off" : lease.permitsPerSecond + "/s";
        }
    }

    /**
     * The leases for the rate-limit options of an endpoint: {@code rateLimit} is the rate of each category, and
     * {@code readRateLimit} and {@code writeRateLimit}, when set, replace it for theirs; a rate of 0 is no limit (and
     * no lease) for that category. Every value is checked before any lease is taken, so a bad one leaves nothing
     * behind.
     *
     * @param readRateLimit  the rate of reads (GET), or null for {@code rateLimit}
     * @param writeRateLimit the rate of writes (cancel and other POST or DELETE calls), or null for {@code rateLimit}
     * @throws IllegalArgumentException naming the option, for a negative or non-finite rate
     */
    public static Leases forOptions(String apiKey, String baseUrl, String workspaceId, double rateLimit,
                                    Double readRateLimit, Double writeRateLimit) {
        OptionRules.rate(rateLimit);
        double reads = readRateLimit == null ? rateLimit : OptionRules.rate(readRateLimit, "readRateLimit");
        double writes = writeRateLimit == null ? rateLimit : OptionRules.rate(writeRateLimit, "writeRateLimit");
        Map<RequestCategory, Lease> leases = new EnumMap<>(RequestCategory.class);
        try {
            if (reads > 0) {
                leases.put(RequestCategory.READ, acquire(apiKey, baseUrl, workspaceId, RequestCategory.READ, reads));
            }
            if (writes > 0) {
                leases.put(RequestCategory.WRITE, acquire(apiKey, baseUrl, workspaceId, RequestCategory.WRITE, writes));
            }
        } catch (RuntimeException e) {
            leases.values().forEach(Lease::close);
            throw e;
        }
        return new Leases(leases);
    }

    /**
     * Takes a lease on the shared limiter for this account and category; close it when done sending.
     *
     * @param apiKey           the API key; only its digest is kept
     * @param baseUrl          the API's base URL
     * @param workspaceId      the workspace the requests go to, or null; part of the account, because a workspace can
     *                         be capped lower than its organization
     * @param category         what Extend counts the requests as: each category has its own limiter
     * @param permitsPerSecond the most this user may send; the limiter runs at the lowest rate among live leases
     */
    public static Lease acquire(String apiKey, String baseUrl, String workspaceId, RequestCategory category,
                                double permitsPerSecond) {
        RateLimiter.checkRate(permitsPerSecond);
        Key key = key(apiKey, Objects.requireNonNull(baseUrl, "baseUrl"), workspaceId, category);
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

    private static Key key(String apiKey, String baseUrl, String workspaceId, RequestCategory category) {
        return new Key(Accounts.digest(apiKey, baseUrl, workspaceId), Objects.requireNonNull(category, "category"));
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
     * The shared limiter for this key, base URL (no workspace) and category, at no more than {@code permitsPerSecond}.
     *
     * @deprecated the lease taken here is never closed, so this limiter stays for the life of the JVM and its rate
     *             never rises above this one; use {@link #acquire} and close the lease
     */
    @Deprecated
    public static RateLimiter forAccount(String apiKey, String baseUrl, RequestCategory category,
                                         double permitsPerSecond) {
        return acquire(apiKey, baseUrl, null, category, permitsPerSecond).limiter();
    }

    /** How many limiters (accounts and categories) there are now: released ones are gone. For tests. */
    static int size() {
        synchronized (ACCOUNTS) {
            return ACCOUNTS.size();
        }
    }

    /** Whether this account has a limiter of this category now. For tests. */
    static boolean contains(String apiKey, String baseUrl, String workspaceId, RequestCategory category) {
        Key key = key(apiKey, baseUrl, workspaceId, category);
        synchronized (ACCOUNTS) {
            return ACCOUNTS.containsKey(key);
        }
    }
}

package net.presence.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import net.presence.platform.Settings;

/**
 * Failed-login throttling: after {@code sessions.login.failures.per.minute} (default 20, 0 is off)
 * failed tokens from one client address within a minute, that address is refused every token check
 * for the next minute, so a token cannot be guessed at the server's speed. Other addresses are not
 * affected. The count is kept per address in memory: a restart forgets it, which costs a guesser
 * more than it gains.
 */
@ApplicationScoped
public class LoginThrottle {

    public static final String SETTING = "sessions.login.failures.per.minute";
    static final long MINUTE = 60_000;
    /** Bounds the memory an attacker with many addresses can take: past it, ended entries are dropped first. */
    static final int MOST_ADDRESSES = 100_000;

    private final int limit;
    private final ConcurrentHashMap<String, Failures> byAddress = new ConcurrentHashMap<>();

    /** One address's failures in its current minute, and when its block ends (0: not blocked). */
    private static final class Failures {
        long windowStart;
        int count;
        long blockedUntil;
    }

    public LoginThrottle() {
        this(Settings.read(SETTING).map(Integer::parseInt).orElse(20));
    }

    LoginThrottle(int limit) {
        this.limit = Math.max(limit, 0);
    }

    /** Whole seconds until the address may try again; 0 when it may now. */
    public long blockedSeconds(String address, long now) {
        if (limit == 0) {
            return 0;
        }
        Failures failures = byAddress.get(address);
        if (failures == null) {
            return 0;
        }
        synchronized (failures) {
            long left = failures.blockedUntil - now;
            return left > 0 ? (left + 999) / 1000 : 0;
        }
    }

    /** Counts a failed token from the address; blocks it for a minute at the limit. */
    public void failed(String address, long now) {
        if (limit == 0) {
            return;
        }
        if (byAddress.size() >= MOST_ADDRESSES) {
            byAddress.values().removeIf(f -> {
                synchronized (f) {
                    return f.blockedUntil <= now && now - f.windowStart >= MINUTE;
                }
            });
        }
        Failures failures = byAddress.computeIfAbsent(address, a -> new Failures());
        synchronized (failures) {
            if (now - failures.windowStart >= MINUTE) {
                failures.windowStart = now;
                failures.count = 0;
            }
            if (++failures.count >= limit) {
                failures.blockedUntil = now + MINUTE;
                failures.count = 0;
                failures.windowStart = now;
            }
        }
    }
}

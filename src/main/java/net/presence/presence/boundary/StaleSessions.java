package net.presence.presence.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.presence.platform.Migrations;
import net.presence.platform.Settings;

/**
 * A dead scanner reports nothing, so nothing would ever close its devices' sessions: this timer
 * turns open sessions of devices unobserved for the stale limit into missing disconnections.
 * It exists only when the limit is set; its timer is not persistent, every start makes it anew.
 */
@Singleton
@Startup
@DependsOn("Migrations")
public class StaleSessions {

    private static final Logger LOG = Logger.getLogger(StaleSessions.class.getName());

    @Resource
    TimerService timers;

    @EJB
    Observations observations;

    @Inject
    Settings settings;

    private Duration staleAfter;

    /** When the timer last fired (or was set), for the readiness probe; static so the probe takes no bean lock. */
    private static volatile long lastTickMillis;
    /** The longest the probe accepts between two ticks; 0 while the timer is off. */
    private static volatile long allowedGapMillis;

    /**
     * Whether the stale-session timer runs: always true when it is off. A tick may be late by a
     * busy check or a slow database, so three periods (at least ten seconds) pass before it counts as dead.
     */
    public static boolean timerAlive(long nowMillis) {
        long gap = allowedGapMillis;
        return gap == 0 || nowMillis - lastTickMillis <= gap;
    }

    @PostConstruct
    void schedule() {
        staleAfter = settings.staleAfter();
        if (staleAfter.isZero()) {
            return;
        }
        long every = settings.staleCheckEvery().toMillis();
        lastTickMillis = System.currentTimeMillis();
        allowedGapMillis = Math.max(3 * every, 10_000);
        timers.createIntervalTimer(every, every, new TimerConfig("stale sessions", false));
        LOG.info(() -> "Open sessions of devices unobserved for " + staleAfter.toSeconds() + " s become missing"
                + " disconnections; checked every " + every / 1000 + " s");
    }

    /** Each tick is its own transaction in Observations; a failed tick is simply made up by the next. */
    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void expire() {
        lastTickMillis = System.currentTimeMillis();
        if (!Migrations.ready()) {
            return; // the database is not reachable yet; Migrations has said so
        }
        try {
            int expired = observations.expireStale(Instant.now().minus(staleAfter));
            PresenceMeters.stale(expired);
            if (expired > 0) {
                LOG.info(() -> expired + " open session(s) went stale and lost their disconnection");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Stale sessions were not checked this time; the next tick tries again", e);
        }
    }
}

package net.presence.presence.boundary;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Map;
import net.presence.platform.Meters;
import net.presence.presence.control.Effect;
import net.presence.presence.control.ScanCounts;

/**
 * What the presence engine did, for /metrics: observations by effect (a scan counts each device it
 * decided on), sessions it opened and closed, stale sessions closed, and how long scans take. Counted
 * after the transaction committed, so a refused or rolled-back request counts nothing.
 */
final class PresenceMeters {

    private static final Map<Effect, Counter> OBSERVATIONS = new EnumMap<>(Effect.class);
    private static final Counter OPENED = Meters.counter("sessions_opened", "Sessions the presence engine opened");
    private static final Counter CLOSED = Meters.counter("sessions_closed", "Sessions the presence engine closed");
    private static final Counter STALE = Meters.counter("sessions_stale_closed", "Open sessions that went stale and lost their disconnection");
    static final Timer SCANS = Meters.timer("sessions_scan_duration", "Whole scans, from body read to commit");

    static {
        for (Effect effect : Effect.values()) {
            OBSERVATIONS.put(effect, Meters.counter("sessions_observations", "Observations by what they did", "effect", effect.json()));
        }
    }

    private PresenceMeters() {
    }

    static void observed(Effect effect) {
        OBSERVATIONS.get(effect).increment();
        if (effect == Effect.OPENED) {
            OPENED.increment();
        } else if (effect == Effect.CLOSED) {
            CLOSED.increment();
        }
    }

    static void scanned(ScanCounts counts) {
        for (Effect effect : Effect.values()) {
            int n = counts.of(effect);
            if (n > 0) {
                OBSERVATIONS.get(effect).increment(n);
            }
        }
        OPENED.increment(counts.of(Effect.OPENED));
        CLOSED.increment(counts.of(Effect.CLOSED));
    }

    static void stale(int expired) {
        STALE.increment(expired);
    }
}

package net.presence.presence.control;

import java.util.EnumMap;
import java.util.Map;
import net.presence.sessions.entity.EventKind;

/**
 * What a scan did, counted by effect. {@code opened} includes the {@code new} sessions (a device's
 * first is still an opened session); a flap is counted as {@code voided} only.
 */
public final class ScanCounts {

    private final Map<Effect, Integer> byEffect = new EnumMap<>(Effect.class);
    private int newDevices;

    public void count(Decision decision) {
        byEffect.merge(decision.effect(), 1, Integer::sum);
        if (decision.storesEvent() && decision.eventType().is(EventKind.NEW_DEVICE)) {
            newDevices++;
        }
    }

    public int of(Effect effect) {
        return byEffect.getOrDefault(effect, 0);
    }

    public int newDevices() {
        return newDevices;
    }
}

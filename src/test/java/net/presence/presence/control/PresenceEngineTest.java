package net.presence.presence.control;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import net.presence.sessions.entity.EventType;
import net.presence.values.IpAddress;
import net.presence.values.MacAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every row of docs/API.md §11: a device's state, one observation, what it does. */
class PresenceEngineTest {

    static final MacAddress MAC = MacAddress.parse("AA:BB:CC:DD:EE:FF");
    static final Instant T = Instant.parse("2025-08-01T10:00:00Z");
    static final Duration GRACE = Duration.ofSeconds(60);

    static Instant at(int seconds) {
        return T.plusSeconds(seconds);
    }

    static DeviceState openSince(int seconds, String ip) {
        return new DeviceState(at(seconds), IpAddress.parse(ip), DeviceState.Last.stillOpen());
    }

    static DeviceState closedAt(int seconds, String type) {
        return new DeviceState(at(seconds), IpAddress.parse("10.0.0.1"), DeviceState.Last.closed(at(seconds), EventType.of(type)));
    }

    static Observation seen(ObservationType type, String ip, int seconds) {
        return new Observation(MAC, IpAddress.parse(ip), type, at(seconds), "info");
    }

    static Stream<Arguments> rows() {
        ObservationType up = ObservationType.CONNECTED;
        ObservationType down = ObservationType.DISCONNECTED;
        ObservationType gone = ObservationType.DEVICE_DOWN;
        // name, grace, state, observation, effect, stored event type, stored event info;
        // a flap's connection is stored voided, so the API shows it as VOIDED - Connected
        return Stream.of(
                arguments("first sight: New Device, one event", Duration.ZERO, DeviceState.UNKNOWN,
                        seen(up, "10.0.0.1", 0), Effect.OPENED, "New Device", "info"),
                arguments("connected while open, same IP: repeated", Duration.ZERO, openSince(0, "10.0.0.1"),
                        seen(up, "10.0.0.1", 300), Effect.REPEATED, null, null),
                arguments("connected while open, same instant: not older, repeated", Duration.ZERO, openSince(0, "10.0.0.1"),
                        seen(up, "10.0.0.1", 0), Effect.REPEATED, null, null),
                arguments("connected while open, other IP: IP Changed naming the old one", Duration.ZERO, openSince(0, "10.0.0.1"),
                        seen(up, "10.0.0.7", 300), Effect.IP_CHANGED, "IP Changed", "Previous IP: 10.0.0.1"),
                arguments("connected after a disconnection: a new session", Duration.ZERO, closedAt(0, "Disconnected"),
                        seen(up, "10.0.0.1", 10), Effect.OPENED, "Connected", "info"),
                arguments("connected after a Device Down: Down Reconnected", Duration.ZERO, closedAt(0, "Device Down"),
                        seen(up, "10.0.0.1", 3600), Effect.OPENED, "Down Reconnected", "info"),
                arguments("Device Down is not voided within the grace period", GRACE, closedAt(0, "Device Down"),
                        seen(up, "10.0.0.1", 10), Effect.OPENED, "Down Reconnected", "info"),
                arguments("connected within the grace period: a flap", GRACE, closedAt(0, "Disconnected"),
                        seen(up, "10.0.0.1", 10), Effect.VOIDED, "Connected", "info"),
                arguments("connected exactly at the end of the grace period: still a flap", GRACE, closedAt(0, "Disconnected"),
                        seen(up, "10.0.0.1", 60), Effect.VOIDED, "Connected", "info"),
                arguments("connected after the grace period: a new session", GRACE, closedAt(0, "Disconnected"),
                        seen(up, "10.0.0.1", 61), Effect.OPENED, "Connected", "info"),
                arguments("grace off: an immediate reconnection is a new session", Duration.ZERO, closedAt(0, "Disconnected"),
                        seen(up, "10.0.0.1", 0), Effect.OPENED, "Connected", "info"),
                arguments("connected after a missing disconnection (stale): a new session", GRACE,
                        new DeviceState(at(0), IpAddress.parse("10.0.0.1"), DeviceState.Last.closed(null, null)),
                        seen(up, "10.0.0.1", 10), Effect.OPENED, "Connected", "info"),
                arguments("connected after a session closed with a custom type", GRACE, closedAt(0, "Left for lunch"),
                        seen(up, "10.0.0.1", 10), Effect.OPENED, "Connected", "info"),
                arguments("disconnected while open: closes", Duration.ZERO, openSince(0, "10.0.0.1"),
                        seen(down, "10.0.0.1", 300), Effect.CLOSED, "Disconnected", "info"),
                arguments("device down while open: closes as Device Down", Duration.ZERO, openSince(0, "10.0.0.1"),
                        seen(gone, "10.0.0.1", 300), Effect.CLOSED, "Device Down", "info"),
                arguments("disconnected after a closed session: repeated", GRACE, closedAt(0, "Disconnected"),
                        seen(down, "10.0.0.1", 300), Effect.REPEATED, null, null),
                arguments("device down after a closed session: repeated", Duration.ZERO, closedAt(0, "Disconnected"),
                        seen(gone, "10.0.0.1", 300), Effect.REPEATED, null, null),
                arguments("disconnected, no session at all: missing connection", Duration.ZERO, DeviceState.UNKNOWN,
                        seen(down, "10.0.0.1", 0), Effect.MISSING_CONNECTION, "Disconnected", "info"),
                arguments("device down, no session at all: missing connection", Duration.ZERO, DeviceState.UNKNOWN,
                        seen(gone, "10.0.0.1", 0), Effect.MISSING_CONNECTION, "Device Down", "info"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void decides(String name, Duration grace, DeviceState state, Observation observation, Effect effect,
            String eventType, String eventInfo) {
        Decision decision = new PresenceEngine(grace).decide(state, observation);
        assertEquals(new Decision(effect, eventType == null ? null : EventType.of(eventType), eventInfo), decision);
    }

    @ParameterizedTest(name = "{0} older than the latest event is refused")
    @MethodSource("types")
    void anObservationOlderThanTheLatestEventIsRefused(ObservationType type) {
        OutOfOrderException refused = assertThrows(OutOfOrderException.class,
                () -> new PresenceEngine(GRACE).decide(openSince(100, "10.0.0.1"), seen(type, "10.0.0.1", 99)));
        assertEquals(at(100), refused.latest());
    }

    static Stream<ObservationType> types() {
        return Stream.of(ObservationType.values());
    }

    @Test
    void typesAreReadInAnyCaseAndOthersNameTheAcceptedOnes() {
        assertEquals(ObservationType.DEVICE_DOWN, ObservationType.parse("device down"));
        assertEquals(ObservationType.CONNECTED, ObservationType.parse("Connected"));
        var refused = assertThrows(IllegalArgumentException.class, () -> ObservationType.parse("New Device"));
        assertEquals("one of 'Connected', 'Disconnected', 'Device Down'", refused.getMessage());
    }

    @Test
    void effectsAreNamedAsInTheApi() {
        assertEquals("ip_changed", Effect.IP_CHANGED.json());
        assertEquals("missing_connection", Effect.MISSING_CONNECTION.json());
    }
}

package net.presence.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static net.presence.it.Api.ADMIN;
import static net.presence.it.Api.READ;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Plants the two orange kinds of session through the real API (docs/API.md §11), as a scanner makes them:
 * a missing connection is a {@code Disconnected} observation of a device never seen; a missing
 * disconnection is a {@code Connected} observation more than the stale limit ago (ten years on the
 * test server, checked every second: see arquillian.xml), which the stale-session timer then turns
 * orange.
 */
final class MissingEnds {

    /** How long the stale-session timer (ticking every second) may take to turn a session orange. */
    static final long STALE_WAIT_MILLIS = 20_000;

    private MissingEnds() {
    }

    /** A session known only by its disconnection at {@code at}; the device must have no session yet. */
    static void connection(Api api, String mac, String ip, Instant at) {
        observe(api, mac, ip, "Disconnected", at, "missing_connection");
    }

    /** A session known only by its connection at {@code at}, which must be more than ten years ago. */
    static void disconnection(Api api, String mac, String ip, Instant at) {
        connectedLongAgo(api, mac, ip, at);
        awaitStale(api, Map.of(mac, at));
    }

    /** The first half of {@link #disconnection}: the session opens, and goes stale within a second or two. */
    static void connectedLongAgo(Api api, String mac, String ip, Instant at) {
        observe(api, mac, ip, "Connected", at, "opened");
    }

    /** Waits, bounded, until each device's session opened at the given instant has lost its disconnection. */
    static void awaitStale(Api api, Map<String, Instant> openedAt) {
        long deadline = System.currentTimeMillis() + STALE_WAIT_MILLIS;
        List<String> waiting = new ArrayList<>(openedAt.keySet());
        while (true) {
            waiting.removeIf(mac -> isMissingDisconnection(api, mac, openedAt.get(mac)));
            if (waiting.isEmpty()) {
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                fail("Not turned into a missing disconnection within " + STALE_WAIT_MILLIS + " ms: " + waiting);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static boolean isMissingDisconnection(Api api, String mac, Instant connection) {
        Api.Reply reply = api.get("/sessions/list?mac=" + mac + "&tz=UTC", READ);
        assertEquals(200, reply.status(), reply.body());
        for (JsonValue value : reply.array("sessions")) {
            JsonObject row = value.asJsonObject();
            if (!row.isNull("ses_DateTimeConnection")
                    && OffsetDateTime.parse(row.getString("ses_DateTimeConnection")).toInstant().equals(connection)) {
                return !row.getBoolean("ses_StillConnected") && row.isNull("ses_DateTimeDisconnection")
                        && "<missing event>".equals(row.getString("ses_EventTypeDisconnection", null));
            }
        }
        fail("No session of " + mac + " opened at " + connection + ": " + reply.body());
        return false;
    }

    private static void observe(Api api, String mac, String ip, String type, Instant at, String effect) {
        Api.Reply reply = api.post("/sessions/events", ADMIN,
                "{\"mac\":\"" + mac + "\",\"ip\":\"" + ip + "\",\"event_type\":\"" + type + "\",\"time\":\"" + at + "\"}");
        assertEquals(200, reply.status(), type + " " + at + " -> " + reply.body());
        assertEquals(effect, reply.json().getString("effect"), type + " " + at + " -> " + reply.body());
    }
}

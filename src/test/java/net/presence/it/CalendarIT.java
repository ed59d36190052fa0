package net.presence.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static net.presence.it.Api.ADMIN;
import static net.presence.it.Api.READ;
import static net.presence.it.Api.randomMac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /sessions/calendar} over HTTP against the deployed WAR (docs/API.md §8). */
class CalendarIT extends DeployedWar {

    static final String BLUE = "#0073b7";
    static final String GREEN = "#00a659";
    static final String ORANGE = "#f39c12";

    /** Stores a session through the API; times are wall times in Berlin or carry an offset. */
    void create(String mac, String ip, String start, String end) {
        Api.Reply reply = api.post("/sessions/create", ADMIN, "{\"mac\":\"" + mac + "\",\"ip\":\"" + ip + "\",\"start_time\":\""
                + start + "\"" + (end == null ? "" : ",\"end_time\":\"" + end + "\"") + "}");
        assertEquals(200, reply.status(), reply.body());
    }

    /**
     * Plants a missing session (kind "connection" or "disconnection") at an instant, through the
     * presence engine as a scanner would (see {@link MissingEnds}): a missing connection only for a
     * device without sessions, a missing disconnection only more than ten years ago.
     */
    void missing(String kind, String mac, String ip, String instant) {
        if (kind.equals("connection")) {
            MissingEnds.connection(api, mac, ip, Instant.parse(instant));
        } else {
            MissingEnds.disconnection(api, mac, ip, Instant.parse(instant));
        }
    }

    JsonObject calendar(String query) {
        Api.Reply reply = api.get("/sessions/calendar?" + query, READ);
        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.json().getBoolean("success"));
        return reply.json();
    }

    static JsonObject event(String mac, String color, String start, String end, String tooltip) {
        return Json.createObjectBuilder().add("resourceId", mac).add("title", "").add("className", "no-border")
                .add("color", color).add("start", start).add("end", end).add("tooltip", tooltip).build();
    }

    /** The events of the given devices only: other tests' devices may share the window. */
    static List<JsonObject> of(JsonObject calendar, Set<String> macs) {
        return calendar.getJsonArray("sessions").stream().map(JsonValue::asJsonObject)
                .filter(event -> macs.contains(event.getString("resourceId"))).toList();
    }

    @Test
    void eachKindOfSessionIsOneExactEventOrderedByStart() {
        // in 2014, more than the test server's stale limit of ten years ago: the timer makes the missing disconnection
        String mac = randomMac();
        // known only by its end (13:00 Berlin): starts at the device's previous disconnection
        // (planted first: a Disconnected makes a missing connection only for a device without sessions)
        missing("connection", mac, "10.0.0.7", "2014-11-05T12:00:00Z");
        create(mac, "192.168.1.10", "2014-11-04T09:00", "2014-11-04T17:30");
        // known only by its start (08:00 Berlin): ends at the device's next connection
        // (which is created once this one has gone stale: while open it would overlap)
        missing("disconnection", mac, "10.0.0.8", "2014-11-06T07:00:00Z");
        create(mac, "192.168.1.11", "2014-11-06T18:00", "2014-11-06T19:00:59");

        JsonObject calendar = calendar("start=2014-11-04&end=2014-11-06&mac=" + mac.toLowerCase().replace(':', '-'));
        assertEquals(Set.of("success", "timezone", "sessions", "devices"), calendar.keySet());
        assertEquals(Json.createObjectBuilder().addNull(mac).build(), calendar.getJsonObject("devices"));
        assertEquals(Api.ZONE, calendar.getString("timezone"));
        assertEquals(List.of(
                event(mac, BLUE, "2014-11-04T09:00:00", "2014-11-04T17:30:00",
                        "Connection: 2014-11-04 09:00\nDisconnection: 2014-11-04 17:30\nIP: 192.168.1.10"),
                event(mac, ORANGE, "2014-11-04T17:30:00", "2014-11-05T13:00:00",
                        "Connection: <missing event>\nDisconnection: 2014-11-05 13:00\nIP: 10.0.0.7"),
                event(mac, ORANGE, "2014-11-06T08:00:00", "2014-11-06T18:00:00",
                        "Connection: 2014-11-06 08:00\nDisconnection: <missing event>\nIP: 10.0.0.8"),
                event(mac, BLUE, "2014-11-06T18:00:00", "2014-11-06T19:00:59",
                        "Connection: 2014-11-06 18:00\nDisconnection: 2014-11-06 19:00\nIP: 192.168.1.11")),
                calendar.getJsonArray("sessions"));
    }

    @Test
    void missingSessionsWithoutNeighboursLastAnHour() {
        String mac = randomMac();
        missing("connection", mac, "10.0.0.7", "2014-11-05T10:00:00Z");
        missing("disconnection", mac, "10.0.0.8", "2014-11-05T20:00:00Z");
        assertEquals(List.of(
                event(mac, ORANGE, "2014-11-05T10:00:00", "2014-11-05T11:00:00",
                        "Connection: <missing event>\nDisconnection: 2014-11-05 11:00\nIP: 10.0.0.7"),
                event(mac, ORANGE, "2014-11-05T21:00:00", "2014-11-05T22:00:00",
                        "Connection: 2014-11-05 21:00\nDisconnection: <missing event>\nIP: 10.0.0.8")),
                calendar("start=2014-11-05&end=2014-11-05&mac=" + mac).getJsonArray("sessions"));
    }

    @Test
    void anOpenSessionEndsNowAndStaysOutOfFutureWindows() {
        String mac = randomMac();
        ZoneId berlin = ZoneId.of(Api.ZONE);
        Instant start = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        create(mac, "10.9.8.7", start.toString(), null);
        LocalDate first = start.atZone(berlin).toLocalDate();
        LocalDate today = LocalDate.now(berlin);

        LocalDateTime before = LocalDateTime.now(berlin).truncatedTo(ChronoUnit.SECONDS);
        JsonArray events = calendar("start=" + first + "&end=" + today + "&mac=" + mac).getJsonArray("sessions");
        LocalDateTime after = LocalDateTime.now(berlin);
        assertEquals(1, events.size(), events.toString());
        JsonObject open = events.getJsonObject(0);
        String wallStart = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").format(start.atZone(berlin));
        String display = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").format(start.atZone(berlin));
        assertEquals(GREEN, open.getString("color"));
        assertEquals(wallStart, open.getString("start"));
        assertEquals("Connection: " + display + "\nDisconnection: <still connected>\nIP: 10.9.8.7", open.getString("tooltip"));
        LocalDateTime end = LocalDateTime.parse(open.getString("end"));
        assertFalse(end.isBefore(before) || end.isAfter(after), before + " <= " + end + " <= " + after);

        LocalDate tomorrow = today.plusDays(1);
        assertEquals(0, calendar("start=" + tomorrow + "&end=" + tomorrow + "&mac=" + mac).getJsonArray("sessions").size());
    }

    @Test
    void theWindowTakesWholeDaysEndIncludedAndDoesNotClipTimes() {
        String crossesStart = randomMac();
        String endsAtStart = randomMac();
        String lastMinute = randomMac();
        String startsAfterEnd = randomMac();
        String instantAtStart = randomMac();
        create(crossesStart, "10.0.1.1", "2024-12-09T23:00", "2024-12-10T01:00");
        create(endsAtStart, "10.0.1.2", "2024-12-09T22:00", "2024-12-10T00:00");
        create(lastMinute, "10.0.1.3", "2024-12-10T23:59", "2024-12-11T02:00");
        create(startsAfterEnd, "10.0.1.4", "2024-12-11T00:00", "2024-12-11T01:00");
        create(instantAtStart, "10.0.1.5", "2024-12-10T00:00", "2024-12-10T00:00");
        Set<String> mine = Set.of(crossesStart, endsAtStart, lastMinute, startsAfterEnd, instantAtStart);

        List<JsonObject> day = of(calendar("start=2024-12-10&end=2024-12-10"), mine);
        assertEquals(List.of(
                event(crossesStart, BLUE, "2024-12-09T23:00:00", "2024-12-10T01:00:00",
                        "Connection: 2024-12-09 23:00\nDisconnection: 2024-12-10 01:00\nIP: 10.0.1.1"),
                event(instantAtStart, BLUE, "2024-12-10T00:00:00", "2024-12-10T00:00:00",
                        "Connection: 2024-12-10 00:00\nDisconnection: 2024-12-10 00:00\nIP: 10.0.1.5"),
                event(lastMinute, BLUE, "2024-12-10T23:59:00", "2024-12-11T02:00:00",
                        "Connection: 2024-12-10 23:59\nDisconnection: 2024-12-11 02:00\nIP: 10.0.1.3")).stream()
                .sorted((a, b) -> a.getString("resourceId").compareTo(b.getString("resourceId"))).toList(), day);

        // exact date-times bound the window [start, end) instead of whole days
        List<JsonObject> exact = of(calendar("start=2024-12-10T00:30&end=2024-12-10T23:59"), mine);
        assertEquals(List.of(crossesStart), exact.stream().map(e -> e.getString("resourceId")).toList());
    }

    @Test
    void tzShowsTimesAndCutsDaysInAnotherZone() {
        String mac = randomMac();
        create(mac, "10.0.2.1", "2024-07-15T10:00", "2024-07-15T12:00");
        // 01:00 on the 16th in Berlin is still the 15th in UTC
        create(mac, "10.0.2.1", "2024-07-16T01:00", "2024-07-16T01:30");

        JsonObject utc = calendar("start=2024-07-15&end=2024-07-15&mac=" + mac + "&tz=utc");
        assertEquals("UTC", utc.getString("timezone"));
        assertEquals(List.of(
                event(mac, BLUE, "2024-07-15T08:00:00", "2024-07-15T10:00:00",
                        "Connection: 2024-07-15 08:00\nDisconnection: 2024-07-15 10:00\nIP: 10.0.2.1"),
                event(mac, BLUE, "2024-07-15T23:00:00", "2024-07-15T23:30:00",
                        "Connection: 2024-07-15 23:00\nDisconnection: 2024-07-15 23:30\nIP: 10.0.2.1")),
                utc.getJsonArray("sessions"));

        JsonObject berlin = calendar("start=2024-07-15&end=2024-07-15&mac=" + mac + "&tz=");
        assertEquals(Api.ZONE, berlin.getString("timezone"));
        assertEquals(List.of(event(mac, BLUE, "2024-07-15T10:00:00", "2024-07-15T12:00:00",
                "Connection: 2024-07-15 10:00\nDisconnection: 2024-07-15 12:00\nIP: 10.0.2.1")), berlin.getJsonArray("sessions"));

        JsonObject newYork = calendar("start=2024-07-15&end=2024-07-15&mac=" + mac + "&tz=America/New_York");
        assertEquals("America/New_York", newYork.getString("timezone"));
        assertEquals("2024-07-15T04:00:00", newYork.getJsonArray("sessions").getJsonObject(0).getString("start"));
        assertEquals("2024-07-15T19:00:00", newYork.getJsonArray("sessions").getJsonObject(1).getString("start"));
    }

    @Test
    void badRequestsAnswer400NamingTheProblem() {
        for (String query : List.of("", "end=2024-01-01", "start=2024-01-01", "start=&end=2024-01-01", "start=2024-01-01&end=")) {
            Api.Reply reply = api.get("/sessions/calendar?" + query, READ);
            assertEquals(400, reply.status(), query + " -> " + reply.body());
            assertEquals(Json.createObjectBuilder().add("success", false).add("error", "Bad Request")
                    .add("message", "Missing start or end date").build(), reply.json());
        }
        String[][] cases = {
                {"start=2024-01-02&end=2024-01-01", "'start'"},
                {"start=2024-02-30&end=2024-03-01", "'start'"},
                {"start=2024-01-01&end=tomorrow", "'end'"},
                {"start=2024-01-01&end=2024-01-01&mac=nope", "'mac'"},
                {"start=2024-01-01&end=2024-01-01&tz=Mars/Base", "'tz'"},
                {"start=2024-01-01&end=2025-02-04", "400 days"},
        };
        for (String[] c : cases) {
            Api.Reply reply = api.get("/sessions/calendar?" + c[0], READ);
            assertEquals(400, reply.status(), c[0] + " -> " + reply.body());
            assertEquals("Bad Request", reply.json().getString("error"));
            assertTrue(reply.json().getString("message").contains(c[1]), reply.body());
        }
        // 400 days, first and last included, is the most one window holds
        assertEquals(200, api.get("/sessions/calendar?start=2024-01-01&end=2025-02-03", READ).status());

        Api.Reply anonymous = api.get("/sessions/calendar?start=2024-01-01&end=2024-01-01", null);
        assertEquals(401, anonymous.status());
        assertEquals("Bearer realm=\"sessions\"", anonymous.header("WWW-Authenticate"));
        Api.Reply post = api.send("POST", "/sessions/calendar?start=2024-01-01&end=2024-01-01", ADMIN, null, null);
        assertEquals(405, post.status(), post.body());
        assertTrue(post.header("Allow").contains("GET"), post.header("Allow"));
    }
}

package net.presence.it;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static net.presence.it.Api.ADMIN;
import static net.presence.it.Api.READ;
import static net.presence.it.Api.randomMac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /sessions/{mac}/presence} on hand-built sessions whose figures are known exactly. */
class PresenceIT extends DeployedWar {

    static final ZoneId BERLIN = ZoneId.of(Api.ZONE);

    void create(String mac, String start, String end) {
        Api.Reply reply = api.post("/sessions/create", ADMIN, "{\"mac\":\"" + mac + "\",\"ip\":\"10.1.2.3\",\"start_time\":\""
                + start + "\"" + (end == null ? "" : ",\"end_time\":\"" + end + "\"") + "}");
        assertEquals(200, reply.status(), reply.body());
    }

    JsonObject presence(String mac, String query) {
        Api.Reply reply = api.get("/sessions/" + mac + "/presence?" + query, READ);
        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.json().getBoolean("success"));
        return reply.json();
    }

    /** A heatmap of zeros but for the given cells: "day,hour" (Monday 0) to its text. */
    static String heatmap(Map<String, String> cells) {
        StringBuilder text = new StringBuilder("[");
        for (int day = 0; day < 7; day++) {
            text.append(day == 0 ? "[" : ",[");
            for (int hour = 0; hour < 24; hour++) {
                text.append(hour == 0 ? "" : ",").append(cells.getOrDefault(day + "," + hour, "0.000"));
            }
            text.append(']');
        }
        return text.append(']').toString();
    }

    static void assertFigures(JsonObject answer, long connected, long window, String percent, int sessions,
            long longestSession, long longestAbsence, String firstSeen, String lastSeen) {
        assertEquals(connected, answer.getJsonNumber("connected_seconds").longValue(), answer::toString);
        assertEquals(window, answer.getJsonNumber("window_seconds").longValue(), answer::toString);
        assertEquals(new BigDecimal(percent), answer.getJsonNumber("uptime_percent").bigDecimalValue(), answer::toString);
        assertEquals(sessions, answer.getInt("sessions"), answer::toString);
        assertEquals(longestSession, answer.getJsonNumber("longest_session_seconds").longValue(), answer::toString);
        assertEquals(longestAbsence, answer.getJsonNumber("longest_absence_seconds").longValue(), answer::toString);
        assertEquals(firstSeen, answer.isNull("first_seen") ? null : answer.getString("first_seen"), answer::toString);
        assertEquals(lastSeen, answer.isNull("last_seen") ? null : answer.getString("last_seen"), answer::toString);
    }

    @Test
    void theSkippedSpringHourCountsNowhere() {
        String mac = randomMac();
        // 22:00 the evening before to 04:00 wall time: 00:00-04:00 of the 29th is three real hours
        create(mac, "2026-03-28T22:00", "2026-03-29T04:00");
        JsonObject day = presence(mac.toLowerCase(), "start=2026-03-29&end=2026-03-29");
        assertEquals(mac, day.getString("mac"));
        assertEquals(Api.ZONE, day.getString("timezone"));
        assertTrue(day.isNull("period"));
        assertEquals("2026-03-29T00:00:00+01:00", day.getString("start"));
        assertEquals("2026-03-30T00:00:00+02:00", day.getString("end"));
        // a 23-hour day; connected 3 of them; then away from 04:00 to midnight
        assertFigures(day, 3 * 3600, 23 * 3600, "13.0", 1, 3 * 3600, 20 * 3600,
                "2026-03-29T00:00:00+01:00", "2026-03-29T04:00:00+02:00");
        assertEquals(false, day.getBoolean("connected_now"));
        // Sunday: 00, 01 and 03 fully connected; 02 does not exist and has no time at all
        assertEquals(heatmap(Map.of("6,0", "1.000", "6,1", "1.000", "6,3", "1.000")), day.getJsonArray("heatmap").toString());
    }

    @Test
    void theRepeatedAutumnHourCountsTwice() {
        String across = randomMac();
        String secondTwoOClock = randomMac();
        create(across, "2026-10-25T01:30+02:00", "2026-10-25T03:30+01:00");
        create(secondTwoOClock, "2026-10-25T02:00+01:00", "2026-10-25T03:00+01:00");

        JsonObject a = presence(across, "start=2026-10-25&end=2026-10-25");
        assertEquals("2026-10-25T00:00:00+02:00", a.getString("start"));
        assertEquals("2026-10-26T00:00:00+01:00", a.getString("end"));
        // a 25-hour day; three real hours connected, 02:00-03:00 twice among them
        assertFigures(a, 3 * 3600, 25 * 3600, "12.0", 1, 3 * 3600, 20 * 3600 + 1800,
                "2026-10-25T01:30:00+02:00", "2026-10-25T03:30:00+01:00");
        assertEquals(heatmap(Map.of("6,1", "0.500", "6,2", "1.000", "6,3", "0.500")), a.getJsonArray("heatmap").toString());

        // only the second 02:00 hour: half of that wall hour's two hours
        JsonObject b = presence(secondTwoOClock, "start=2026-10-25&end=2026-10-25");
        assertFigures(b, 3600, 25 * 3600, "4.0", 1, 3600, 21 * 3600,
                "2026-10-25T02:00:00+01:00", "2026-10-25T03:00:00+01:00");
        assertEquals(heatmap(Map.of("6,2", "0.500")), b.getJsonArray("heatmap").toString());
    }

    @Test
    void aDeviceHomeEveryEveningFillsTheEveningHours() {
        String mac = randomMac();
        for (int day = 2; day <= 8; day++) { // Monday 2 June 2025 to Sunday 8 June
            create(mac, "2025-06-0" + day + "T18:00", "2025-06-0" + day + "T22:00");
        }
        Map<String, String> evenings = new java.util.HashMap<>();
        Map<String, String> halfEvenings = new java.util.HashMap<>();
        for (int day = 0; day < 7; day++) {
            for (int hour = 18; hour < 22; hour++) {
                evenings.put(day + "," + hour, "1.000");
                halfEvenings.put(day + "," + hour, "0.500");
            }
        }
        JsonObject week = presence(mac, "start=2025-06-02&end=2025-06-08&tz=Europe/Berlin");
        assertFigures(week, 7 * 4 * 3600, 7 * 86400, "16.7", 7, 4 * 3600, 20 * 3600,
                "2025-06-02T18:00:00+02:00", "2025-06-08T22:00:00+02:00");
        assertEquals(heatmap(evenings), week.getJsonArray("heatmap").toString());

        // two weeks, home only in the first: every evening hour was connected half of its time
        JsonObject fortnight = presence(mac, "start=2025-06-02&end=2025-06-15");
        assertFigures(fortnight, 7 * 4 * 3600, 14 * 86400, "8.3", 7, 4 * 3600, 7 * 86400 + 2 * 3600,
                "2025-06-02T18:00:00+02:00", "2025-06-08T22:00:00+02:00");
        assertEquals(heatmap(halfEvenings), fortnight.getJsonArray("heatmap").toString());

        // in UTC the same evenings are 16:00 to 20:00
        JsonObject utc = presence(mac, "start=2025-06-02T16:00Z&end=2025-06-09T16:00Z&tz=UTC");
        assertEquals("UTC", utc.getString("timezone"));
        Map<String, String> utcEvenings = new java.util.HashMap<>();
        evenings.keySet().forEach(cell -> {
            String[] parts = cell.split(",");
            utcEvenings.put(parts[0] + "," + (Integer.parseInt(parts[1]) - 2), "1.000");
        });
        assertEquals(heatmap(utcEvenings), utc.getJsonArray("heatmap").toString());
    }

    @Test
    void anOpenSessionCountsUntilNow() {
        String mac = randomMac();
        Instant start = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        create(mac, start.toString(), null);
        Instant before = Instant.now();
        JsonObject day = presence(mac, "period=1%20DAY");
        Instant after = Instant.now();
        assertEquals("1 day", day.getString("period"));
        assertTrue(day.getBoolean("connected_now"));
        long connected = day.getJsonNumber("connected_seconds").longValue();
        long lower = before.getEpochSecond() - start.getEpochSecond() - 1;
        long upper = after.getEpochSecond() - start.getEpochSecond() + 1;
        assertTrue(connected >= lower && connected <= upper, lower + " <= " + connected + " <= " + upper);
        assertEquals(1, day.getInt("sessions"));
        assertEquals(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx").format(start.atZone(BERLIN)), day.getString("first_seen"));
        assertEquals(day.getString("end"), day.getString("last_seen"), "connected until the window's end, now");
        // whole seconds, each rounded down: the absence before the session may come out a second short
        long absence = day.getJsonNumber("longest_absence_seconds").longValue();
        long rest = day.getJsonNumber("window_seconds").longValue() - connected;
        assertTrue(absence == rest || absence == rest - 1, absence + " ~ " + rest);
    }

    @Test
    void aMissingDisconnectionCountsWithTheCalendarsStandInHour() {
        String mac = randomMac();
        MissingEnds.disconnection(api, mac, "10.0.0.9", Instant.parse("2013-03-11T09:00:00Z"));
        JsonObject day = presence(mac, "start=2013-03-11&end=2013-03-11");
        assertFigures(day, 3600, 86400, "4.2", 1, 3600, 13 * 3600,
                "2013-03-11T10:00:00+01:00", "2013-03-11T11:00:00+01:00");
        assertEquals(false, day.getBoolean("connected_now"));
        assertEquals(heatmap(Map.of("0,10", "1.000")), day.getJsonArray("heatmap").toString());
    }

    @Test
    void anUnknownDeviceAnswersZerosAndNulls() {
        String mac = randomMac();
        Instant before = Instant.now();
        JsonObject month = presence(mac, "period=30%20days");
        assertEquals("30 days", month.getString("period"));
        ZonedDateTime now = before.atZone(BERLIN);
        long window = ChronoUnit.SECONDS.between(now.minusDays(30), now);
        long answered = month.getJsonNumber("window_seconds").longValue();
        assertTrue(Math.abs(answered - window) <= 1, window + " ~ " + answered);
        assertFigures(month, 0, answered, "0.0", 0, 0, 0, null, null);
        assertEquals(false, month.getBoolean("connected_now"));
        assertEquals(heatmap(Map.of()), month.getJsonArray("heatmap").toString());
    }

    @Test
    void badRequestsAnswer400NamingTheProblem() {
        String mac = randomMac();
        Map<String, String> cases = Map.of(
                "period=1%20fortnight", "Parameter 'period' is invalid",
                "start=2025-06-02", "Missing start or end date",
                "period=7%20days&start=2025-06-02&end=2025-06-03", "Give either 'period' or 'start' and 'end', not both",
                "start=2025-06-03&end=2025-06-02", "Parameter 'start' (2025-06-03) is after 'end' (2025-06-02)");
        cases.forEach((query, message) -> {
            Api.Reply reply = api.get("/sessions/" + mac + "/presence?" + query, READ);
            assertEquals(400, reply.status(), query + " -> " + reply.body());
            assertEquals(false, reply.json().getBoolean("success"));
            assertTrue(reply.json().getString("message").startsWith(message), query + " -> " + reply.body());
        });
        Api.Reply badMac = api.get("/sessions/zz/presence", READ);
        assertEquals(400, badMac.status(), badMac.body());
        assertTrue(badMac.json().getString("message").startsWith("Parameter 'mac' is invalid"), badMac.body());
        assertEquals(401, api.get("/sessions/" + mac + "/presence", null).status());
    }
}

package net.presence.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static net.presence.it.Api.ADMIN;
import static net.presence.it.Api.READ;
import static net.presence.it.Api.randomMac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Device history, session-events and totals over periods (docs/API.md §3 periods, §9). */
class SummariesIT extends DeployedWar {

    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").withZone(ZoneId.of(Api.ZONE));

    static Instant ago(long amount, ChronoUnit unit) {
        return Instant.now().minus(amount, unit).truncatedTo(ChronoUnit.SECONDS);
    }

    void create(String mac, String ip, Instant start, Instant end, String connType, String discType) {
        String body = "{\"mac\":\"" + mac + "\",\"ip\":\"" + ip + "\",\"start_time\":\"" + start + "\""
                + (end == null ? "" : ",\"end_time\":\"" + end + "\"")
                + (connType == null ? "" : ",\"event_type_conn\":\"" + connType + "\"")
                + (discType == null ? "" : ",\"event_type_disc\":\"" + discType + "\"") + ",\"info\":\"it\"}";
        Api.Reply reply = api.post("/sessions/create", ADMIN, body);
        assertEquals(200, reply.status(), reply.body());
    }

    JsonObject ok(String path) {
        Api.Reply reply = api.get(path, READ);
        assertEquals(200, reply.status(), path + " -> " + reply.body());
        return reply.json();
    }

    @Test
    void deviceHistoryFollowsThePeriod() {
        String mac = randomMac();
        Instant threeDaysAgo = ago(3, ChronoUnit.DAYS);
        create(mac, "10.0.0.1", threeDaysAgo, threeDaysAgo.plus(1, ChronoUnit.HOURS), null, null);
        Instant hourAgo = ago(1, ChronoUnit.HOURS);
        create(mac, "10.0.0.2", hourAgo, null, null, null);

        JsonObject day = ok("/sessions/" + mac.toLowerCase().replace(':', '-'));
        assertEquals(Api.ZONE, day.getString("timezone"));
        assertEquals(1, day.getJsonArray("sessions").size(), day.toString());
        JsonObject open = day.getJsonArray("sessions").getJsonObject(0);
        assertEquals(DISPLAY.format(hourAgo), open.getString("ses_Connection"));
        assertTrue(open.getBoolean("ses_StillConnected"));
        assertEquals("1h 0m", open.getString("ses_Duration"));

        for (String week : List.of("7%20days", "7+days", "1+WEEK", "7%20Days")) {
            JsonArray rows = ok("/sessions/" + mac + "?period=" + week).getJsonArray("sessions");
            assertEquals(2, rows.size(), week);
            assertEquals(DISPLAY.format(hourAgo), rows.getJsonObject(0).getString("ses_Connection"));
            assertEquals(DISPLAY.format(threeDaysAgo), rows.getJsonObject(1).getString("ses_Connection"));
            assertEquals("10.0.0.1", rows.getJsonObject(1).getString("ses_IP"));
        }
        assertEquals(1, ok("/sessions/" + mac + "?period=2%20days").getJsonArray("sessions").size());
        assertEquals(2, ok("/sessions/" + mac + "?period=1%20month&tz=UTC").getJsonArray("sessions").size());
        assertEquals("UTC", ok("/sessions/" + mac + "?period=1%20month&tz=UTC").getString("timezone"));

        assertEquals(0, ok("/sessions/" + randomMac()).getJsonArray("sessions").size());
    }

    @Test
    void badPeriodsMacsAndTypesAreErrors() {
        for (String bad : List.of("/sessions/AA:BB?period=1%20day", "/sessions/" + randomMac() + "?period=",
                "/sessions/" + randomMac() + "?period=1%20fortnight", "/sessions/" + randomMac() + "?period=0%20days",
                "/sessions/" + randomMac() + "?period=days", "/sessions/session-events?type=everything",
                "/sessions/session-events?type=", "/sessions/session-events?period=yesterday",
                "/sessions/session-events?limit=0", "/sessions/totals?period=", "/sessions/totals?period=-1%20day",
                "/sessions/totals?tz=Nowhere/Land")) {
            Api.Reply reply = api.get(bad, READ);
            assertEquals(400, reply.status(), bad + " -> " + reply.body());
            assertEquals("Bad Request", reply.json().getString("error"));
        }
        String typeMessage = api.get("/sessions/session-events?type=everything", READ).json().getString("message");
        assertTrue(typeMessage.contains("all, sessions, missing, voided, new, down"), typeMessage);
        String periodMessage = api.get("/sessions/totals?period=soon", READ).json().getString("message");
        assertTrue(periodMessage.contains("'period'") && periodMessage.contains("<N> <unit>"), periodMessage);
        assertEquals(405, api.post("/sessions/" + randomMac(), ADMIN, "{}").status());
    }

    @Test
    void sessionEventsListEachTypeAndTotalsCountExactlyWhatWasCreated() {
        JsonObject before = ok("/sessions/totals?period=7%20days").getJsonObject("totals");
        String mac = randomMac();
        Instant twoDaysAgo = ago(2, ChronoUnit.DAYS);
        create(mac, "10.0.0.7", twoDaysAgo, twoDaysAgo.plus(30, ChronoUnit.MINUTES), "New Device", "Device Down");
        Instant dayAgo = ago(1, ChronoUnit.DAYS);
        create(mac, "10.0.0.7", dayAgo, dayAgo.plus(5, ChronoUnit.MINUTES), "VOIDED - Connected", "VOIDED - Disconnected");
        Instant old = ago(30, ChronoUnit.DAYS);
        create(mac, "10.0.0.7", old, old.plus(5, ChronoUnit.MINUTES), "New Device", "Device Down");

        JsonObject after = ok("/sessions/totals?period=7%20DAYS").getJsonObject("totals");
        assertEquals(4, after.getInt("all") - before.getInt("all"), after.toString());
        assertEquals(2, after.getInt("sessions") - before.getInt("sessions"));
        assertEquals(0, after.getInt("missing") - before.getInt("missing"));
        assertEquals(2, after.getInt("voided") - before.getInt("voided"));
        assertEquals(1, after.getInt("new") - before.getInt("new"));
        assertEquals(1, after.getInt("down") - before.getInt("down"));
        JsonObject totals = ok("/sessions/totals?period=7%20days");
        assertEquals("7 days", totals.getString("period"));
        assertEquals(Api.ZONE, totals.getString("timezone"));

        JsonObject news = ok("/sessions/session-events?type=NEW&period=7%20days");
        assertEquals("new", news.getString("type"));
        assertEquals("7 days", news.getString("period"));
        JsonObject newest = find(news.getJsonArray("data"), mac);
        assertEquals("New Device", newest.getString("eve_EventType"));
        assertEquals("10.0.0.7", newest.getString("eve_IP"));
        assertEquals(DISPLAY.format(twoDaysAgo), newest.getString("eve_Time"));
        assertEquals(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx").withZone(ZoneId.of(Api.ZONE)).format(twoDaysAgo),
                newest.getString("eve_DateTime"));
        assertEquals("it", newest.getString("eve_AdditionalInfo"));

        assertEquals("Device Down", find(ok("/sessions/session-events?type=down").getJsonArray("data"), mac).getString("eve_EventType"));
        JsonArray voided = ok("/sessions/session-events?type=voided&period=7%20days").getJsonArray("data");
        Set<String> voidedTypes = new HashSet<>();
        voided.forEach(v -> {
            if (v.asJsonObject().getString("eve_MAC").equals(mac)) {
                voidedTypes.add(v.asJsonObject().getString("eve_EventType"));
            }
        });
        assertEquals(Set.of("VOIDED - Connected", "VOIDED - Disconnected"), voidedTypes);

        JsonObject sessions = ok("/sessions/session-events?type=Sessions&period=7%20days");
        assertEquals("sessions", sessions.getString("type"));
        assertEquals("10.0.0.7", find(sessions.getJsonArray("data"), mac, "ses_MAC").getString("ses_IP"));
        // the whole year, however much other tests stored in it: not only the first page of 1,000
        assertEquals(6, ok("/sessions/session-events?type=all&period=1%20year&limit=10000").getJsonArray("data").stream()
                .filter(e -> e.asJsonObject().getString("eve_MAC").equals(mac)).count());
        assertEquals(4, ok("/sessions/session-events?type=all&period=7%20days").getJsonArray("data").stream()
                .filter(e -> e.asJsonObject().getString("eve_MAC").equals(mac)).count());
    }

    @Test
    void anOpenSessionIsAListedSessionAndNotMissing() {
        String mac = randomMac();
        create(mac, "10.9.9.9", ago(10, ChronoUnit.MINUTES), null, null, null);
        JsonObject row = find(ok("/sessions/session-events?type=sessions&period=1%20hour").getJsonArray("data"), mac, "ses_MAC");
        assertTrue(row.getBoolean("ses_StillConnected"));
        assertTrue(ok("/sessions/session-events?type=missing&period=1%20hour").getJsonArray("data").stream()
                .noneMatch(r -> r.asJsonObject().getString("ses_MAC").equals(mac)));
    }

    @Test
    void pagesAreDisjointAndTheirUnionIsTheWhole() {
        String mac = randomMac();
        for (int i = 0; i < 7; i++) {
            Instant start = ago(6 * 60 - i * 30L, ChronoUnit.MINUTES);
            create(mac, "10.0.0." + (i + 1), start, start.plus(10, ChronoUnit.MINUTES), null, null);
        }
        JsonObject whole = ok("/sessions/session-events?type=all&period=1%20day&limit=10000");
        int total = whole.getInt("total");
        assertEquals(total, whole.getJsonArray("data").size());
        // pages in order, one after another, are the whole listing: compared as lists, since two
        // different events can look alike to the second (a device that flapped within one second)
        List<String> paged = new ArrayList<>();
        int pages = 0;
        for (int offset = 0; offset < total; offset += 3) {
            JsonObject page = ok("/sessions/session-events?type=all&period=1%20day&limit=3&offset=" + offset);
            assertEquals(total, page.getInt("total"));
            page.getJsonArray("data").forEach(row -> paged.add(row.toString()));
            pages++;
        }
        assertTrue(pages >= 5);
        assertEquals(whole.getJsonArray("data").stream().map(Object::toString).toList(), paged);
        // newest first
        List<String> times = whole.getJsonArray("data").stream().map(r -> r.asJsonObject().getString("eve_DateTime")).toList();
        for (int i = 1; i < times.size(); i++) {
            assertTrue(Instant.parse(toUtc(times.get(i - 1))).compareTo(Instant.parse(toUtc(times.get(i)))) >= 0, times.toString());
        }
    }

    @Test
    void sessionPagesGoFromThoseStartingInTheWindowToThoseReachingIntoIt() {
        // two sessions began before the day and reach into it (one open, one closed in it): newest
        // first, they come after every session that starts in the day, the later-begun one first
        String early = randomMac();
        String late = randomMac();
        create(early, "10.1.0.1", ago(30, ChronoUnit.HOURS), null, null, null);
        create(late, "10.1.0.2", ago(26, ChronoUnit.HOURS), ago(20, ChronoUnit.HOURS), null, null);
        for (int i = 0; i < 5; i++) {
            Instant start = ago(5 * 60 - i * 40L, ChronoUnit.MINUTES);
            create(late, "10.1.1." + (i + 1), start, start.plus(10, ChronoUnit.MINUTES), null, null);
        }
        JsonObject whole = ok("/sessions/session-events?type=sessions&period=1%20day&limit=10000");
        int total = whole.getInt("total");
        List<String> all = sessionKeys(whole.getJsonArray("data"));
        assertEquals(total, all.size());
        List<String> paged = new java.util.ArrayList<>();
        for (int offset = 0; offset < total; offset += 2) {
            JsonObject page = ok("/sessions/session-events?type=sessions&period=1%20day&limit=2&offset=" + offset);
            assertEquals(total, page.getInt("total"));
            paged.addAll(sessionKeys(page.getJsonArray("data")));
        }
        assertEquals(all, paged, "the pages, one after another, are the whole listing in its order");
        JsonObject past = ok("/sessions/session-events?type=sessions&period=1%20day&limit=2&offset=" + total);
        assertEquals(0, past.getJsonArray("data").size());
        assertEquals(total, past.getInt("total"));

        List<String> ours = all.stream().filter(key -> key.startsWith(early) || key.startsWith(late)).toList();
        assertEquals(7, ours.size(), ours.toString());
        for (int i = 0; i < 5; i++) {
            assertEquals(late + " 10.1.1." + (5 - i), ours.get(i).substring(0, ours.get(i).lastIndexOf(' ')), ours.toString());
        }
        assertEquals(late + " 10.1.0.2", ours.get(5).substring(0, ours.get(5).lastIndexOf(' ')));
        assertEquals(early + " 10.1.0.1", ours.get(6).substring(0, ours.get(6).lastIndexOf(' ')));
        // every row of the first kind sits before every row of the second, whoever stored them
        Instant dayAgo = Instant.now().minus(1, ChronoUnit.DAYS);
        List<Boolean> startsInDay = all.stream()
                .map(key -> Instant.parse(toUtc(key.substring(key.lastIndexOf(' ') + 1))).isAfter(dayAgo.plusSeconds(60))).toList();
        assertTrue(startsInDay.indexOf(false) < 0 || !startsInDay.subList(startsInDay.indexOf(false), startsInDay.size()).contains(true),
                all.toString());
        assertEquals(total, ok("/sessions/totals?period=1%20day").getJsonObject("totals").getInt("sessions"));
    }

    @Test
    void totalsAgreeWithTheTotalOfEveryListing() {
        // a missing connection (seen leaving, never arriving), beside a created session with a flap's types
        String mac = randomMac();
        Api.Reply seen = api.post("/sessions/events", ADMIN, "{\"mac\":\"" + mac + "\",\"ip\":\"10.2.0.1\",\"event_type\":\"Disconnected\"}");
        assertEquals(200, seen.status(), seen.body());
        assertEquals("missing_connection", seen.json().getString("effect"));
        Instant start = ago(3, ChronoUnit.HOURS);
        create(randomMac(), "10.2.0.2", start, start.plus(1, ChronoUnit.HOURS), "VOIDED - Connected", "Device Down");
        for (String period : List.of("1%20day", "7%20days", "1%20year")) {
            JsonObject totals = ok("/sessions/totals?period=" + period).getJsonObject("totals");
            assertTrue(totals.getInt("missing") >= 1 && totals.getInt("voided") >= 1 && totals.getInt("down") >= 1, totals.toString());
            for (String type : List.of("all", "sessions", "missing", "voided", "new", "down")) {
                // a page of one: the total is counted, not taken from a short first page
                assertEquals(totals.getInt(type), ok("/sessions/session-events?type=" + type + "&period=" + period + "&limit=1").getInt("total"),
                        type + " over " + period + ": " + totals);
            }
        }
    }

    /** What tells a listed session apart however long it has been open: MAC, IP and first instant. */
    private static List<String> sessionKeys(JsonArray rows) {
        return rows.stream().map(r -> r.asJsonObject())
                .map(r -> r.getString("ses_MAC") + " " + r.getString("ses_IP") + " "
                        + (r.isNull("ses_DateTimeConnection") ? r.getString("ses_DateTimeDisconnection") : r.getString("ses_DateTimeConnection")))
                .toList();
    }

    private static String toUtc(String iso) {
        return java.time.OffsetDateTime.parse(iso).toInstant().toString();
    }

    private static JsonObject find(JsonArray rows, String mac) {
        return find(rows, mac, "eve_MAC");
    }

    private static JsonObject find(JsonArray rows, String mac, String field) {
        return rows.stream().map(r -> r.asJsonObject()).filter(r -> r.getString(field).equals(mac)).findFirst()
                .orElseThrow(() -> new AssertionError(mac + " not in " + rows));
    }
}

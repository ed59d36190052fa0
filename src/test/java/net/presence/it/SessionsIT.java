package net.presence.it;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

import static net.presence.it.Api.ADMIN;
import static net.presence.it.Api.READ;
import static net.presence.it.Api.randomMac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Create, delete and list over HTTP against the deployed WAR (docs/API.md §1, §3, §5–§7). */
class SessionsIT extends DeployedWar {

    static String create(String mac, String ip, String start, String end) {
        return "{\"mac\":\"" + mac + "\",\"ip\":\"" + ip + "\",\"start_time\":\"" + start + "\""
                + (end == null ? "" : ",\"end_time\":\"" + end + "\"") + "}";
    }

    JsonObject list(String query) {
        Api.Reply reply = api.get("/sessions/list?" + query, READ);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    @Test
    void theSeedsExampleGivesTheSeedsOutput() {
        String mac = randomMac();
        Api.Reply created = api.post("/sessions/create", ADMIN, "{\"mac\": \"" + mac.toLowerCase().replace(':', '-')
                + "\", \"ip\": \"192.168.1.10\", \"start_time\": \"2025-08-01T10:00:00\", \"end_time\": \"2025-08-01T12:00:00\","
                + " \"event_type_conn\": \"Connected\", \"event_type_disc\": \"Disconnected\"}");
        assertEquals(200, created.status(), created.body());
        assertEquals("Session created for MAC " + mac, created.json().getString("message"));
        assertTrue(created.json().getBoolean("success"));

        JsonObject listed = list("mac=" + mac + "&start_date=2025-08-01&end_date=2025-08-21");
        assertEquals(Api.ZONE, listed.getString("timezone"));
        assertEquals(1, listed.getInt("total"));
        JsonObject row = listed.getJsonArray("sessions").getJsonObject(0);
        assertEquals(mac, row.getString("ses_MAC"));
        assertEquals("2025-08-01 10:00", row.getString("ses_Connection"));
        assertEquals("2025-08-01 12:00", row.getString("ses_Disconnection"));
        assertEquals("2h 0m", row.getString("ses_Duration"));
        assertEquals("192.168.1.10", row.getString("ses_IP"));
        assertEquals("", row.getString("ses_Info"));
        assertEquals("2025-08-01T10:00:00+02:00", row.getString("ses_DateTimeConnection"));
        assertEquals("2025-08-01T12:00:00+02:00", row.getString("ses_DateTimeDisconnection"));
        assertEquals("Connected", row.getString("ses_EventTypeConnection"));
        assertEquals("Disconnected", row.getString("ses_EventTypeDisconnection"));
        assertFalse(row.getBoolean("ses_StillConnected"));
        assertEquals(7200, row.getInt("ses_DurationSeconds"));
        assertEquals(row, created.json().getJsonObject("session"));
    }

    @Test
    void anOpenSessionRunsToNowAndAcceptsOffsetsAndIpv6() {
        String mac = randomMac();
        Instant start = Instant.now().minus(90, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        Api.Reply created = api.post("/sessions/create", ADMIN, "{\"mac\":\"" + mac.replace(":", "")
                + "\",\"ip\":\"2001:DB8:0:0:0:0:0:1\",\"start_time\":\"" + start + "\",\"info\":\"laptop\","
                + "\"event_type_disc\":\"ignored without end\"}");
        assertEquals(200, created.status(), created.body());
        JsonObject row = created.json().getJsonObject("session");
        assertEquals("2001:db8::1", row.getString("ses_IP"));
        assertEquals("laptop", row.getString("ses_Info"));
        assertTrue(row.getBoolean("ses_StillConnected"));
        assertTrue(row.isNull("ses_Disconnection"));
        assertTrue(row.isNull("ses_EventTypeDisconnection"));
        assertEquals("1h 30m", row.getString("ses_Duration"));
        assertEquals(5400, row.getInt("ses_DurationSeconds"));
        assertEquals(DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").format(start.atZone(ZoneId.of(Api.ZONE))),
                row.getString("ses_Connection"));

        // listed today, in another zone on request
        JsonObject utc = list("mac=" + mac + "&tz=UTC");
        assertEquals("UTC", utc.getString("timezone"));
        assertEquals(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'+00:00'").format(start.atZone(ZoneId.of("UTC"))),
                utc.getJsonArray("sessions").getJsonObject(0).getString("ses_DateTimeConnection"));
    }

    @Test
    void durationsOverADayShowDays() {
        String mac = randomMac();
        Api.Reply created = api.post("/sessions/create", ADMIN,
                create(mac, "10.0.0.1", "2025-03-01 08:00", "2025-03-02T10:03:59"));
        assertEquals("1d 2h 3m", created.json().getJsonObject("session").getString("ses_Duration"), created.body());
        assertEquals((26 * 60 + 3) * 60, created.json().getJsonObject("session").getInt("ses_DurationSeconds"));
    }

    @Test
    void overlappingSessionsOfOneDeviceAreRefusedWithTheExistingTimes() {
        String mac = randomMac();
        assertEquals(200, api.post("/sessions/create", ADMIN, create(mac, "10.0.0.1", "2025-05-01T10:00", "2025-05-01T12:00")).status());
        Api.Reply overlap = api.post("/sessions/create", ADMIN, create(mac, "10.0.0.1", "2025-05-01T11:00", "2025-05-01T13:00"));
        assertEquals(409, overlap.status(), overlap.body());
        assertEquals("Conflict", overlap.json().getString("error"));
        assertTrue(overlap.json().getString("message").contains("2025-05-01 10:00"), overlap.body());
        assertTrue(overlap.json().getString("message").contains("2025-05-01 12:00"), overlap.body());
        // half-open: one may start the instant the other ends; zero length is allowed
        assertEquals(200, api.post("/sessions/create", ADMIN, create(mac, "10.0.0.1", "2025-05-01T12:00", "2025-05-01T12:00")).status());
        assertEquals(409, api.post("/sessions/create", ADMIN, create(mac, "10.0.0.1", "2025-05-01T12:00", "2025-05-01T12:00")).status());
        assertEquals(200, api.post("/sessions/create", ADMIN, create(mac, "10.0.0.1", "2025-05-01T12:00", "2025-05-01T13:00")).status());
        // an open session overlaps everything after its start
        assertEquals(200, api.post("/sessions/create", ADMIN, create(mac, "10.0.0.1", "2025-06-01T00:00", null)).status());
        Api.Reply second = api.post("/sessions/create", ADMIN, create(mac, "10.0.0.2", "2025-07-01T00:00", null));
        assertEquals(409, second.status());
        assertTrue(second.json().getString("message").contains("already has an open session"), second.body());
        assertEquals(409, api.post("/sessions/create", ADMIN, create(mac, "10.0.0.1", "2025-08-01T00:00", "2025-08-01T01:00")).status());
        assertEquals(4, list("mac=" + mac).getInt("total"));
    }

    @Test
    void tenConcurrentCreatesOfTheSameOpenSessionStoreExactlyOne() throws Exception {
        String mac = randomMac();
        String body = create(mac, "10.1.1.1", "2025-09-01T08:00", null);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                calls.add(() -> api.post("/sessions/create", ADMIN, body).status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(9, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, list("mac=" + mac).getInt("total"));
    }

    @Test
    void badBodiesAreRefusedAndChangeNothing() {
        String mac = randomMac();
        String future = Instant.now().plus(10, ChronoUnit.MINUTES).toString();
        Object[][] cases = {
                {"{\"mac\":\"" + mac + "\"", 400, null},
                {"[1,2]", 422, null},
                {"{\"ip\":\"10.0.0.1\",\"start_time\":\"2025-01-01T00:00\"}", 422, "mac"},
                {create("AA:BB:CC:DD:EE", "10.0.0.1", "2025-01-01T00:00", null), 422, "mac"},
                {create("AA:BB-CC:DD:EE:FF", "10.0.0.1", "2025-01-01T00:00", null), 422, "mac"},
                {create(mac, "1.2.3", "2025-01-01T00:00", null), 422, "ip"},
                {create(mac, "256.1.1.1", "2025-01-01T00:00", null), 422, "ip"},
                {create(mac, "example.com", "2025-01-01T00:00", null), 422, "ip"},
                {create(mac, "10.0.0.1", "2025-02-30T00:00", null), 422, "start_time"},
                {create(mac, "10.0.0.1", "01/02/2025 10:00", null), 422, "start_time"},
                {create(mac, "10.0.0.1", future, null), 422, "start_time"},
                {create(mac, "10.0.0.1", "2025-01-01T10:00", "2025-01-01T09:59"), 422, "end_time"},
                {create(mac, "10.0.0.1", "2025-01-01T10:00", future), 422, "end_time"},
                {"{\"mac\":\"" + mac + "\",\"ip\":10,\"start_time\":\"2025-01-01T00:00\"}", 422, "ip"},
                {"{\"mac\":\"" + mac + "\",\"ip\":\"10.0.0.1\",\"start_time\":\"2025-01-01T00:00\",\"event_type_conn\":\"\"}", 422, "event_type_conn"},
                {"{\"mac\":\"" + mac + "\",\"ip\":\"10.0.0.1\",\"start_time\":\"2025-01-01T00:00\",\"info\":\"" + "x".repeat(251) + "\"}", 422, "info"},
        };
        for (Object[] c : cases) {
            Api.Reply reply = api.post("/sessions/create", ADMIN, (String) c[0]);
            assertEquals(c[1], reply.status(), c[0] + " -> " + reply.body());
            assertFalse(reply.json().getBoolean("success"));
            assertEquals(reply.status() == 400 ? "Bad Request" : "Unprocessable Entity", reply.json().getString("error"));
            if (c[2] != null) {
                assertTrue(reply.json().getString("message").contains("'" + c[2] + "'"), reply.body());
                assertEquals(c[2], reply.json().getJsonArray("details").getJsonObject(0).getString("field"));
            }
        }
        assertEquals(0, list("mac=" + mac).getInt("total"));
    }

    @Test
    void infoCountsCodePoints() {
        String mac = randomMac();
        String emoji = "\uD83D\uDE00".repeat(250);
        Api.Reply reply = api.post("/sessions/create", ADMIN, "{\"mac\":\"" + mac
                + "\",\"ip\":\"10.0.0.1\",\"start_time\":\"2025-01-01T00:00\",\"end_time\":\"2025-01-01T01:00\",\"info\":\"" + emoji + "\"}");
        assertEquals(200, reply.status(), reply.body());
        assertEquals(emoji, reply.json().getJsonObject("session").getString("ses_Info"));
    }

    @Test
    void wrongMediaTypeAndOversizedBodiesAreRefused() {
        Api.Reply text = api.send("POST", "/sessions/create", ADMIN, "text/plain", "mac=x");
        assertEquals(415, text.status());
        assertEquals("Unsupported Media Type", text.json().getString("error"));
        String big = "{\"mac\":\"" + randomMac() + "\",\"info\":\"" + "x".repeat(70_000) + "\"}";
        Api.Reply large = api.post("/sessions/create", ADMIN, big);
        assertEquals(413, large.status());
        assertEquals("Payload Too Large", large.json().getString("error"));
    }

    @Test
    void deleteRemovesEveryDeviceSessionInAnySpelling() {
        String mac = randomMac();
        api.post("/sessions/create", ADMIN, create(mac, "10.0.0.1", "2025-01-01T10:00", "2025-01-01T11:00"));
        api.post("/sessions/create", ADMIN, create(mac, "10.0.0.1", "2025-01-02T10:00", null));
        Api.Reply deleted = api.delete("/sessions/delete", ADMIN, "{\"mac\":\"" + mac.toLowerCase().replace(':', '-') + "\"}");
        assertEquals(200, deleted.status(), deleted.body());
        assertEquals("Deleted sessions for MAC " + mac, deleted.json().getString("message"));
        assertEquals(2, deleted.json().getInt("deleted"));
        assertEquals(0, list("mac=" + mac).getInt("total"));

        Api.Reply unknown = api.delete("/sessions/delete?mac=" + randomMac().replace(":", ""), ADMIN, null);
        assertEquals(200, unknown.status(), unknown.body());
        assertEquals(0, unknown.json().getInt("deleted"));

        assertEquals(422, api.delete("/sessions/delete", ADMIN, "{\"mac\":\"nope\"}").status());
        assertEquals(422, api.delete("/sessions/delete", ADMIN, "{}").status());
        assertEquals(400, api.delete("/sessions/delete", ADMIN, null).status());
        assertEquals(400, api.delete("/sessions/delete?mac=nope", ADMIN, null).status());
    }

    @Test
    void listFiltersByOverlapPagesNewestFirstAndValidatesParameters() {
        String mac = randomMac();
        // crosses midnight into 2025-10-02 in Berlin
        api.post("/sessions/create", ADMIN, create(mac, "10.0.0.1", "2025-10-01T23:00", "2025-10-02T01:00"));
        api.post("/sessions/create", ADMIN, create(mac, "10.0.0.1", "2025-10-03T08:00", "2025-10-03T09:00"));
        api.post("/sessions/create", ADMIN, create(mac, "10.0.0.1", "2025-10-05T08:00", "2025-10-05T09:00"));

        JsonObject second = list("mac=" + mac.toLowerCase() + "&start_date=2025-10-02&end_date=2025-10-02");
        assertEquals(1, second.getInt("total"));
        assertEquals("2025-10-01 23:00", second.getJsonArray("sessions").getJsonObject(0).getString("ses_Connection"));

        JsonObject all = list("mac=" + mac + "&start_date=2025-10-01&end_date=2025-10-05");
        assertEquals(3, all.getInt("total"));
        assertEquals("2025-10-05 08:00", all.getJsonArray("sessions").getJsonObject(0).getString("ses_Connection"));
        assertEquals("2025-10-01 23:00", all.getJsonArray("sessions").getJsonObject(2).getString("ses_Connection"));

        JsonObject page = list("mac=" + mac + "&limit=1&offset=1");
        assertEquals(3, page.getInt("total"));
        assertEquals(1, page.getJsonArray("sessions").size());
        assertEquals("2025-10-03 08:00", page.getJsonArray("sessions").getJsonObject(0).getString("ses_Connection"));

        // in UTC the first session lies within 2025-10-01 only
        assertEquals(0, list("mac=" + mac + "&start_date=2025-10-02&end_date=2025-10-02&tz=UTC").getInt("total"));
        // empty optional parameters count as absent
        assertEquals(3, list("mac=" + mac + "&start_date=&end_date=&tz=&limit=&offset=").getInt("total"));

        for (String bad : List.of("mac=xyz", "start_date=2025-13-01", "end_date=yesterday", "start_date=2025-10-05&end_date=2025-10-01",
                "limit=0", "limit=10001", "limit=ten", "offset=-1", "tz=Mars/Base")) {
            Api.Reply reply = api.get("/sessions/list?" + bad, READ);
            assertEquals(400, reply.status(), bad + " -> " + reply.body());
            assertEquals("Bad Request", reply.json().getString("error"));
            String parameter = bad.substring(0, bad.indexOf('='));
            assertTrue(reply.json().getString("message").contains("'" + parameter + "'"), reply.body());
        }
    }

    @Test
    void authentication() {
        String body = create(randomMac(), "10.0.0.1", "2025-01-01T00:00", null);
        List<Api.Reply> refused = List.of(
                api.get("/sessions/list", null),
                api.get("/sessions/list", "wrong-token"),
                api.get("/sessions/no/such/route", null),
                api.send("GET", "/sessions/list", null, null, null),
                api.send(java.net.http.HttpRequest.newBuilder(api.base().resolve("/sessions/list")).header("Authorization", "Basic " + ADMIN)),
                api.send(java.net.http.HttpRequest.newBuilder(api.base().resolve("/sessions/list")).header("Authorization", "Bearer " + ADMIN + " extra")),
                api.send(java.net.http.HttpRequest.newBuilder(api.base().resolve("/sessions/list?token=" + ADMIN))),
                api.post("/sessions/create", "wrong-token", "{not json"),
                api.post("/sessions/create", null, body));
        for (Api.Reply reply : refused) {
            assertEquals(401, reply.status(), reply.body());
            assertEquals("Bearer realm=\"sessions\"", reply.header("WWW-Authenticate"));
            assertTrue(reply.header("Content-Type").startsWith("application/json"));
            assertEquals("{\"success\":false,\"error\":\"Unauthorized\",\"message\":\"ERROR: Not authorized\"}", reply.body());
        }
        // the scheme is case-insensitive
        assertEquals(200, api.send(java.net.http.HttpRequest.newBuilder(api.base().resolve("/sessions/list?limit=1"))
                .header("Authorization", "bEaReR " + READ)).status());
        // a read token reads but does not write, whatever the body
        Api.Reply forbidden = api.post("/sessions/create", READ, "{not json");
        assertEquals(403, forbidden.status(), forbidden.body());
        assertEquals("Forbidden", forbidden.json().getString("error"));
        assertEquals(403, api.delete("/sessions/delete", READ, "{\"mac\":\"" + randomMac() + "\"}").status());
        assertEquals(200, api.get("/sessions/list?limit=1", READ).status());
    }

    @Test
    void unknownRoutesAndWrongMethodsAnswerJson() {
        Api.Reply missing = api.get("/sessions/no/such/route", READ);
        assertEquals(404, missing.status());
        assertEquals("Not Found", missing.json().getString("error"));
        Api.Reply wrongMethod = api.send("PUT", "/sessions/list", ADMIN, null, null);
        assertEquals(405, wrongMethod.status());
        assertEquals("Method Not Allowed", wrongMethod.json().getString("error"));
        assertTrue(wrongMethod.header("Allow").contains("GET"), wrongMethod.header("Allow"));
        Api.Reply getCreate = api.get("/sessions/create", READ);
        assertEquals(405, getCreate.status());
        assertTrue(getCreate.header("Allow").contains("POST"));
        assertNull(missing.header("X-Powered-By"));
        Api.Reply options = api.send("OPTIONS", "/sessions/list", READ, null, null);
        assertEquals(200, options.status(), options.body());
        assertTrue(options.header("Content-Type").startsWith("application/json"), options.header("Content-Type"));
        assertTrue(options.json().getJsonArray("allow").contains(jakarta.json.Json.createValue("GET")), options.body());
    }
}

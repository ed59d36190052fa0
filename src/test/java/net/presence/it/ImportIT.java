package net.presence.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import static net.presence.it.Api.ADMIN;
import static net.presence.it.Api.READ;
import static net.presence.it.Api.randomMac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /sessions/import: NDJSON, the rules of create on every line, all or nothing. */
class ImportIT extends DeployedWar {

    static String line(String mac, String ip, String start, String end) {
        return "{\"mac\":\"" + mac + "\",\"ip\":\"" + ip + "\",\"start_time\":\"" + start + "\""
                + (end == null ? "" : ",\"end_time\":\"" + end + "\"") + "}\n";
    }

    Api.Reply upload(String ndjson, String token) {
        return api.send("POST", "/sessions/import", token, "application/x-ndjson", ndjson);
    }

    int count(String mac) {
        return api.get("/sessions/list?mac=" + mac, READ).json().getInt("total");
    }

    @Test
    void importsEveryLineAsCreateWould() {
        String a = randomMac();
        String b = randomMac();
        StringBuilder body = new StringBuilder();
        for (int day = 1; day <= 250; day++) {
            String date = java.time.LocalDate.of(2024, 1, 1).plusDays(day).toString();
            body.append(line(a.toLowerCase().replace(':', '-'), "10.0.0.1", date + "T08:00", date + "T17:30"));
            body.append(line(b, "fe80:0:0:0:0:0:0:1", date + " 20:00:00Z", date + "T21:00:00Z"));
        }
        body.append("\n"); // blank lines are skipped
        body.append(line(a, "10.0.0.2", "2025-01-01T00:00", null));
        Api.Reply reply = upload(body.toString(), ADMIN);
        assertEquals(200, reply.status(), reply.body());
        assertEquals(501, reply.json().getInt("imported"));
        assertEquals(251, count(a));
        assertEquals(250, count(b));
        JsonObject newest = api.get("/sessions/list?mac=" + a + "&limit=1", READ).json().getJsonArray("sessions").getJsonObject(0);
        assertEquals("2025-01-01 00:00", newest.getString("ses_Connection"));
        assertTrue(newest.getBoolean("ses_StillConnected"));
        JsonObject first = api.get("/sessions/list?mac=" + b + "&start_date=2024-01-02&end_date=2024-01-02", READ).json()
                .getJsonArray("sessions").getJsonObject(0);
        assertEquals("fe80::1", first.getString("ses_IP"));
        assertEquals("2024-01-02 21:00", first.getString("ses_Connection"));
        assertEquals("1h 0m", first.getString("ses_Duration"));
    }

    @Test
    void anyBadLineStoresNothingAndNamesTheLines() {
        String a = randomMac();
        String stored = randomMac();
        assertEquals(200, api.post("/sessions/create", ADMIN, line(stored, "10.0.0.1", "2025-03-01T10:00", "2025-03-01T12:00")).status());
        String body = line(a, "10.0.0.1", "2025-03-01T10:00", "2025-03-01T11:00")
                + line(a, "10.0.0.1", "2025-03-01T10:30", "2025-03-01T12:00")   // 2: overlaps line 1
                + "{not json\n"                                                  // 3
                + line(a, "1.2.3", "2025-03-02T10:00", null)                     // 4: bad ip
                + line(stored, "10.0.0.1", "2025-03-01T11:00", "2025-03-01T11:30") // 5: overlaps a stored session
                + line(a, "10.0.0.1", "2025-03-05T10:00", "2025-03-04T10:00");    // 6: ends before it starts
        Api.Reply reply = upload(body, ADMIN);
        assertEquals(422, reply.status(), reply.body());
        JsonArray details = reply.json().getJsonArray("details");
        assertEquals(java.util.List.of(2, 3, 4, 5, 6), details.stream().map(d -> d.asJsonObject().getInt("line")).toList(), reply.body());
        assertEquals("ip", details.getJsonObject(2).getString("field"));
        assertTrue(details.getJsonObject(3).getString("message").contains("2025-03-01 10:00"), reply.body());
        assertEquals(0, count(a));
        assertEquals(1, count(stored));
    }

    @Test
    void reportsAtMostAHundredProblems() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            body.append("[]\n");
        }
        Api.Reply reply = upload(body.toString(), ADMIN);
        assertEquals(422, reply.status());
        assertEquals(100, reply.json().getJsonArray("details").size());
        assertTrue(reply.json().getString("message").contains("150 problems"), reply.body());
    }

    @Test
    void needsAnAdminTokenAndNdjson() {
        String body = line(randomMac(), "10.0.0.1", "2025-03-01T10:00", null);
        assertEquals(401, upload(body, null).status());
        assertEquals(403, upload(body, READ).status());
        assertEquals(415, api.send("POST", "/sessions/import", ADMIN, "text/csv", "a,b").status());
    }
}

package net.presence.it;

import jakarta.json.JsonArray;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The presence engine over HTTP (docs/API.md §11): realistic scanner timelines replayed through
 * /sessions/events and /sessions/scan, checked row by row through /sessions/list. The server runs
 * with a grace period of 60 s and a stale limit of ten years (see arquillian.xml).
 */
class ObservationsIT extends DeployedWar {

    static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").withZone(ZoneId.of(Api.ZONE));

    Api.Reply event(String mac, String ip, String type, String time) {
        return api.post("/sessions/events", ADMIN, "{\"mac\":\"" + mac + "\",\"ip\":\"" + ip + "\",\"event_type\":\"" + type + "\""
                + (time == null ? "" : ",\"time\":\"" + time + "\"") + "}");
    }

    /** Observes and checks the effect; the session row of the answer. */
    JsonObject observe(String mac, String ip, String type, String time, String effect) {
        Api.Reply reply = event(mac, ip, type, time);
        assertEquals(200, reply.status(), type + " " + time + " -> " + reply.body());
        assertEquals(effect, reply.json().getString("effect"), type + " " + time + " -> " + reply.body());
        return reply.json().getJsonObject("session");
    }

    JsonObject scan(Instant time, String... macAndIp) {
        StringBuilder devices = new StringBuilder();
        for (int i = 0; i < macAndIp.length; i += 2) {
            devices.append(i == 0 ? "" : ",").append("{\"mac\":\"").append(macAndIp[i]).append("\",\"ip\":\"").append(macAndIp[i + 1]).append("\"}");
        }
        Api.Reply reply = api.post("/sessions/scan", ADMIN, "{" + (time == null ? "" : "\"time\":\"" + time + "\",")
                + "\"devices\":[" + devices + "]}");
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    static void assertCounts(JsonObject scan, int opened, int closed, int isNew, int ipChanged, int repeated, int voided) {
        assertEquals(opened, scan.getInt("opened"), scan.toString());
        assertEquals(closed, scan.getInt("closed"), scan.toString());
        assertEquals(isNew, scan.getInt("new"), scan.toString());
        assertEquals(ipChanged, scan.getInt("ip_changed"), scan.toString());
        assertEquals(repeated, scan.getInt("repeated"), scan.toString());
        assertEquals(voided, scan.getInt("voided"), scan.toString());
        assertTrue(scan.getBoolean("success"));
    }

    /** The device's sessions, newest first. */
    JsonArray sessions(String mac) {
        Api.Reply reply = api.get("/sessions/list?mac=" + mac, READ);
        assertEquals(200, reply.status(), reply.body());
        return reply.array("sessions");
    }

    /** Connection, disconnection (display times), their types, IP and whether still connected. */
    static void assertRow(JsonObject row, String connection, String connectionType, String disconnection,
            String disconnectionType, String ip, boolean open) {
        assertEquals(connection, row.isNull("ses_Connection") ? null : row.getString("ses_Connection"), row.toString());
        assertEquals(connectionType, row.getString("ses_EventTypeConnection"), row.toString());
        assertEquals(disconnection, row.isNull("ses_Disconnection") ? null : row.getString("ses_Disconnection"), row.toString());
        assertEquals(disconnectionType, row.isNull("ses_EventTypeDisconnection") ? null : row.getString("ses_EventTypeDisconnection"),
                row.toString());
        assertEquals(ip, row.getString("ses_IP"), row.toString());
        assertEquals(open, row.getBoolean("ses_StillConnected"), row.toString());
    }

    @Test
    void aLaptopThatSleepsAndFlaps() {
        String mac = randomMac();
        JsonObject first = observe(mac.toLowerCase().replace(':', '-'), "192.168.1.20", "Connected", "2026-03-02T08:00", "opened");
        assertRow(first, "2026-03-02 08:00", "New Device", null, null, "192.168.1.20", true);
        assertEquals(mac, first.getString("ses_MAC"));
        observe(mac, "192.168.1.20", "Connected", "2026-03-02T10:00", "repeated");
        // Wi-Fi drops for 30 seconds: within the grace period, a flap
        JsonObject closed = observe(mac, "192.168.1.20", "Disconnected", "2026-03-02T12:00:00", "closed");
        assertRow(closed, "2026-03-02 08:00", "New Device", "2026-03-02 12:00", "Disconnected", "192.168.1.20", false);
        JsonObject reopened = observe(mac, "192.168.1.20", "Connected", "2026-03-02T12:00:30", "voided");
        assertRow(reopened, "2026-03-02 08:00", "New Device", null, null, "192.168.1.20", true);
        // the lid closes for the night; the scanner keeps reporting it gone
        observe(mac, "192.168.1.20", "Disconnected", "2026-03-02T18:00", "closed");
        observe(mac, "192.168.1.20", "Disconnected", "2026-03-02T18:05", "repeated");
        JsonObject morning = observe(mac, "192.168.1.20", "Connected", "2026-03-03T07:30", "opened");
        assertRow(morning, "2026-03-03 07:30", "Connected", null, null, "192.168.1.20", true);

        JsonArray rows = sessions(mac);
        assertEquals(2, rows.size(), rows.toString());
        assertRow(rows.getJsonObject(0), "2026-03-03 07:30", "Connected", null, null, "192.168.1.20", true);
        assertRow(rows.getJsonObject(1), "2026-03-02 08:00", "New Device", "2026-03-02 18:00", "Disconnected", "192.168.1.20", false);
        assertEquals("10h 0m", rows.getJsonObject(1).getString("ses_Duration"));
        assertEquals(36000, rows.getJsonObject(1).getInt("ses_DurationSeconds"));
    }

    @Test
    void aPhoneThatRoamsAndChangesIp() {
        String mac = randomMac();
        observe(mac, "10.0.0.10", "Connected", "2026-03-03T09:00", "opened");
        JsonObject changed = observe(mac, "10.0.0.23", "Connected", "2026-03-03T09:05", "ip_changed");
        // the session keeps the IP it started with
        assertRow(changed, "2026-03-03 09:00", "New Device", null, null, "10.0.0.10", true);
        observe(mac, "10.0.0.23", "Connected", "2026-03-03T09:10", "repeated");
        observe(mac, "2001:DB8:0:0:0:0:0:7", "Connected", "2026-03-03T09:20", "ip_changed");
        observe(mac, "2001:db8::7", "Connected", "2026-03-03T09:25", "repeated");
        observe(mac, "2001:db8::7", "Disconnected", "2026-03-03T10:00", "closed");

        JsonArray rows = sessions(mac);
        assertEquals(1, rows.size(), rows.toString());
        assertRow(rows.getJsonObject(0), "2026-03-03 09:00", "New Device", "2026-03-03 10:00", "Disconnected", "10.0.0.10", false);
    }

    @Test
    void aDeviceFirstSeenLeavingHasAMissingConnection() {
        String mac = randomMac();
        JsonObject missing = observe(mac, "10.0.1.5", "Disconnected", "2026-03-04T07:15", "missing_connection");
        assertRow(missing, null, "<missing event>", "2026-03-04 07:15", "Disconnected", "10.0.1.5", false);
        assertTrue(missing.isNull("ses_Duration"));
        observe(mac, "10.0.1.5", "Device Down", "2026-03-04T07:20", "repeated");
        // it has a session already: its first connection is not a New Device
        observe(mac, "10.0.1.5", "Connected", "2026-03-04T08:00", "opened");

        JsonArray rows = sessions(mac);
        assertEquals(2, rows.size(), rows.toString());
        assertRow(rows.getJsonObject(0), "2026-03-04 08:00", "Connected", null, null, "10.0.1.5", true);
        assertRow(rows.getJsonObject(1), null, "<missing event>", "2026-03-04 07:15", "Disconnected", "10.0.1.5", false);
    }

    @Test
    void aDeviceThatGoesDownAndComesBack() {
        String mac = randomMac();
        observe(mac, "10.0.2.1", "Connected", "2026-03-05T08:00", "opened");
        JsonObject down = observe(mac, "10.0.2.1", "device down", "2026-03-05T09:00", "closed");
        assertRow(down, "2026-03-05 08:00", "New Device", "2026-03-05 09:00", "Device Down", "10.0.2.1", false);
        // back within the grace period, but a Device Down is never a flap
        JsonObject back = observe(mac, "10.0.2.1", "Connected", "2026-03-05T09:00:10", "opened");
        assertRow(back, "2026-03-05 09:00", "Down Reconnected", null, null, "10.0.2.1", true);
        observe(mac, "10.0.2.1", "Disconnected", "2026-03-05T12:00", "closed");
        observe(mac, "10.0.2.1", "Connected", "2026-03-05T13:00", "opened");

        JsonArray rows = sessions(mac);
        assertEquals(3, rows.size(), rows.toString());
        assertRow(rows.getJsonObject(0), "2026-03-05 13:00", "Connected", null, null, "10.0.2.1", true);
        assertRow(rows.getJsonObject(1), "2026-03-05 09:00", "Down Reconnected", "2026-03-05 12:00", "Disconnected", "10.0.2.1", false);
        assertRow(rows.getJsonObject(2), "2026-03-05 08:00", "New Device", "2026-03-05 09:00", "Device Down", "10.0.2.1", false);
    }

    @Test
    void observationsApplyInTimeOrderAndOlderOnesAreRefused() {
        String mac = randomMac();
        observe(mac, "10.0.3.1", "Connected", "2026-03-06T10:00", "opened");
        Api.Reply older = event(mac, "10.0.3.1", "Disconnected", "2026-03-06T09:59");
        assertEquals(409, older.status(), older.body());
        assertEquals("Conflict", older.json().getString("error"));
        assertTrue(older.json().getString("message").contains(mac), older.body());
        assertTrue(older.json().getString("message").contains("2026-03-06T10:00:00+01:00"), older.body());
        // the same instant is not older
        observe(mac, "10.0.3.1", "Disconnected", "2026-03-06T10:00", "closed");
        assertRow(sessions(mac).getJsonObject(0), "2026-03-06 10:00", "New Device", "2026-03-06 10:00", "Disconnected", "10.0.3.1", false);
    }

    @Test
    void theEngineRespectsSessionsCreatedThroughTheApi() {
        String mac = randomMac();
        Api.Reply created = api.post("/sessions/create", ADMIN, "{\"mac\":\"" + mac + "\",\"ip\":\"10.0.4.1\","
                + "\"start_time\":\"2026-03-07T08:00\",\"end_time\":\"2026-03-07T09:00\",\"event_type_disc\":\"Device Down\"}");
        assertEquals(200, created.status(), created.body());
        assertEquals(409, event(mac, "10.0.4.1", "Connected", "2026-03-07T08:30").status());
        // the created session's Device Down makes the next connection a Down Reconnected, not a New Device
        observe(mac, "10.0.4.2", "Connected", "2026-03-07T10:00", "opened");
        JsonArray rows = sessions(mac);
        assertEquals(2, rows.size(), rows.toString());
        assertRow(rows.getJsonObject(0), "2026-03-07 10:00", "Down Reconnected", null, null, "10.0.4.2", true);
        assertRow(rows.getJsonObject(1), "2026-03-07 08:00", "Connected", "2026-03-07 09:00", "Device Down", "10.0.4.1", false);
    }

    @Test
    void aScannerThatDiesLeavesMissingDisconnectionsNotOpenSessions() throws InterruptedException {
        String watched = randomMac();
        String created = randomMac();
        // observed more than the stale limit (ten years here) ago, and never since
        observe(watched, "10.0.5.1", "Connected", "2015-06-01T08:00", "opened");
        // never observed by a scanner: left alone, however old
        assertEquals(200, api.post("/sessions/create", ADMIN, "{\"mac\":\"" + created + "\",\"ip\":\"10.0.5.2\","
                + "\"start_time\":\"2015-06-01T08:00\"}").status());
        JsonObject row = sessions(watched).getJsonObject(0);
        for (int i = 0; i < 50 && row.getBoolean("ses_StillConnected"); i++) {
            Thread.sleep(200);
            row = sessions(watched).getJsonObject(0);
        }
        assertRow(row, "2015-06-01 08:00", "New Device", null, "<missing event>", "10.0.5.1", false);
        assertTrue(row.isNull("ses_Duration"));
        assertRow(sessions(created).getJsonObject(0), "2015-06-01 08:00", "Connected", null, null, "10.0.5.2", true);
        // seen again: a new session beside the orange one (which goes stale in turn, being that old)
        JsonObject again = observe(watched, "10.0.5.1", "Connected", "2015-06-02T08:00", "opened");
        assertRow(again, "2015-06-02 08:00", "Connected", null, null, "10.0.5.1", true);
        assertEquals(2, sessions(watched).size());
    }

    @Test
    void scansOfANetworkOverAnHour() {
        // a scan speaks for every device: start from a network where nothing is connected
        scan(null);
        Instant base = Instant.now().minus(50, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);
        String laptop = randomMac();
        String phone = randomMac();
        String printer = randomMac();

        assertCounts(scan(base, laptop, "10.1.0.1", phone.toLowerCase().replace(":", ""), "10.1.0.2", printer, "10.1.0.3"),
                3, 0, 3, 0, 0, 0);
        // the phone roams to another IP, the printer drops off
        assertCounts(scan(base.plusSeconds(300), laptop, "10.1.0.1", phone, "10.1.0.9"), 0, 1, 0, 1, 1, 0);
        // 30 s later the printer is back: a flap
        assertCounts(scan(base.plusSeconds(330), laptop, "10.1.0.1", phone, "10.1.0.9", printer, "10.1.0.3"), 0, 0, 0, 0, 2, 1);
        assertCounts(scan(base.plusSeconds(1200), laptop, "10.1.0.1"), 0, 2, 0, 0, 1, 0);
        assertCounts(scan(base.plusSeconds(1800), laptop, "10.1.0.1", phone, "10.1.0.9"), 1, 0, 0, 0, 1, 0);

        String start = DISPLAY.format(base);
        String twenty = DISPLAY.format(base.plusSeconds(1200));
        JsonArray laptopRows = sessions(laptop);
        assertEquals(1, laptopRows.size(), laptopRows.toString());
        assertRow(laptopRows.getJsonObject(0), start, "New Device", null, null, "10.1.0.1", true);
        JsonArray phoneRows = sessions(phone);
        assertEquals(2, phoneRows.size(), phoneRows.toString());
        assertRow(phoneRows.getJsonObject(0), DISPLAY.format(base.plusSeconds(1800)), "Connected", null, null, "10.1.0.9", true);
        assertRow(phoneRows.getJsonObject(1), start, "New Device", twenty, "Disconnected", "10.1.0.2", false);
        JsonArray printerRows = sessions(printer);
        assertEquals(1, printerRows.size(), printerRows.toString());
        assertRow(printerRows.getJsonObject(0), start, "New Device", twenty, "Disconnected", "10.1.0.3", false);

        // the scanner goes quiet: an empty scan disconnects everyone
        assertCounts(scan(base.plusSeconds(2400)), 0, 2, 0, 0, 0, 0);
        assertFalse(sessions(laptop).getJsonObject(0).getBoolean("ses_StillConnected"));
    }

    /**
     * A scan reads the latest session of every device that comes back (by start, whatever the order
     * they were made in): its Device Down makes a Down Reconnected, its recent plain disconnection a flap.
     */
    @Test
    void aScanFindsTheLatestSessionOfEachDeviceComingBack() {
        scan(null);
        Instant base = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        String down = randomMac();
        String flapping = randomMac();
        create(down, base.minus(60, ChronoUnit.MINUTES), base.minus(20, ChronoUnit.MINUTES), "Device Down");
        create(down, base.minus(5, ChronoUnit.HOURS), base.minus(4, ChronoUnit.HOURS), "Disconnected");
        create(flapping, base.minus(90, ChronoUnit.MINUTES), base.minusSeconds(30), "Disconnected");
        create(flapping, base.minus(3, ChronoUnit.HOURS), base.minus(2, ChronoUnit.HOURS), "Device Down");

        assertCounts(scan(base, down, "10.1.1.1", flapping, "10.1.1.2"), 1, 0, 0, 0, 0, 1);

        JsonArray downRows = sessions(down);
        assertEquals(3, downRows.size(), downRows.toString());
        assertRow(downRows.getJsonObject(0), DISPLAY.format(base), "Down Reconnected", null, null, "10.1.1.1", true);
        JsonArray flappingRows = sessions(flapping);
        assertEquals(2, flappingRows.size(), flappingRows.toString());
        assertRow(flappingRows.getJsonObject(0), DISPLAY.format(base.minus(90, ChronoUnit.MINUTES)), "Connected", null, null,
                "10.1.1.9", true);
        assertRow(flappingRows.getJsonObject(1), DISPLAY.format(base.minus(3, ChronoUnit.HOURS)), "Connected",
                DISPLAY.format(base.minus(2, ChronoUnit.HOURS)), "Device Down", "10.1.1.9", false);
        scan(null);
    }

    void create(String mac, Instant start, Instant end, String disconnection) {
        DateTimeFormatter local = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneId.of(Api.ZONE));
        Api.Reply created = api.post("/sessions/create", ADMIN, "{\"mac\":\"" + mac + "\",\"ip\":\"10.1.1.9\",\"start_time\":\""
                + local.format(start) + "\",\"end_time\":\"" + local.format(end) + "\",\"event_type_disc\":\"" + disconnection + "\"}");
        assertEquals(200, created.status(), created.body());
    }

    @Test
    void aScanIsRefusedWholeWhenItCannotApply() {
        String mac = randomMac();
        String other = randomMac();
        Api.Reply duplicate = api.post("/sessions/scan", ADMIN, "{\"devices\":[{\"mac\":\"" + other + "\",\"ip\":\"10.2.0.1\"},"
                + "{\"mac\":\"" + mac + "\",\"ip\":\"10.2.0.2\"},{\"mac\":\"" + mac.replace(":", "-").toLowerCase() + "\",\"ip\":\"10.2.0.3\"}]}");
        assertEquals(422, duplicate.status(), duplicate.body());
        assertEquals("Unprocessable Entity", duplicate.json().getString("error"));
        assertEquals("devices[2].mac", duplicate.json().getJsonArray("details").getJsonObject(0).getString("field"));
        assertTrue(duplicate.json().getString("message").contains(mac), duplicate.body());
        assertEquals(0, sessions(other).size());

        Api.Reply bad = api.post("/sessions/scan", ADMIN, "{\"time\":\"2026-02-30T10:00\",\"devices\":[{\"mac\":\"nope\",\"ip\":\"10.2.0.1\"},"
                + "{\"mac\":\"" + other + "\"},\"x\"]}");
        assertEquals(422, bad.status(), bad.body());
        List<String> fields = new ArrayList<>();
        bad.json().getJsonArray("details").forEach(d -> fields.add(d.asJsonObject().getString("field")));
        assertEquals(List.of("time", "devices[0].mac", "devices[1].ip", "devices[2]"), fields);
        assertEquals(422, api.post("/sessions/scan", ADMIN, "{\"time\":\"2026-01-01T00:00\"}").status());
        assertEquals(400, api.post("/sessions/scan", ADMIN, "{\"devices\":[").status());
        assertEquals(422, api.post("/sessions/scan", ADMIN, "{\"time\":\"" + Instant.now().plus(10, ChronoUnit.MINUTES)
                + "\",\"devices\":[]}").status());

        // a device already seen later than the scan's time: 409, and nothing changes
        observe(mac, "10.2.0.2", "Connected", null, "opened");
        Api.Reply late = api.post("/sessions/scan", ADMIN, "{\"time\":\"" + Instant.now().minus(1, ChronoUnit.HOURS)
                + "\",\"devices\":[{\"mac\":\"" + mac + "\",\"ip\":\"10.2.0.2\"},{\"mac\":\"" + other + "\",\"ip\":\"10.2.0.1\"}]}");
        assertEquals(409, late.status(), late.body());
        assertTrue(late.json().getString("message").contains(mac), late.body());
        assertEquals(0, sessions(other).size());
        assertTrue(sessions(mac).getJsonObject(0).getBoolean("ses_StillConnected"));
    }

    @Test
    void badObservationsAreRefusedAndChangeNothing() {
        String mac = randomMac();
        String future = Instant.now().plus(10, ChronoUnit.MINUTES).toString();
        Object[][] cases = {
                {"{\"mac\":\"" + mac + "\",\"ip\":\"10.3.0.1\",\"event_type\":\"New Device\"}", "event_type"},
                {"{\"mac\":\"" + mac + "\",\"ip\":\"10.3.0.1\"}", "event_type"},
                {"{\"mac\":\"" + mac + "\",\"event_type\":\"Connected\"}", "ip"},
                {"{\"mac\":\"" + mac + "\",\"ip\":\"10.3.0\",\"event_type\":\"Connected\"}", "ip"},
                {"{\"mac\":\"AA:BB:CC\",\"ip\":\"10.3.0.1\",\"event_type\":\"Connected\"}", "mac"},
                {"{\"mac\":\"" + mac + "\",\"ip\":\"10.3.0.1\",\"event_type\":\"Connected\",\"time\":\"" + future + "\"}", "time"},
                {"{\"mac\":\"" + mac + "\",\"ip\":\"10.3.0.1\",\"event_type\":\"Connected\",\"time\":\"yesterday\"}", "time"},
                {"{\"mac\":\"" + mac + "\",\"ip\":\"10.3.0.1\",\"event_type\":\"Connected\",\"info\":\"" + "x".repeat(251) + "\"}", "info"},
        };
        for (Object[] c : cases) {
            Api.Reply reply = api.post("/sessions/events", ADMIN, (String) c[0]);
            assertEquals(422, reply.status(), c[0] + " -> " + reply.body());
            assertEquals(c[1], reply.json().getJsonArray("details").getJsonObject(0).getString("field"), reply.body());
        }
        Api.Reply type = api.post("/sessions/events", ADMIN, (String) cases[0][0]);
        assertTrue(type.json().getString("message").contains("'Connected', 'Disconnected', 'Device Down'"), type.body());
        assertEquals(400, api.post("/sessions/events", ADMIN, "{\"mac\":").status());
        assertEquals(403, api.post("/sessions/events", READ, (String) cases[0][0]).status());
        assertEquals(403, api.post("/sessions/scan", READ, "{\"devices\":[]}").status());
        assertEquals(401, api.post("/sessions/scan", null, "{\"devices\":[]}").status());
        assertEquals(0, sessions(mac).size());
    }

    @Test
    void theInfoOfAnObservationIsTheSessionsAndDefaultsTimeToNow() {
        String mac = randomMac();
        Instant before = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Api.Reply reply = api.post("/sessions/events", ADMIN, "{\"mac\":\"" + mac + "\",\"ip\":\"10.4.0.1\","
                + "\"event_type\":\"Connected\",\"info\":\"kitchen tablet\"}");
        assertEquals(200, reply.status(), reply.body());
        JsonObject row = reply.json().getJsonObject("session");
        assertEquals("kitchen tablet", row.getString("ses_Info"));
        String connection = row.getString("ses_Connection");
        assertTrue(connection.equals(DISPLAY.format(before)) || connection.equals(DISPLAY.format(Instant.now())), connection);
    }

    @Test
    void concurrentReportsOfOneDeviceMakeOneSession() throws Exception {
        String mac = randomMac();
        String time = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Callable<Api.Reply>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> event(mac, "10.5.0.1", "Connected", time));
            }
            for (int i = 0; i < 4; i++) {
                calls.add(() -> api.post("/sessions/scan", ADMIN, "{\"time\":\"" + time + "\",\"devices\":[{\"mac\":\"" + mac
                        + "\",\"ip\":\"10.5.0.1\"}]}"));
            }
            int opened = 0;
            for (Future<Api.Reply> f : pool.invokeAll(calls)) {
                Api.Reply reply = f.get();
                if (reply.status() == 409) {
                    continue;   // a scan after an observation of another test's device at a later time
                }
                assertEquals(200, reply.status(), reply.body());
                JsonObject json = reply.json();
                opened += json.containsKey("effect") ? ("opened".equals(json.getString("effect")) ? 1 : 0) : json.getInt("new");
            }
            assertEquals(1, opened);
        } finally {
            pool.shutdownNow();
        }
        JsonArray rows = sessions(mac);
        assertEquals(1, rows.size(), rows.toString());
        assertEquals("New Device", rows.getJsonObject(0).getString("ses_EventTypeConnection"));
        assertTrue(rows.getJsonObject(0).getBoolean("ses_StillConnected"));
    }
}

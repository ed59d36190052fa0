package net.presence.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import static net.presence.it.Api.ADMIN;
import static net.presence.it.Api.READ;
import static net.presence.it.Api.randomMac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * POST /sessions/import/netalertx: the reference scanner's own database (the shared fixture, in a
 * copy) moves in, and every device then answers with the sessions the fixture's Sessions table
 * holds, read here with the same SQLite driver the server uses.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NetAlertXImportIT extends DeployedWar {

    static final Path FIXTURE = Path.of(System.getProperty("netalertx.fixture", "../shared/fixtures/netalertx/app.db"));
    static final ZoneId BERLIN = ZoneId.of(Api.ZONE);
    static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    static final String IMPORT = "/sessions/import/netalertx?tz=Europe/Berlin";
    static final long TWO_GIB = 2L * 1024 * 1024 * 1024;

    @TempDir
    static Path dir;

    static Path fixture;

    @BeforeAll
    static void copyFixture() throws IOException {
        // the shared fixture is read-only for everyone: the tests open only their own copy
        fixture = Files.copy(FIXTURE, dir.resolve("app.db"), StandardCopyOption.REPLACE_EXISTING);
    }

    Api.Reply upload(String path, Path database, String token) throws IOException {
        return api.send(HttpRequest.newBuilder(api.base().resolve(path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/vnd.sqlite3")
                .POST(HttpRequest.BodyPublishers.ofFile(database)));
    }

    static Connection sqlite(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    /** The fixture's Sessions rows of each device, as the API must show them. */
    static Map<String, List<String>> fixtureSessions() throws SQLException {
        Map<String, List<String>> byMac = new TreeMap<>();
        try (Connection db = sqlite(fixture); Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT ses_MAC, ses_IP, ses_EventTypeConnection, ses_DateTimeConnection,"
                        + " ses_EventTypeDisconnection, ses_DateTimeDisconnection, ses_StillConnected FROM Sessions")) {
            while (rs.next()) {
                boolean still = rs.getInt(7) == 1;
                byMac.computeIfAbsent(rs.getString(1).toUpperCase(), mac -> new ArrayList<>()).add(row(
                        iso(rs.getString(4)), iso(rs.getString(6)), rs.getString(2), rs.getString(3),
                        rs.getString(5), still));
            }
        }
        byMac.values().forEach(rows -> rows.sort(null));
        return byMac;
    }

    /** A naive wall time of the reference in the contract's ISO form: gaps forward, repeated hours first. */
    static String iso(String wall) {
        return wall == null ? null
                : ZonedDateTime.ofLocal(LocalDateTime.parse(wall.replace(' ', 'T')), BERLIN, null).format(ISO);
    }

    static String row(String connection, String disconnection, String ip, String connectionType,
            String disconnectionType, boolean still) {
        return connection + " | " + disconnection + " | " + ip + " | " + connectionType + " | " + disconnectionType
                + " | " + still;
    }

    List<String> apiSessions(String mac) {
        JsonArray rows = api.get("/sessions/list?limit=10000&mac=" + mac, READ).array("sessions");
        List<String> shown = new ArrayList<>();
        for (JsonValue value : rows) {
            JsonObject s = value.asJsonObject();
            shown.add(row(text(s, "ses_DateTimeConnection"), text(s, "ses_DateTimeDisconnection"), s.getString("ses_IP"),
                    text(s, "ses_EventTypeConnection"), text(s, "ses_EventTypeDisconnection"),
                    s.getBoolean("ses_StillConnected")));
        }
        shown.sort(null);
        return shown;
    }

    static String text(JsonObject o, String field) {
        return o.isNull(field) ? null : o.getString(field);
    }

    /** Wall times of the fixture in the hour that 2026-10-25 has twice in Berlin. */
    static long repeatedHourTimes() throws SQLException {
        try (Connection db = sqlite(fixture); Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT (SELECT COUNT(*) FROM Events WHERE eve_DateTime LIKE '2026-10-25 02:%')"
                        + " + (SELECT COUNT(*) FROM Sessions WHERE ses_DateTimeConnection LIKE '2026-10-25 02:%')"
                        + " + (SELECT COUNT(*) FROM Sessions WHERE ses_DateTimeDisconnection LIKE '2026-10-25 02:%')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    @Order(1)
    void theFixtureMovesInAndEveryDeviceAnswersWithItsSessionsTable() throws Exception {
        Map<String, List<String>> expected = fixtureSessions();
        assertEquals(24, expected.size());
        for (String mac : expected.keySet()) {
            // a rerun on the same data directory starts from the fixture's devices without sessions
            api.delete("/sessions/delete?mac=" + mac, ADMIN, null);
        }

        Api.Reply reply = upload(IMPORT, fixture, ADMIN); // mode strict is the default
        assertEquals(200, reply.status(), reply.body());
        JsonObject answer = reply.json();
        assertEquals("strict", answer.getString("mode"));
        assertEquals("Europe/Berlin", answer.getString("timezone"));
        assertCounts(answer.getJsonObject("sessions"), 2400, 0, 0);
        assertCounts(answer.getJsonObject("events"), 4748, 0, 0);
        JsonObject devices = answer.getJsonObject("devices");
        assertEquals(24, devices.getInt("imported") + devices.getInt("already_present"), devices.toString());
        assertEquals(0, devices.getInt("skipped"));
        assertEquals(0, answer.getJsonObject("dst").getInt("gap"));
        long repeated = repeatedHourTimes();
        assertTrue(repeated > 0, "the fixture crosses the end of summer time");
        assertEquals(repeated, answer.getJsonObject("dst").getJsonNumber("repeated").longValue());
        assertEquals(0, answer.getJsonArray("skipped").size());

        for (Map.Entry<String, List<String>> device : expected.entrySet()) {
            assertEquals(device.getValue(), apiSessions(device.getKey()), "sessions of " + device.getKey());
        }
    }

    @Test
    @Order(2)
    void aRepeatedHourIsShownAtItsFirstOccurrenceAndEventsKeepTheirInfo() throws Exception {
        String mac;
        String wall;
        String info;
        try (Connection db = sqlite(fixture); Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT ses_MAC, ses_DateTimeConnection, ses_AdditionalInfo FROM Sessions"
                        + " WHERE ses_DateTimeConnection LIKE '2026-10-25 02:%' LIMIT 1")) {
            assertTrue(rs.next(), "the fixture has a session that starts in the repeated hour");
            mac = rs.getString(1);
            wall = rs.getString(2);
            info = rs.getString(3);
        }
        JsonArray rows = api.get("/sessions/list?mac=" + mac + "&start_date=2026-10-25&end_date=2026-10-25", READ)
                .array("sessions");
        String shown = wall.replace(' ', 'T') + "+02:00"; // summer time: the hour's first occurrence
        assertTrue(rows.stream().anyMatch(r -> shown.equals(text(r.asJsonObject(), "ses_DateTimeConnection"))
                && info.equals(r.asJsonObject().getString("ses_Info"))), shown + " in " + rows);

        // New Device events carry the vendor in the reference: it comes along as the event's info
        String eventMac;
        String eventTime;
        String vendor;
        try (Connection db = sqlite(fixture); Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT eve_MAC, eve_DateTime, eve_AdditionalInfo FROM Events"
                        + " WHERE eve_EventType = 'New Device' AND eve_AdditionalInfo <> '' ORDER BY rowid LIMIT 1")) {
            assertTrue(rs.next());
            eventMac = rs.getString(1);
            eventTime = iso(rs.getString(2));
            vendor = rs.getString(3);
        }
        JsonArray news = api.get("/sessions/session-events?type=new&period=100%20years&limit=10000", READ).array("data");
        assertTrue(news.stream().map(JsonValue::asJsonObject).anyMatch(e -> e.getString("eve_MAC").equals(eventMac)
                && e.getString("eve_DateTime").equals(eventTime) && e.getString("eve_AdditionalInfo").equals(vendor)
                && e.getString("eve_EventType").equals("New Device")), eventMac + " " + eventTime + " " + vendor);
    }

    @Test
    @Order(3)
    void aSecondImportChangesNothing() throws Exception {
        Map<String, List<String>> before = new TreeMap<>();
        for (String mac : fixtureSessions().keySet()) {
            before.put(mac, apiSessions(mac));
        }
        int eventsBefore = eventCount();

        Api.Reply reply = upload(IMPORT, fixture, ADMIN);
        assertEquals(200, reply.status(), reply.body());
        JsonObject answer = reply.json();
        assertCounts(answer.getJsonObject("sessions"), 0, 0, 2400);
        assertCounts(answer.getJsonObject("events"), 0, 0, 4748);
        assertCounts(answer.getJsonObject("devices"), 0, 0, 24);

        for (Map.Entry<String, List<String>> device : before.entrySet()) {
            assertEquals(device.getValue(), apiSessions(device.getKey()), "sessions of " + device.getKey());
        }
        assertEquals(eventsBefore, eventCount());
    }

    /** Every event the server holds, from every test. */
    int eventCount() {
        Api.Reply all = api.get("/sessions/session-events?type=all&period=100%20years&limit=1", READ);
        assertEquals(200, all.status(), all.body());
        return all.json().getInt("total");
    }

    /** A database in the fixture's own schema (its CREATE statements), with the given sessions. */
    Path database(String name, List<String[]> sessions) throws SQLException {
        Path file = dir.resolve(name);
        try (Connection source = sqlite(fixture); Connection target = sqlite(file);
                Statement read = source.createStatement(); Statement write = target.createStatement()) {
            try (ResultSet rs = read.executeQuery("SELECT sql FROM sqlite_master WHERE type = 'table'"
                    + " AND name IN ('Sessions', 'Events', 'Devices')")) {
                while (rs.next()) {
                    write.execute(rs.getString(1));
                }
            }
            for (String[] s : sessions) {
                write.execute("INSERT INTO Sessions VALUES ('" + s[0] + "', '" + s[1] + "', 'Connected', '" + s[2]
                        + "', 'Disconnected', '" + s[3] + "', 0, '')");
            }
        }
        return file;
    }

    @Test
    @Order(4)
    void rowsThatContradictTheContractAreRefusedInStrictAndSkippedInSkip() throws Exception {
        String overlapping = randomMac();
        String fine = randomMac();
        Path file = database("overlap.db", List.of(
                new String[] {fine, "192.168.0.2", "2026-11-01 08:00:00", "2026-11-01 09:00:00"},
                new String[] {overlapping, "192.168.0.3", "2026-11-02 08:00:00", "2026-11-02 10:00:00"},
                new String[] {overlapping, "192.168.0.3", "2026-11-02 09:00:00", "2026-11-02 11:00:00"},
                new String[] {"zz:zz", "192.168.0.4", "2026-11-03 08:00:00", "2026-11-03 09:00:00"},
                new String[] {fine, "192.168.0.2", "2026-11-04 10:00:00", "2026-11-04 09:00:00"},
                new String[] {fine, "1.2.3", "2026-11-05 08:00:00", "2026-11-05 09:00:00"}));

        Api.Reply strict = upload(IMPORT + "&mode=strict", file, ADMIN);
        assertEquals(422, strict.status(), strict.body());
        JsonArray problems = strict.json().getJsonArray("details");
        assertEquals(4, problems.size(), problems.toString());
        assertProblem(problems, 3, "ses_DateTimeConnection", "overlaps");
        assertProblem(problems, 4, "ses_MAC", "is invalid");
        assertProblem(problems, 5, "ses_DateTimeDisconnection", "before");
        assertProblem(problems, 6, "ses_IP", "is invalid");
        assertEquals(0, api.get("/sessions/list?mac=" + fine, READ).json().getInt("total"), "strict stores nothing");
        assertEquals(0, api.get("/sessions/list?mac=" + overlapping, READ).json().getInt("total"));

        Api.Reply skip = upload(IMPORT + "&mode=skip", file, ADMIN);
        assertEquals(200, skip.status(), skip.body());
        assertEquals("skip", skip.json().getString("mode"));
        assertCounts(skip.json().getJsonObject("sessions"), 2, 4, 0);
        assertEquals(4, skip.json().getJsonArray("skipped").size());
        assertProblem(skip.json().getJsonArray("skipped"), 3, "ses_DateTimeConnection", "overlaps");
        assertEquals(1, api.get("/sessions/list?mac=" + fine, READ).json().getInt("total"));
        JsonObject kept = api.get("/sessions/list?mac=" + overlapping, READ).array("sessions").getJsonObject(0);
        assertEquals("2026-11-02T08:00:00+01:00", kept.getString("ses_DateTimeConnection"), "the first one stays");
    }

    @Test
    @Order(5)
    void aSessionThatOverlapsOneStoredHereIsReported() throws Exception {
        String mac = randomMac();
        assertEquals(200, api.post("/sessions/create", ADMIN, "{\"mac\":\"" + mac + "\",\"ip\":\"10.0.0.1\","
                + "\"start_time\":\"2026-11-10T08:00:00\",\"end_time\":\"2026-11-10T12:00:00\"}").status());
        Path file = database("stored-overlap.db", List.<String[]>of(
                new String[] {mac.toLowerCase(), "10.0.0.1", "2026-11-10 11:00:00", "2026-11-10 13:00:00"}));
        Api.Reply strict = upload(IMPORT, file, ADMIN);
        assertEquals(422, strict.status(), strict.body());
        assertTrue(strict.json().getString("message").contains("stored here, from 2026-11-10 08:00 to 2026-11-10 12:00"),
                strict.body());
    }

    @Test
    void anythingButSuchADatabaseIs422NamingWhatIsMissing() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "certainly not a database\n".repeat(200));
        Api.Reply notSqlite = upload(IMPORT, text, ADMIN);
        assertEquals(422, notSqlite.status(), notSqlite.body());
        assertTrue(notSqlite.json().getString("message").contains("not an SQLite database"), notSqlite.body());

        Path other = dir.resolve("other.db");
        try (Connection db = sqlite(other); Statement st = db.createStatement()) {
            st.execute("CREATE TABLE Events (eve_MAC TEXT, eve_DateTime TEXT)");
        }
        Api.Reply noSessions = upload(IMPORT, other, ADMIN);
        assertEquals(422, noSessions.status(), noSessions.body());
        String message = noSessions.json().getString("message");
        assertTrue(message.contains("table Sessions not found"), message);
        assertTrue(message.contains("column eve_IP not found in table Events"), message);
    }

    @Test
    void theZoneIsRequiredTheModeIsCheckedAndOnlyAnAdminMovesIn() throws Exception {
        assertEquals(400, upload("/sessions/import/netalertx", fixture, ADMIN).status());
        assertEquals(400, upload("/sessions/import/netalertx?tz=Mars/Olympus", fixture, ADMIN).status());
        Api.Reply mode = upload(IMPORT + "&mode=lenient", fixture, ADMIN);
        assertEquals(400, mode.status());
        assertTrue(mode.json().getString("message").contains("strict or skip"), mode.body());
        assertEquals(403, upload(IMPORT, fixture, READ).status());
        assertEquals(401, upload(IMPORT, fixture, "wrong-token").status());
    }

    /**
     * Above 2 GiB: 413. The test does not send 2 GiB: it declares one byte more in Content-Length
     * over a raw socket (the HTTP client computes that header itself), sends a few bytes and
     * reads the answer, which comes before the body is read.
     */
    @Test
    void aDatabaseOverTwoGibibytesIs413() throws IOException {
        try (Socket socket = new Socket(api.base().getHost(), api.base().getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + IMPORT + " HTTP/1.1\r\nHost: " + api.base().getHost() + ":" + api.base().getPort()
                    + "\r\nAuthorization: Bearer " + ADMIN + "\r\nContent-Type: application/vnd.sqlite3\r\n"
                    + "Content-Length: " + (TWO_GIB + 1) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(Files.readAllBytes(fixture), 0, 4096);
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String status = in.readLine();
            int length = 0;
            for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
                if (header.toLowerCase().startsWith("content-length:")) {
                    length = Integer.parseInt(header.substring(15).strip());
                }
            }
            char[] body = new char[length];
            int read = 0;
            while (read < length) {
                int n = in.read(body, read, length - read);
                if (n < 0) {
                    break;
                }
                read += n;
            }
            assertTrue(status.startsWith("HTTP/1.1 413"), status);
            assertTrue(new String(body, 0, read).contains("2 GiB"), new String(body, 0, read));
        }
    }

    static void assertCounts(JsonObject counts, int imported, int skipped, int present) {
        assertEquals(imported, counts.getInt("imported"), counts.toString());
        assertEquals(skipped, counts.getInt("skipped"), counts.toString());
        assertEquals(present, counts.getInt("already_present"), counts.toString());
    }

    static void assertProblem(JsonArray problems, int rowid, String field, String why) {
        assertTrue(problems.stream().map(JsonValue::asJsonObject).anyMatch(p -> "Sessions".equals(p.getString("table"))
                && p.getInt("rowid") == rowid && field.equals(p.getString("field")) && p.getString("message").contains(why)),
                "Sessions row " + rowid + " " + field + " " + why + " in " + problems);
    }
}

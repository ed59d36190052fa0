package net.presence.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

import static net.presence.it.Api.ADMIN;
import static net.presence.it.Api.READ;
import static net.presence.it.Api.randomMac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CSV answers of the listings (docs/API.md §14): exact bodies on hand-built data, the same rows and
 * paging as the JSON, both ways of asking, errors that stay JSON, and the token rule.
 */
class CsvIT extends DeployedWar {

    static final String SESSION_HEADER = "ses_MAC,ses_Connection,ses_Disconnection,ses_Duration,ses_IP,ses_Info,"
            + "ses_DateTimeConnection,ses_DateTimeDisconnection,ses_EventTypeConnection,ses_EventTypeDisconnection,"
            + "ses_StillConnected,ses_DurationSeconds\r\n";
    static final String EVENT_HEADER = "eve_MAC,eve_IP,eve_EventType,eve_Time,eve_DateTime,eve_AdditionalInfo\r\n";
    static final String CALENDAR_HEADER = "resourceId,title,className,color,start,end,tooltip\r\n";

    /** A session through the API; the strings go into the JSON body as they are (already escaped). */
    void create(String mac, String ip, String start, String end, String info, String connType, String discType) {
        String body = "{\"mac\":\"" + mac + "\",\"ip\":\"" + ip + "\",\"start_time\":\"" + start + "\",\"end_time\":\"" + end + "\""
                + ",\"info\":\"" + info + "\""
                + (connType == null ? "" : ",\"event_type_conn\":\"" + connType + "\"")
                + (discType == null ? "" : ",\"event_type_disc\":\"" + discType + "\"") + "}";
        Api.Reply reply = api.post("/sessions/create", ADMIN, body);
        assertEquals(200, reply.status(), reply.body());
    }

    /** Three sessions in March 2015 (Berlin was UTC+1 all month before the 29th). */
    String march2015() {
        String mac = randomMac();
        create(mac, "192.168.1.10", "2015-03-10T09:00", "2015-03-10T11:30", "=HYPERLINK(\\\"http://evil\\\"), \\\"quoted\\\"\\nnext line",
                null, null);
        create(mac, "192.168.1.11", "2015-03-11T20:00", "2015-03-12T06:15", "Küche 😀", null, null);
        create(mac, "2001:db8::1", "2015-03-12T09:00", "2015-03-12T10:00", "", "@Probe", "-Gone");
        return mac;
    }

    Api.Reply get(String path, String accept, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.base().resolve(path));
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return api.send(request);
    }

    /** A CSV answer, checked for what every CSV answer carries. */
    Api.Reply csv(String path, String route) {
        Api.Reply reply = get(path, null, READ);
        assertEquals(200, reply.status(), path + " -> " + reply);
        assertEquals("text/csv;charset=utf-8", reply.header("Content-Type").replace(" ", "").toLowerCase(), path);
        String disposition = reply.header("Content-Disposition");
        assertNotNull(disposition, path);
        assertTrue(disposition.matches("attachment; filename=\"sessions-" + route + "-\\d{8}T\\d{6}Z\\.csv\""), disposition);
        assertTrue(reply.body().endsWith("\r\n"), reply.body());
        return reply;
    }

    Api.Reply json(String path) {
        Api.Reply reply = get(path, null, READ);
        assertEquals(200, reply.status(), path + " -> " + reply);
        assertTrue(reply.header("Content-Type").startsWith("application/json"), reply.header("Content-Type"));
        return reply;
    }

    @Test
    void theListIsTheJsonRowsAsRfc4180WithFormulasDefused() {
        String mac = march2015();
        String query = "/sessions/list?mac=" + mac + "&start_date=2015-03-01&end_date=2015-03-31&format=csv";
        Api.Reply reply = csv(query, "list");
        assertEquals(SESSION_HEADER
                + mac + ",2015-03-12 09:00,2015-03-12 10:00,1h 0m,2001:db8::1,\"\",2015-03-12T09:00:00+01:00,2015-03-12T10:00:00+01:00,"
                + "\"'@Probe\",\"'-Gone\",false,3600\r\n"
                + mac + ",2015-03-11 20:00,2015-03-12 06:15,10h 15m,192.168.1.11,Küche 😀,2015-03-11T20:00:00+01:00,"
                + "2015-03-12T06:15:00+01:00,Connected,Disconnected,false,36900\r\n"
                + mac + ",2015-03-10 09:00,2015-03-10 11:30,2h 30m,192.168.1.10,\"'=HYPERLINK(\"\"http://evil\"\"), \"\"quoted\"\"\nnext line\","
                + "2015-03-10T09:00:00+01:00,2015-03-10T11:30:00+01:00,Connected,Disconnected,false,9000\r\n",
                reply.body());
        assertEquals(Api.ZONE, reply.header("X-Timezone"));
        assertEquals("3", reply.header("X-Total"));

        // tz= moves the CSV's times like the JSON's
        Api.Reply utc = csv(query + "&tz=UTC&limit=1", "list");
        assertEquals(SESSION_HEADER + mac + ",2015-03-12 08:00,2015-03-12 09:00,1h 0m,2001:db8::1,\"\",2015-03-12T08:00:00+00:00,"
                + "2015-03-12T09:00:00+00:00,\"'@Probe\",\"'-Gone\",false,3600\r\n", utc.body());
        assertEquals("UTC", utc.header("X-Timezone"));
        assertEquals("3", utc.header("X-Total"));

        // the same rows as the JSON, page by page
        for (int offset = 0; offset <= 3; offset++) {
            String page = "/sessions/list?mac=" + mac + "&start_date=2015-03-01&end_date=2015-03-31&limit=2&offset=" + offset;
            List<String> fromJson = lines(json(page).json().getJsonArray("sessions"), SESSION_HEADER);
            assertEquals(fromJson, rows(csv(page + "&format=csv", "list").body()), page);
            assertEquals(Math.max(0, Math.min(2, 3 - offset)), fromJson.size());
        }
        // nothing found is the header row alone
        assertEquals(SESSION_HEADER, csv("/sessions/list?mac=" + randomMac() + "&format=csv", "list").body());
    }

    @Test
    void theCalendarIsOneRowPerBarWithItsTooltipQuoted() {
        String mac = march2015();
        String query = "/sessions/calendar?start=2015-03-10&end=2015-03-11&mac=" + mac;
        Api.Reply reply = csv(query + "&format=csv", "calendar");
        assertEquals(CALENDAR_HEADER
                + mac + ",\"\",no-border,#0073b7,2015-03-10T09:00:00,2015-03-10T11:30:00,"
                + "\"Connection: 2015-03-10 09:00\nDisconnection: 2015-03-10 11:30\nIP: 192.168.1.10\"\r\n"
                + mac + ",\"\",no-border,#0073b7,2015-03-11T20:00:00,2015-03-12T06:15:00,"
                + "\"Connection: 2015-03-11 20:00\nDisconnection: 2015-03-12 06:15\nIP: 192.168.1.11\"\r\n",
                reply.body());
        assertEquals(Api.ZONE, reply.header("X-Timezone"));
        assertEquals(lines(json(query).json().getJsonArray("sessions"), CALENDAR_HEADER), rows(reply.body()));

        Api.Reply tokyo = csv(query + "&format=csv&tz=Asia/Tokyo", "calendar");
        assertEquals("Asia/Tokyo", tokyo.header("X-Timezone"));
        assertTrue(tokyo.body().contains(",2015-03-10T17:00:00,2015-03-10T19:30:00,\"Connection: 2015-03-10 17:00\n"), tokyo.body());
    }

    @Test
    void sessionEventsListEventsOrSessionsAndPageLikeTheJson() {
        String mac = randomMac();
        Instant start = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Instant end = start.plus(1, ChronoUnit.HOURS);
        create(mac, "10.9.8.7", start.toString(), end.toString(), "+1 \\\"plus\\\"", "New Device", null);
        DateTimeFormatter display = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").withZone(ZoneId.of(Api.ZONE));
        DateTimeFormatter iso = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx").withZone(ZoneId.of(Api.ZONE));

        Api.Reply events = csv("/sessions/session-events?type=all&period=1%20day&format=csv", "session-events");
        assertTrue(events.body().startsWith(EVENT_HEADER), events.body());
        assertEquals(List.of(
                mac + ",10.9.8.7,Disconnected," + display.format(end) + "," + iso.format(end) + ",\"\"",
                mac + ",10.9.8.7,New Device," + display.format(start) + "," + iso.format(start) + ",\"'+1 \"\"plus\"\"\""),
                mine(events.body(), mac));
        assertEquals("all", events.header("X-Type"));
        assertEquals("1 day", events.header("X-Period"));
        assertEquals(Api.ZONE, events.header("X-Timezone"));
        assertEquals(rows(events.body()).size(), Integer.parseInt(events.header("X-Total")), events.body());

        Api.Reply sessions = csv("/sessions/session-events?type=sessions&period=1%20day&format=csv", "session-events");
        assertTrue(sessions.body().startsWith(SESSION_HEADER), sessions.body());
        assertEquals(List.of(mac + "," + display.format(start) + "," + display.format(end) + ",1h 0m,10.9.8.7,\"'+1 \"\"plus\"\"\","
                + iso.format(start) + "," + iso.format(end) + ",New Device,Disconnected,false,3600"), mine(sessions.body(), mac));
        assertEquals("sessions", sessions.header("X-Type"));

        // the whole year a page at a time: the CSV pages are the JSON pages
        String year = "/sessions/session-events?type=all&period=1%20year&limit=3";
        long total = json(year).json().getJsonNumber("total").longValue();
        assertTrue(total >= 2, () -> "total " + total);
        List<String> allCsv = new ArrayList<>();
        for (int offset = 0; offset < total + 3; offset += 3) {
            Api.Reply page = json(year + "&offset=" + offset);
            List<String> fromCsv = rows(csv(year + "&offset=" + offset + "&format=csv", "session-events").body());
            assertEquals(lines(page.json().getJsonArray("data"), EVENT_HEADER), fromCsv, "offset " + offset);
            allCsv.addAll(fromCsv);
        }
        assertEquals(total, allCsv.size());
        assertEquals(mine(EVENT_HEADER + String.join("\r\n", allCsv) + "\r\n", mac), mine(events.body(), mac));
    }

    @Test
    void acceptAndFormatBothAskForCsvAndFormatWins() {
        String mac = march2015();
        String path = "/sessions/list?mac=" + mac + "&start_date=2015-03-01&end_date=2015-03-31";
        String byParameter = csv(path + "&format=csv", "list").body();
        for (String accept : List.of("text/csv", "text/csv; charset=UTF-8", "text/*", "application/json;q=0.5, text/csv")) {
            Api.Reply byAccept = get(path, accept, READ);
            assertEquals(200, byAccept.status(), accept);
            assertTrue(byAccept.header("Content-Type").startsWith("text/csv"), accept);
            assertEquals(byParameter, byAccept.body(), accept);
        }
        assertEquals(byParameter, get(path + "&format=CSV", "application/json", READ).body());
        for (String accept : List.of("*/*", "application/json", "text/csv;q=0.5, application/json", "application/*")) {
            Api.Reply byAccept = get(path, accept, READ);
            assertEquals(200, byAccept.status(), accept);
            assertEquals(3, byAccept.json().getJsonArray("sessions").size(), accept);
        }
        Api.Reply jsonAnyway = get(path + "&format=json", "text/csv", READ);
        assertEquals(3, jsonAnyway.json().getJsonArray("sessions").size());
        assertNull(jsonAnyway.header("Content-Disposition"));

        assertTrue(get("/sessions/calendar?start=2015-03-10&end=2015-03-11&mac=" + mac, "text/csv", READ).body().startsWith(CALENDAR_HEADER));
        assertTrue(get("/sessions/session-events?period=1%20day", "text/csv", READ).body().startsWith(EVENT_HEADER));
    }

    @Test
    void errorsStayJsonWhenCsvWasAsked() {
        for (String path : List.of("/sessions/list?limit=0", "/sessions/list?format=xml", "/sessions/list?format=",
                "/sessions/session-events?type=everything", "/sessions/session-events?period=soon&format=csv",
                "/sessions/calendar?start=2015-03-10", "/sessions/calendar?start=2015-03-10&end=2015-03-11&tz=Nowhere/Land",
                "/sessions/list?format=csv&mac=nope")) {
            Api.Reply reply = get(path, "text/csv", READ);
            assertEquals(400, reply.status(), path + " -> " + reply);
            assertTrue(reply.header("Content-Type").startsWith("application/json"), path);
            JsonObject error = reply.json();
            assertFalse(error.getBoolean("success"));
            assertEquals("Bad Request", error.getString("error"));
            assertNull(reply.header("Content-Disposition"), path);
        }
        String formatMessage = get("/sessions/list?format=xml", null, READ).json().getString("message");
        assertTrue(formatMessage.contains("'format'") && formatMessage.contains("json or csv"), formatMessage);

        for (String path : List.of("/sessions/list", "/sessions/calendar?start=2015-03-10&end=2015-03-11",
                "/sessions/session-events", "/sessions/" + randomMac())) {
            Api.Reply reply = get(path, "application/xml", READ);
            assertEquals(406, reply.status(), path + " -> " + reply);
            assertTrue(reply.header("Content-Type").startsWith("application/json"), path);
            assertEquals("Not Acceptable", reply.json().getString("error"));
        }
        // the device history has no CSV
        assertEquals(406, get("/sessions/" + randomMac(), "text/csv", READ).status());
    }

    @Test
    void devicesAndOccupancyAnswerCsvLikeTheirJson() {
        String mac = march2015();
        Api.Reply named = api.send("PUT", "/sessions/devices/" + mac, ADMIN, "application/json", "{\"name\": \"=cmd|' /C calc'!A0\"}");
        assertEquals(200, named.status(), named.body());

        String devices = "/sessions/devices?q=" + mac;
        Api.Reply list = csv(devices + "&format=csv", "devices");
        String header = "mac,name,first_seen,last_seen,connected_now,sessions\r\n";
        assertTrue(list.body().startsWith(header), list.body());
        assertEquals(lines(json(devices).json().getJsonArray("devices"), header), rows(list.body()));
        // a name is the client's text, so it is the likeliest formula: defused like any other cell
        assertTrue(list.body().startsWith(header + mac + ",\"'=cmd|' /C calc'!A0\",2015-03-10T09:00:00+01:00,"), list.body());
        assertEquals("1", list.header("X-Total"));
        assertEquals(Api.ZONE, list.header("X-Timezone"));

        String occupancy = "/sessions/occupancy?start=2015-03-10&end=2015-03-12&step=1%20day";
        Api.Reply series = csv(occupancy + "&format=csv", "occupancy");
        JsonObject answer = json(occupancy).json();
        assertTrue(series.body().startsWith("time,devices,average\r\n"), series.body());
        assertEquals(lines(answer.getJsonArray("series"), "time,devices,average"), rows(series.body()));
        assertEquals(3, rows(series.body()).size(), series.body());
        assertEquals(answer.getString("start"), series.header("X-Start"));
        assertEquals(answer.getString("end"), series.header("X-End"));
        assertEquals("1 day", series.header("X-Step"));
    }

    @Test
    void csvNeedsTheTokenLikeJson() {
        for (String path : List.of("/sessions/list?format=csv", "/sessions/session-events?format=csv",
                "/sessions/calendar?start=2015-03-10&end=2015-03-11&format=csv")) {
            for (String token : Arrays.asList(null, "wrong-token-0123456789")) {
                Api.Reply reply = get(path, "text/csv", token);
                assertEquals(401, reply.status(), path + " -> " + reply);
                assertEquals("Bearer realm=\"sessions\"", reply.header("WWW-Authenticate"));
                assertTrue(reply.header("Content-Type").startsWith("application/json"), path);
                assertFalse(reply.json().getBoolean("success"));
            }
            assertEquals(200, get(path, "text/csv", ADMIN).status(), path);
        }
    }

    /** The rows of a CSV body: its lines after the header, split at the CRLFs that end rows. */
    static List<String> rows(String body) {
        List<String> lines = new ArrayList<>(Arrays.asList(body.split("\r\n")));
        lines.remove(0);
        return lines;
    }

    /** The rows of one device: those that start with its MAC. */
    static List<String> mine(String body, String mac) {
        return rows(body).stream().filter(line -> line.startsWith(mac + ",")).collect(Collectors.toList());
    }

    /** JSON rows written as CSV by this test's own reading of RFC 4180, in the header's column order. */
    static List<String> lines(jakarta.json.JsonArray rows, String header) {
        List<String> columns = Arrays.asList(header.strip().split(","));
        return rows.stream().map(JsonValue::asJsonObject)
                .map(row -> columns.stream().map(column -> cell(row.get(column))).collect(Collectors.joining(",")))
                .collect(Collectors.toList());
    }

    static String cell(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return "";
        }
        String text = value.getValueType() == JsonValue.ValueType.STRING ? ((jakarta.json.JsonString) value).getString() : value.toString();
        boolean formula = !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0;
        if (formula || text.isEmpty() || text.contains("\"") || text.contains(",") || text.contains("\n") || text.contains("\r")) {
            return "\"" + (formula ? "'" : "") + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}

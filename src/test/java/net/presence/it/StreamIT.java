package net.presence.it;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import static net.presence.it.Api.ADMIN;
import static net.presence.it.Api.READ;
import static net.presence.it.Api.randomMac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live stream (GET /sessions/stream): what a create, the presence engine, the stale timer and a
 * delete send, in which zone, with which ids; resuming by Last-Event-ID; the heartbeat; who may
 * read it; and the calendar page drawing a new bar from it without a reload.
 */
class StreamIT extends DeployedWar {

    static final Duration SOON = Duration.ofSeconds(5);
    static final ZoneId BERLIN = ZoneId.of(Api.ZONE);
    static final String NEW_YORK = "America/New_York";

    static WebDriver browser;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = Chromium.start("stream", 1400, 1000);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    URI stream(String tz) {
        return api.base().resolve("/sessions/stream" + (tz == null ? "" : "?tz=" + Api.encode(tz)));
    }

    @Test
    void aCreateArrivesAsTheListRowInTheStreamsZoneAndResumes() throws Exception {
        String mac = randomMac();
        try (SseClient live = SseClient.open(stream(NEW_YORK), READ, null)) {
            assertTrue(live.response().headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"),
                    live.response().headers().toString());
            assertEquals("no", live.response().headers().firstValue("X-Accel-Buffering").orElse(null));
            JsonObject ready = live.next("ready", SOON).json();
            assertEquals(NEW_YORK, ready.getString("timezone"));
            assertTrue(ready.getBoolean("success"));
            assertFalse(ready.getBoolean("resumed"));

            create(mac, "10.1.2.3", "2025-03-01T10:00", "2025-03-01T11:30");
            long before = System.currentTimeMillis();
            SseClient.Received first = live.session(mac, SOON);
            assertTrue(first.atMillis() - before < SOON.toMillis());
            assertEquals("session", first.name());
            JsonObject row = first.json();
            // exactly the list's row, in the stream's zone (10:00 in Berlin is 04:00 in New York)
            JsonObject listed = api.get("/sessions/list?mac=" + Api.encode(mac) + "&tz=" + Api.encode(NEW_YORK), READ)
                    .json().getJsonArray("sessions").getJsonObject(0);
            assertEquals(listed, row);
            assertEquals(mac, row.getString("ses_MAC"));
            assertEquals("2025-03-01 04:00", row.getString("ses_Connection"));
            assertEquals("2025-03-01 05:30", row.getString("ses_Disconnection"));
            assertEquals("2025-03-01T04:00:00-05:00", row.getString("ses_DateTimeConnection"));
            assertEquals("1h 30m", row.getString("ses_Duration"));
            assertEquals(5400, row.getInt("ses_DurationSeconds"));
            assertEquals("10.1.2.3", row.getString("ses_IP"));
            assertEquals("Connected", row.getString("ses_EventTypeConnection"));
            assertEquals("Disconnected", row.getString("ses_EventTypeDisconnection"));
            assertFalse(row.getBoolean("ses_StillConnected"));
            assertEquals(12, row.size());

            create(mac, "10.1.2.3", "2025-03-01T12:00", "2025-03-01T12:05");
            SseClient.Received second = live.session(mac, SOON);
            assertEquals(Long.parseLong(first.id()) + 1, Long.parseLong(second.id()), "ids increase by one");
            assertEquals("2025-03-01 06:00", second.json().getString("ses_Connection"));

            // a refused write (it overlaps) sends nothing: the delete's event is the next of this device
            assertEquals(409, api.post("/sessions/create", ADMIN, body(mac, "10.1.2.3", "2025-03-01T10:30", "2025-03-01T10:40")).status());

            // a reconnect with the first event's id gets the second again, and only it
            try (SseClient resumed = SseClient.open(stream(NEW_YORK), READ, first.id())) {
                assertTrue(resumed.next("ready", SOON).json().getBoolean("resumed"));
                SseClient.Received again = resumed.next(event -> !event.name().equals("comment"), SOON);
                assertEquals(second.id(), again.id());
                assertEquals("session", again.name());
                assertEquals(second.data(), again.data());
            }
            // an id this server does not hold (too old, or another server's): the client is told to reload
            try (SseClient stale = SseClient.open(stream(NEW_YORK), READ, "5")) {
                assertFalse(stale.next("ready", SOON).json().getBoolean("resumed"));
                JsonObject reload = stale.next(event -> !event.name().equals("comment"), SOON).json();
                assertEquals("resume", reload.getString("reason"));
            }

            assertEquals(200, api.delete("/sessions/delete", ADMIN, "{\"mac\":\"" + mac + "\"}").status());
            SseClient.Received deleted = live.next(event -> !event.name().equals("comment")
                    && event.data().contains(mac), SOON);
            assertEquals("deleted", deleted.name());
            assertEquals(Long.parseLong(second.id()) + 1, Long.parseLong(deleted.id()));
            assertEquals(mac, deleted.json().getString("ses_MAC"));
            assertEquals(2, deleted.json().getInt("deleted"));
        }
    }

    @Test
    void thePresenceEngineAndTheStaleTimerAreStreamed() throws Exception {
        String mac = randomMac();
        String longAgo = randomMac();
        try (SseClient live = SseClient.open(stream(null), READ, null)) {
            assertEquals(Api.ZONE, live.next("ready", SOON).json().getString("timezone"), "default: the server's zone");
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            observe(mac, "Connected", now.minusSeconds(120));
            JsonObject opened = live.session(mac, SOON).json();
            assertTrue(opened.getBoolean("ses_StillConnected"));
            assertEquals("New Device", opened.getString("ses_EventTypeConnection"));
            assertTrue(opened.isNull("ses_EventTypeDisconnection"));
            observe(mac, "Disconnected", now.minusSeconds(60));
            JsonObject closed = live.session(mac, SOON).json();
            assertFalse(closed.getBoolean("ses_StillConnected"));
            assertEquals("Disconnected", closed.getString("ses_EventTypeDisconnection"));
            assertEquals("0h 1m", closed.getString("ses_Duration"));

            // seen once, more than the test server's stale limit (ten years) ago: the timer makes it missing
            Instant then = LocalDateTime.of(2013, 5, 6, 7, 8).atZone(BERLIN).toInstant();
            observe(longAgo, "Connected", then);
            assertTrue(live.session(longAgo, SOON).json().getBoolean("ses_StillConnected"));
            JsonObject missing = live.session(longAgo, Duration.ofMillis(MissingEnds.STALE_WAIT_MILLIS)).json();
            assertFalse(missing.getBoolean("ses_StillConnected"));
            assertEquals("<missing event>", missing.getString("ses_EventTypeDisconnection"));
            assertEquals("2013-05-06 07:08", missing.getString("ses_Connection"));
            assertTrue(missing.isNull("ses_Disconnection"));
        }
    }

    @Test
    void onlyATokenOrTheLoginOpensTheStream() throws Exception {
        Api.Reply none = api.get("/sessions/stream", null);
        assertEquals(401, none.status(), none.body());
        assertEquals("Bearer realm=\"sessions\"", none.header("WWW-Authenticate"));
        assertEquals("Unauthorized", none.json().getString("error"));
        assertEquals(401, api.get("/sessions/stream", "not-a-token").status());
        // a cookie that is no login is no way in
        Api.Reply forged = api.send(java.net.http.HttpRequest.newBuilder(stream(null)).header("Cookie", "sessions_login=forged").GET());
        assertEquals(401, forged.status(), forged.body());
        Api.Reply badZone = api.get("/sessions/stream?tz=Mars/Olympus", READ);
        assertEquals(400, badZone.status(), badZone.body());
        assertFalse(badZone.json().getBoolean("success"));
        try (SseClient admin = SseClient.open(stream(null), ADMIN, null)) {
            assertTrue(admin.next("ready", SOON).json().getBoolean("success"));
        }
    }

    @Test
    void aQuietStreamGetsAHeartbeatEvery15Seconds() throws Exception {
        try (SseClient live = SseClient.open(stream(null), READ, null)) {
            long opened = live.next("ready", SOON).atMillis();
            SseClient.Received beat = live.next("comment", Duration.ofSeconds(20));
            assertEquals("heartbeat", beat.data());
            assertTrue(beat.atMillis() - opened <= 16_000, (beat.atMillis() - opened) + " ms");
        }
    }

    @Test
    void thePageDrawsANewBarAndClosesItWithoutAReload() throws Exception {
        String base = api.base().toString();
        // a device already shown, so that the page has rows when it opens
        LocalDateTime earlier = LocalDateTime.now(BERLIN).minusHours(3).truncatedTo(ChronoUnit.MINUTES);
        create(randomMac(), "10.9.8.6", earlier.toString(), earlier.plusMinutes(20).toString());
        browser.manage().deleteAllCookies();
        browser.get(base + "/login.xhtml");
        browser.findElement(By.id("token")).sendKeys(READ);
        browser.findElement(By.id("sign-in")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(driver -> driver.getCurrentUrl().equals(base + "/"));
        wait.until(driver -> script("return window.calendarDrawnAt !== undefined") == Boolean.TRUE);
        wait.until(driver -> driver.findElement(By.id("live")).getText().equals("live"));
        script("window.stillTheSamePage = 42");

        String mac = randomMac();
        LocalDateTime start = LocalDateTime.now(BERLIN).minusMinutes(30).truncatedTo(ChronoUnit.MINUTES);
        Api.Reply created = api.post("/sessions/create", ADMIN, "{\"mac\":\"" + mac + "\",\"ip\":\"10.9.8.7\",\"start_time\":\"" + start + "\"}");
        assertEquals(200, created.status(), created.body());
        try {
            new WebDriverWait(browser, SOON).until(driver -> rows().contains(mac));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("No row for " + mac + " appeared: " + script("return JSON.stringify({live: document.getElementById('live').textContent,"
                    + " events: window.calendarLiveEvents, errors: window.calendarLiveErrors, rows: PF('calendar').instance.groupsData"
                    + " && PF('calendar').instance.groupsData.get().map(g => g.id),"
                    + " items: PF('calendar').instance.itemsData.get().map(i => [i.id, i.group, String(i.start), String(i.end)])})"), e);
        }
        assertEquals(List.of("no-border kind-open"), classes(mac));
        // its row is labelled like the server's rows, and leads to the device's page
        assertEquals(mac, browser.findElement(By.cssSelector(".vis-label a[href='./device.xhtml?mac=" + Api.encode(mac) + "']")).getAttribute("textContent"));
        assertEquals(start + ":00", script("return new Date(PF('calendar').instance.itemsData.get({filter: i => i.group === '"
                + mac + "'})[0].start).toISOString().substring(0, 19)"));
        screenshot("calendar-live.png");

        // the device leaves: the same bar turns blue
        observe(mac, "Disconnected", Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.SECONDS));
        new WebDriverWait(browser, SOON).until(driver -> classes(mac).equals(List.of("no-border kind-closed")));
        assertEquals(42L, ((Number) script("return window.stillTheSamePage")).longValue(), "the page was not reloaded");

        // deleted: its row goes
        assertEquals(200, api.delete("/sessions/delete", ADMIN, "{\"mac\":\"" + mac + "\"}").status());
        new WebDriverWait(browser, SOON).until(driver -> !rows().contains(mac));
        assertEquals(42L, ((Number) script("return window.stillTheSamePage")).longValue(), "the page was not reloaded");
    }

    // ----- helpers

    Object script(String javascript) {
        return ((JavascriptExecutor) browser).executeScript(javascript);
    }

    @SuppressWarnings("unchecked")
    List<String> rows() {
        return (List<String>) script("return PF('calendar').instance.groupsData.get().map(g => g.id)");
    }

    @SuppressWarnings("unchecked")
    List<String> classes(String mac) {
        return (List<String>) script("return PF('calendar').instance.itemsData.get({filter: i => i.group === '" + mac
                + "'}).map(i => i.className)");
    }

    void screenshot(String name) throws IOException {
        Path target = Path.of(System.getProperty("sessions.war", "target/sessions.war")).getParent();
        Files.write(target.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    void create(String mac, String ip, String start, String end) {
        Api.Reply reply = api.post("/sessions/create", ADMIN, body(mac, ip, start, end));
        assertEquals(200, reply.status(), reply.body());
    }

    static String body(String mac, String ip, String start, String end) {
        return "{\"mac\":\"" + mac + "\",\"ip\":\"" + ip + "\",\"start_time\":\"" + start + "\",\"end_time\":\"" + end + "\"}";
    }

    void observe(String mac, String type, Instant at) {
        Api.Reply reply = api.post("/sessions/events", ADMIN, "{\"mac\":\"" + mac + "\",\"ip\":\"10.9.8.7\",\"event_type\":\""
                + type + "\",\"time\":\"" + at + "\"}");
        assertEquals(200, reply.status(), reply.body());
    }
}

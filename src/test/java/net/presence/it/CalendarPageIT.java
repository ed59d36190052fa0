package net.presence.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static net.presence.it.Api.ADMIN;
import static net.presence.it.Api.READ;
import static net.presence.it.Api.randomMac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The calendar page in a real browser (Debian's headless Chromium, driven by Selenium): login,
 * rows, colours, tooltips, navigation, filter, logout; that it shows what the JSON endpoint says;
 * and how long a week of 500 devices takes to appear.
 */
class CalendarPageIT extends DeployedWar {

    static final ZoneId BERLIN = ZoneId.of(Api.ZONE);
    static final Path TARGET = Path.of(System.getProperty("sessions.war", "target/sessions.war")).getParent();

    static WebDriver browser;

    String base;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = Chromium.start("calendar", 1400, 1000);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void clearBrowser() {
        base = api.base().toString();
        browser.manage().deleteAllCookies();
    }

    // ----- the tests

    @Test
    void aVisitorLogsInSeesEachDeviceMovesFiltersAndLogsOut() throws IOException {
        // a week of 2012: more than the test server's stale limit of ten years ago, so that the
        // stale-session timer makes the missing disconnection
        LocalDate monday = LocalDate.of(2012, 1, 2).plusWeeks(ThreadLocalRandom.current().nextInt(50));
        String closed = randomMac();
        String missingConnection = randomMac();
        String missingDisconnection = randomMac();
        create(closed, "192.168.1.10", monday.plusDays(1) + "T09:00", monday.plusDays(1) + "T17:30");
        missing("connection", missingConnection, "10.0.0.7", monday.plusDays(2).atTime(14, 0).atZone(BERLIN).toInstant());
        // the week before: for moving back and forth
        create(missingDisconnection, "10.0.0.9", monday.minusDays(3) + "T10:00", monday.minusDays(3) + "T11:15");
        missing("disconnection", missingDisconnection, "10.0.0.8", monday.plusDays(3).atTime(8, 0).atZone(BERLIN).toInstant());

        // no session: the calendar's address leads to the login form
        browser.get(base + "/");
        assertLoginForm();
        // a wrong token: an error, and no calendar
        login("not-a-token");
        assertTrue(browser.getCurrentUrl().endsWith("/login.xhtml?failed=true"), browser.getCurrentUrl());
        assertEquals("That token is not valid. Try again.", browser.findElement(By.id("login-error")).getText());
        assertTrue(browser.findElements(By.id("timeline")).isEmpty());

        login(READ);
        assertEquals(base + "/", browser.getCurrentUrl());
        drawn();
        assertEquals("Times in Europe/Berlin", browser.findElement(By.id("zone")).getText());
        assertEquals("Week", browser.findElement(By.cssSelector(".presets .active")).getText());

        String week = "/calendar.xhtml?start=" + monday + "&end=" + monday.plusDays(6);
        open(week);
        List<String> rows = rows();
        assertTrue(rows.containsAll(List.of(closed, missingConnection, missingDisconnection)), rows.toString());
        assertEquals(DateTimeFormatter.ofPattern("EEE d MMM uuuu", java.util.Locale.ENGLISH).format(monday) + " – "
                + DateTimeFormatter.ofPattern("EEE d MMM uuuu", java.util.Locale.ENGLISH).format(monday.plusDays(6)),
                browser.findElement(By.id("range")).getText());
        assertEquals(3, browser.findElements(By.cssSelector(".legend .legend-item")).size());
        screenshot("calendar-week.png");

        // previous week and back
        follow(By.id("previous"));
        assertTrue(browser.getCurrentUrl().endsWith("start=" + monday.minusWeeks(1) + "&end=" + monday.minusDays(1)),
                browser.getCurrentUrl());
        assertTrue(rows().contains(missingDisconnection));
        assertFalse(rows().contains(closed));
        follow(By.id("next"));
        assertTrue(browser.getCurrentUrl().endsWith(week.substring(1)), browser.getCurrentUrl());
        assertTrue(rows().contains(closed));

        // one device each, through the filter, in any spelling: its colour and its tooltip
        assertOnlyBar(closed, "rgba(0, 115, 183, 1)", "Connection: " + monday.plusDays(1) + " 09:00\nDisconnection: "
                + monday.plusDays(1) + " 17:30\nIP: 192.168.1.10");
        assertOnlyBar(missingConnection, "rgba(243, 156, 18, 1)", "Connection: <missing event>\nDisconnection: "
                + monday.plusDays(2) + " 14:00\nIP: 10.0.0.7");
        assertOnlyBar(missingDisconnection, "rgba(243, 156, 18, 1)", "Connection: " + monday.plusDays(3)
                + " 08:00\nDisconnection: <missing event>\nIP: 10.0.0.8");

        // an open session, in the current days
        String open = randomMac();
        Instant start = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        create(open, "10.9.8.7", start.toString(), null);
        open("/calendar.xhtml?start=" + start.atZone(BERLIN).toLocalDate() + "&end=" + LocalDate.now(BERLIN) + "&mac=" + open);
        assertEquals(List.of(open), rows());
        WebElement bar = browser.findElement(By.cssSelector(".vis-item"));
        assertEquals("rgba(0, 166, 89, 1)", bar.getCssValue("background-color"));
        assertEquals("Connection: " + DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").format(start.atZone(BERLIN))
                + "\nDisconnection: <still connected>\nIP: 10.9.8.7", tooltip(bar));

        // logout ends the session: the calendar's address leads to the login form again
        leave(By.id("logout"));
        assertLoginForm();
        assertEquals("You are logged out.", browser.findElement(By.id("logged-out")).getText());
        browser.get(base + week);
        assertLoginForm();
    }

    @Test
    void withoutASessionNoPageOrAjaxRequestAnswersWithData() {
        Api.Reply page = api.get("/calendar.xhtml?start=2023-01-02&end=2023-01-08", null);
        assertEquals(302, page.status());
        assertEquals(base + "/login.xhtml", page.header("Location"));
        Api.Reply ajax = api.send(HttpRequest.newBuilder(api.base().resolve("/calendar.xhtml"))
                .header("Faces-Request", "partial/ajax").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("jakarta.faces.partial.ajax=true&jakarta.faces.source=timeline")));
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\"/login.xhtml\"/></partial-response>",
                ajax.body());
        // a bearer token is for the API, not for the page
        Api.Reply bearer = api.get("/calendar.xhtml", READ);
        assertEquals(302, bearer.status());
        // the login form and the page's static resources are public
        assertEquals(200, api.get("/login.xhtml", null).status());
        assertEquals(200, api.get("/jakarta.faces.resource/calendar.css.xhtml?ln=calendar", null).status());
    }

    private static String line(String mac, String ip, String start, String end) {
        return "{\"mac\":\"" + mac + "\",\"ip\":\"" + ip + "\",\"start_time\":\"" + start + "\",\"end_time\":\"" + end + "\"}\n";
    }

    /**
     * 500 devices, a week of sessions each: how long from navigation until the bars are drawn
     * (printed, not asserted: a shared machine's timing is no test), and that the page shows
     * exactly what the JSON endpoint answers for the same window.
     */
    @Test
    void aWeekOf500DevicesAgreesWithTheJsonAndIsTimed() throws Exception {
        // a week of 2011: more than the test server's stale limit of ten years ago (see missing disconnections below)
        LocalDate monday = LocalDate.of(2011, 1, 3).plusWeeks(ThreadLocalRandom.current().nextInt(50));
        List<String> macs = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            macs.add(randomMac());
        }
        long loading = System.nanoTime();
        // about 2% of the sessions are missing one end. They are planted first, through the presence
        // engine: a missing connection needs a device without sessions, and a missing disconnection
        // is open (and would overlap the later sessions) until the stale-session timer has seen it
        Map<String, Instant> goingStale = new HashMap<>();
        for (int device = 0; device < macs.size(); device++) {
            if (device % 25 == 0) {
                missing("connection", macs.get(device), "10.2.0.1", monday.plusDays(3).atTime(22, 0).atZone(BERLIN).toInstant());
            } else if (device % 25 == 12) {
                Instant connected = monday.plusDays(4).atTime(20, 0).atZone(BERLIN).toInstant();
                MissingEnds.connectedLongAgo(api, macs.get(device), "10.2.0.2", connected);
                goingStale.put(macs.get(device), connected);
            }
        }
        MissingEnds.awaitStale(api, goingStale);
        long planted = System.nanoTime();
        StringBuilder upload = new StringBuilder();
        for (int device = 0; device < macs.size(); device++) {
            String mac = macs.get(device);
            String minute = pad(device % 60);
            String ip = "10.1." + device / 250 + "." + device % 250;
            for (int day = 0; day < 7; day++) {
                LocalDate date = monday.plusDays(day);
                upload.append(line(mac, ip, date + "T07:" + minute, date + "T12:" + minute));
                upload.append(line(mac, ip, date + "T13:" + minute, date + "T18:" + minute));
            }
        }
        Api.Reply imported = api.send("POST", "/sessions/import", ADMIN, "application/x-ndjson", upload.toString());
        assertEquals(200, imported.status(), imported.body());
        System.out.printf("CALENDAR PAGE: stored 500 devices' week (%d sessions) in %d ms: %d ms for the 40 missing ones"
                        + " (their observations and the stale timer), %d ms for the import%n", 500 * 14 + 40,
                (System.nanoTime() - loading) / 1_000_000, (planted - loading) / 1_000_000, (System.nanoTime() - planted) / 1_000_000);

        login(READ);
        String window = "start=" + monday + "&end=" + monday.plusDays(6);
        long navigation = System.nanoTime();
        browser.get(base + "/calendar.xhtml?" + window);
        drawn();
        long wallClock = (System.nanoTime() - navigation) / 1_000_000;
        Number drawnAt = (Number) ((JavascriptExecutor) browser).executeScript("return window.calendarDrawnAt");
        List<String> rows = rows();
        Number answered = (Number) script("return performance.getEntriesByType('navigation')[0].responseEnd");
        Number parsed = (Number) script("return performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd");
        System.out.printf("CALENDAR PAGE: %d rows, %d bars; drawn %.0f ms after navigation start (page received at %.0f ms,"
                        + " parsed at %.0f ms; test's wall clock %d ms)%n",
                rows.size(), ((Number) script("return PF('calendar').instance.itemsData.length")).intValue(),
                drawnAt.doubleValue(), answered.doubleValue(), parsed.doubleValue(), wallClock);
        assertTrue(rows.containsAll(macs));
        screenshot("calendar-500-devices.png");

        // the same window from the JSON endpoint: the same sessions, times, colours and tooltips
        Api.Reply json = api.get("/sessions/calendar?" + window, READ);
        assertEquals(200, json.status(), json.body());
        // compared for this test's devices: other tests' open sessions in the shared database end
        // "now", which moves between the two requests
        Set<String> mine = new HashSet<>(macs);
        List<String> expected = json.json().getJsonArray("sessions").stream().map(JsonValue::asJsonObject)
                .map(CalendarPageIT::line).filter(line -> mine.contains(line.substring(0, 17))).sorted().toList();
        List<String> shown = pageLines().stream().filter(line -> mine.contains(line.substring(0, 17))).sorted().toList();
        assertEquals(500 * 14 + 40, expected.size());
        assertEquals(expected, shown);

        ExecutorService cleaner = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> deletes = macs.stream()
                    .map(mac -> (Callable<Integer>) () -> api.delete("/sessions/delete?mac=" + mac, ADMIN, null).status()).toList();
            for (Future<Integer> done : cleaner.invokeAll(deletes)) {
                assertEquals(200, done.get());
            }
        } finally {
            cleaner.shutdownNow();
        }
    }

    // ----- the browser

    void login(String token) {
        browser.get(base + "/login.xhtml");
        browser.findElement(By.id("token")).sendKeys(token);
        leave(By.id("sign-in"));
    }

    /** Clicks and waits until the browser has left the page. */
    void leave(By target) {
        Chromium.leave(browser, browser.findElement(target));
    }

    /** Clicks and waits until the next calendar is drawn. */
    void follow(By target) {
        leave(target);
        drawn();
    }

    void assertLoginForm() {
        assertTrue(browser.getCurrentUrl().startsWith(base + "/login.xhtml"), browser.getCurrentUrl());
        assertTrue(browser.findElement(By.id("token")).isDisplayed());
        assertTrue(browser.findElements(By.id("timeline")).isEmpty());
    }

    void open(String path) {
        browser.get(base + path);
        drawn();
    }

    /** Waits until the timeline has drawn its bars (calendar.js records the moment). */
    void drawn() {
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(driver -> script("return window.calendarDrawnAt !== undefined") == Boolean.TRUE);
    }

    Object script(String javascript) {
        return ((JavascriptExecutor) browser).executeScript(javascript);
    }

    /** The devices' rows, top to bottom, by MAC (their labels show the name too, see DevicePageIT). */
    @SuppressWarnings("unchecked")
    List<String> rows() {
        return (List<String>) script("return PF('calendar').instance.groupsData.get().map(g => g.id)");
    }

    void assertOnlyBar(String mac, String color, String tooltip) {
        browser.findElement(By.id("mac")).clear();
        browser.findElement(By.id("mac")).sendKeys(mac.toLowerCase().replace(':', '-'));
        follow(By.id("show"));
        assertTrue(browser.getCurrentUrl().contains("mac="), browser.getCurrentUrl());
        assertEquals(List.of(mac), rows());
        assertEquals("1 device, 1 session", browser.findElement(By.id("summary")).getText());
        WebElement bar = browser.findElement(By.cssSelector(".vis-item"));
        assertEquals(color, bar.getCssValue("background-color"));
        assertEquals(tooltip, tooltip(bar));
    }

    String tooltip(WebElement bar) {
        new Actions(browser).moveToElement(browser.findElement(By.id("zone"))).perform();
        new Actions(browser).moveToElement(bar).perform();
        WebElement tip = new WebDriverWait(browser, Duration.ofSeconds(5)).until(driver -> driver.findElements(By.cssSelector(".vis-tooltip"))
                .stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
        return tip.getText();
    }

    /**
     * Every bar the page holds, as "row|start|end|colour|tooltip": the colour is what the page's CSS
     * paints a bar of that class in, the tooltip the text a person reads.
     */
    @SuppressWarnings("unchecked")
    List<String> pageLines() {
        return (List<String>) script("""
                const probe = document.createElement('div');
                document.querySelector('#timeline .vis-itemset').appendChild(probe);
                const hex = rgb => '#' + rgb.match(/\\d+/g).slice(0, 3).map(n => (+n).toString(16).padStart(2, '0')).join('');
                const colours = {};
                const colour = className => {
                    if (!(className in colours)) {
                        probe.className = 'vis-item vis-range ' + className;
                        colours[className] = hex(getComputedStyle(probe).backgroundColor);
                    }
                    return colours[className];
                };
                const text = html => new DOMParser().parseFromString(html, 'text/html').documentElement.textContent;
                const wall = date => date.toISOString().substring(0, 19);
                const lines = PF('calendar').instance.itemsData.get().map(item => [item.group, wall(item.start), wall(item.end),
                        colour(item.className), text(item.title)].join('|'));
                probe.remove();
                return lines;
                """);
    }

    static String line(JsonObject event) {
        return String.join("|", event.getString("resourceId"), event.getString("start"), event.getString("end"),
                event.getString("color"), event.getString("tooltip"));
    }

    void screenshot(String name) throws IOException {
        Files.write(TARGET.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    // ----- the API

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
    void missing(String kind, String mac, String ip, Instant at) {
        if (kind.equals("connection")) {
            MissingEnds.connection(api, mac, ip, at);
        } else {
            MissingEnds.disconnection(api, mac, ip, at);
        }
    }

    static String pad(int minute) {
        return minute < 10 ? "0" + minute : String.valueOf(minute);
    }
}

package net.presence.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
import org.openqa.selenium.support.ui.WebDriverWait;

import static net.presence.it.Api.ADMIN;
import static net.presence.it.Api.READ;
import static net.presence.it.Api.randomMac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The device page in a real browser (Debian's headless Chromium): reached from the device's calendar
 * row, which shows its name; its uptime, heatmap and sessions agree with hand-built data and with the
 * API; an admin login renames the device, a read login cannot; the CSV download works with the page's
 * login cookie. And the occupancy chart above the calendar draws what the occupancy route answers.
 * <p>
 * The data: a device home 5 hours a day at the same wall hours, every day of the last 32 but Sundays,
 * the hours chosen at least an hour away from the time of the test, so that no window of the page
 * (24 hours, 7 and 30 days up to now) cuts a session: each figure is then known exactly.
 */
class DevicePageIT extends DeployedWar {

    static final ZoneId BERLIN = ZoneId.of(Api.ZONE);
    static final Path TARGET = Path.of(System.getProperty("sessions.war", "target/sessions.war")).getParent();
    static final Duration STAY = Duration.ofHours(5);
    static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

    static WebDriver browser;

    String base;
    String mac;
    /** The device's sessions' starts, newest first. */
    List<LocalDateTime> stays;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = Chromium.start("device", 1400, 1500);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void plant() {
        base = api.base().toString();
        browser.manage().deleteAllCookies();
        mac = randomMac();
        LocalDateTime now = LocalDateTime.now(BERLIN);
        // 5 hours within one day, at least an hour away from now's time of day on both sides
        int hour = now.getHour() <= 16 ? now.getHour() + 2 : now.getHour() - 7;
        stays = new ArrayList<>();
        StringBuilder upload = new StringBuilder();
        for (int daysAgo = 0; daysAgo <= 32; daysAgo++) {
            LocalDate day = now.toLocalDate().minusDays(daysAgo);
            LocalDateTime start = day.atTime(hour, 0);
            if (day.getDayOfWeek() == DayOfWeek.SUNDAY || !start.plus(STAY).isBefore(now.minusHours(1))) {
                continue;
            }
            stays.add(start);
            upload.append("{\"mac\":\"").append(mac).append("\",\"ip\":\"10.20.30.40\",\"start_time\":\"").append(start)
                    .append("\",\"end_time\":\"").append(start.plus(STAY)).append("\"}\n");
        }
        Api.Reply imported = api.send("POST", "/sessions/import", ADMIN, "application/x-ndjson", upload.toString());
        assertEquals(200, imported.status(), imported.body());
    }

    // ----- the tests

    @Test
    void theNamedRowLeadsToTheDevicePageWhereAnAdminRenamesItAndEveryFigureIsRight() throws IOException {
        String name = "Kitchen <iPad> & Co";
        Api.Reply named = api.send("PUT", "/sessions/devices/" + mac, ADMIN, "application/json", "{\"name\":\"Kitchen <iPad> & Co\"}");
        assertEquals(200, named.status(), named.body());

        login(ADMIN);
        // the week before last: wholly past, so the occupancy chart and the route agree to the digit
        LocalDate monday = LocalDate.now(BERLIN).minusWeeks(2).with(DayOfWeek.MONDAY);
        String window = "start=" + monday + "&end=" + monday.plusDays(6);
        open("/calendar.xhtml?" + window + "&mac=" + mac);
        // the row: the name, and the MAC in smaller type
        WebElement label = browser.findElement(By.cssSelector(".vis-label a[href*='" + Api.encode(mac) + "']"));
        assertEquals(name, label.findElement(By.tagName("span")).getText());
        assertEquals(mac, label.findElement(By.tagName("small")).getText());
        assertTrue(Double.parseDouble(label.findElement(By.tagName("small")).getCssValue("font-size").replace("px", ""))
                < Double.parseDouble(label.findElement(By.tagName("span")).getCssValue("font-size").replace("px", "")));
        // the occupancy chart: the route's series for the same window, step by step
        Api.Reply occupancy = api.get("/sessions/occupancy?" + window + "&step=1%20hour", READ);
        assertEquals(200, occupancy.status(), occupancy.body());
        List<Long> devices = occupancy.json().getJsonArray("series").stream()
                .map(point -> (long) point.asJsonObject().getInt("devices")).toList();
        assertEquals(devices, numbers("return window.sessionsCharts.occupancy.getOption().series[0].data").stream()
                .map(Number::longValue).toList());
        assertTrue(devices.stream().anyMatch(count -> count > 0), devices.toString());

        // a click on the row opens the device's page
        leave(label);
        assertEquals(base + "/device.xhtml?mac=" + Api.encode(mac), browser.getCurrentUrl());
        charted();
        assertEquals(name, text("device-name"));
        assertEquals(mac, text("device-mac"));
        assertEquals("Not connected", text("connected-now"));
        assertEquals(DISPLAY.format(stays.get(stays.size() - 1)), text("first-seen"));
        assertEquals(DISPLAY.format(stays.get(0).plus(STAY)), text("last-seen"));
        assertUptime();
        assertHeatmap();
        assertSessions();
        assertCsv();

        // a name the API would refuse: the same rule, the reason, and nothing changed
        rename("x".repeat(65));
        assertEquals("The name is invalid: expected a name of 1 to 64 characters after trimming, without control characters",
                text("name-problem"));
        assertEquals("x".repeat(65), browser.findElement(By.id("name")).getAttribute("value"));
        assertEquals(name, storedName());
        // a good one
        rename("  Fridge  ");
        assertEquals(base + "/device.xhtml?mac=" + Api.encode(mac) + "&saved=true", browser.getCurrentUrl());
        assertEquals("Name saved.", text("name-saved"));
        assertEquals("Fridge", text("device-name"));
        assertEquals("Fridge", storedName());
        charted();
        screenshot("device.png");
        // cleared: the MAC alone
        leave(browser.findElement(By.id("clear")));
        assertEquals(mac, text("device-name"));
        assertTrue(browser.findElements(By.id("device-mac")).isEmpty());
        assertEquals(null, storedName());
        open("/calendar.xhtml?" + window + "&mac=" + mac);
        WebElement plain = browser.findElement(By.cssSelector(".vis-label a[href*='" + Api.encode(mac) + "']"));
        assertEquals(mac, plain.getText());
        assertTrue(plain.findElements(By.tagName("small")).isEmpty());

        // a click on a bar opens the page too
        WebElement bar = browser.findElement(By.cssSelector(".vis-item"));
        leave(bar);
        assertTrue(browser.getCurrentUrl().startsWith(base + "/device.xhtml?mac="), browser.getCurrentUrl());
    }

    @Test
    void aReadLoginSeesTheNameButCannotChangeIt() {
        assertEquals(200, api.send("PUT", "/sessions/devices/" + mac, ADMIN, "application/json", "{\"name\":\"Printer\"}").status());
        login(READ);
        browser.get(base + "/device.xhtml?mac=" + mac.toLowerCase().replace(':', '-'));
        charted();
        assertEquals("Printer", text("device-name"));
        assertTrue(browser.findElements(By.id("rename")).isEmpty(), "a read login got the name form");
        assertEquals("Renaming a device needs an admin login.", text("name-read-only"));
        // the form posted anyway, from the page itself: refused, and the name stays
        Object status = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('device.xhtml?mac=' + encodeURIComponent(arguments[0]), {method: 'POST',
                        headers: {'Content-Type': 'application/x-www-form-urlencoded'}, body: 'name=Hacked'})
                    .then(answer => answer.text().then(text => done([answer.status, text])));
                """, mac);
        assertEquals(403L, ((List<?>) status).get(0), String.valueOf(status));
        assertTrue(String.valueOf(((List<?>) status).get(1)).contains("renaming a device needs an admin login"), String.valueOf(status));
        assertEquals("Printer", storedName());
        // the CSV download works with the read login's cookie too
        assertCsv();
    }

    @Test
    void aBadAddressSaysWhyAndAnUnknownDeviceHasNothing() {
        login(READ);
        browser.get(base + "/device.xhtml?mac=not-a-mac");
        assertTrue(text("problem").startsWith("Parameter 'mac'"), text("problem"));
        String unknown = randomMac();
        browser.get(base + "/device.xhtml?mac=" + unknown);
        charted();
        assertEquals(unknown, text("device-name"));
        assertEquals("never", text("first-seen"));
        assertEquals("0 in all", text("session-total"));
        assertEquals(List.of("0.0 %", "0.0 %", "0.0 %"), browser.findElements(By.cssSelector("#uptime .percent")).stream()
                .map(WebElement::getText).toList());
    }

    // ----- what the page must show

    /** Each period's figures: the sessions that start in it (none is cut), as the presence route counts them too. */
    void assertUptime() {
        ZonedDateTime now = ZonedDateTime.now(BERLIN);
        List<String> expected = new ArrayList<>();
        for (Map.Entry<String, ZonedDateTime> period : List.of(Map.entry("24 hours", now.minusHours(24)),
                Map.entry("7 days", now.minusDays(7)), Map.entry("30 days", now.minusDays(30)))) {
            long inside = stays.stream().filter(start -> start.atZone(BERLIN).isAfter(period.getValue())).count();
            long connected = inside * STAY.toSeconds();
            long window = Duration.between(period.getValue(), now).toSeconds();
            String percent = BigDecimal.valueOf(connected * 100).divide(BigDecimal.valueOf(window), 1, RoundingMode.HALF_UP) + " %";
            expected.add(String.join("|", period.getKey(), percent, duration(connected), String.valueOf(inside)));

            Api.Reply presence = api.get("/sessions/" + mac + "/presence?period=" + period.getKey().replace(" ", "%20"), READ);
            assertEquals(200, presence.status(), presence.body());
            assertEquals(connected, presence.json().getJsonNumber("connected_seconds").longValue(), period.getKey());
            assertEquals(percent, presence.json().getJsonNumber("uptime_percent").bigDecimalValue() + " %", period.getKey());
        }
        List<String> shown = browser.findElements(By.cssSelector("#uptime tbody tr")).stream()
                .map(row -> row.findElements(By.cssSelector("th, td")).stream().limit(4).map(WebElement::getText).toList())
                .map(cells -> String.join("|", cells)).toList();
        assertEquals(expected, shown);
    }

    /** Home every day at the same hours but Sundays: those hours 1 on six weekdays, 0 on Sunday and at every other hour. */
    void assertHeatmap() {
        int first = stays.get(0).getHour();
        List<List<String>> drawn = cells("return window.sessionsCharts.heatmap.getOption().series[0].data");
        JsonArray api = this.api.get("/sessions/" + mac + "/presence?period=30%20days", READ).json().getJsonArray("heatmap");
        assertEquals(7 * 24, drawn.size());
        for (List<String> cell : drawn) {
            int hour = Integer.parseInt(cell.get(0));
            int day = Integer.parseInt(cell.get(1));
            BigDecimal share = new BigDecimal(cell.get(2));
            boolean home = day != 6 && hour >= first && hour < first + STAY.toHours();
            assertEquals(0, share.compareTo(home ? BigDecimal.ONE : BigDecimal.ZERO), "day " + day + ", hour " + hour + ": " + share);
            assertEquals(0, share.compareTo(((JsonNumber) api.getJsonArray(day).get(hour)).bigDecimalValue()), "day " + day + ", hour " + hour);
        }
        // and drawn: the canvas holds the chart
        assertTrue(browser.findElement(By.cssSelector("#heatmap canvas")).isDisplayed());
    }

    /** Newest first, 20 a page, the list's display times; the second page holds the rest. */
    void assertSessions() {
        assertEquals(stays.size() + " in all", text("session-total"));
        assertEquals("Page 1 of " + ((stays.size() + 19) / 20), text("sessions-page"));
        assertEquals(expectedRows(0, Math.min(20, stays.size())), rows());
        if (stays.size() > 20) {
            leave(browser.findElement(By.id("sessions-next")));
            assertEquals("Page 2 of 2", text("sessions-page"));
            assertEquals(expectedRows(20, stays.size()), rows());
            leave(browser.findElement(By.id("sessions-previous")));
            assertEquals("Page 1 of 2", text("sessions-page"));
            charted();
        }
    }

    List<String> expectedRows(int from, int to) {
        return stays.subList(from, to).stream().map(start -> String.join("|", DISPLAY.format(start), DISPLAY.format(start.plus(STAY)),
                "5h 0m", "10.20.30.40", "Connected", "Disconnected")).toList();
    }

    List<String> rows() {
        return browser.findElements(By.cssSelector("#sessions tbody tr")).stream()
                .map(row -> row.findElements(By.tagName("td")).stream().skip(1).limit(6).map(WebElement::getText).toList())
                .map(cells -> String.join("|", cells)).toList();
    }

    /** The page's download link, followed by the page itself with its cookie: CSV, the device's sessions, newest first. */
    @SuppressWarnings("unchecked")
    void assertCsv() {
        String href = browser.findElement(By.id("csv")).getAttribute("href");
        assertFalse(href.contains("token") || href.contains(ADMIN) || href.contains(READ), href);
        List<Object> answer = (List<Object>) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(answer => answer.text().then(text => done([answer.status,
                        answer.headers.get('Content-Type'), answer.headers.get('Content-Disposition'), text])));
                """, href);
        assertEquals(200L, answer.get(0), String.valueOf(answer));
        assertEquals("text/csv;charset=utf-8", String.valueOf(answer.get(1)).replace(" ", "").toLowerCase());
        assertTrue(String.valueOf(answer.get(2)).startsWith("attachment; filename=\"sessions-list-"), String.valueOf(answer.get(2)));
        List<String> lines = List.of(((String) answer.get(3)).split("\r\n"));
        assertEquals("ses_MAC,ses_Connection,ses_Disconnection,ses_Duration,ses_IP,ses_Info,ses_DateTimeConnection,"
                + "ses_DateTimeDisconnection,ses_EventTypeConnection,ses_EventTypeDisconnection,ses_StillConnected,ses_DurationSeconds",
                lines.get(0));
        List<String> expected = stays.stream().map(start -> String.join(",", mac, DISPLAY.format(start), DISPLAY.format(start.plus(STAY)),
                "5h 0m", "10.20.30.40", "\"\"", iso(start), iso(start.plus(STAY)), "Connected", "Disconnected", "false", "18000")).toList();
        assertEquals(expected, lines.subList(1, lines.size()));
        // the same address without the page's cookie: the API's 401, no rows
        Api.Reply anonymous = api.get(href.substring(base.length()), null);
        assertEquals(401, anonymous.status(), anonymous.body());
    }

    static String iso(LocalDateTime wall) {
        return DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx").format(wall.atZone(BERLIN));
    }

    static String duration(long seconds) {
        long minutes = seconds / 60;
        long days = minutes / (24 * 60);
        return days > 0 ? days + "d " + minutes / 60 % 24 + "h " + minutes % 60 + "m" : minutes / 60 + "h " + minutes % 60 + "m";
    }

    String storedName() {
        Api.Reply listed = api.get("/sessions/devices?q=" + Api.encode(mac), READ);
        assertEquals(200, listed.status(), listed.body());
        JsonObject device = listed.json().getJsonArray("devices").getJsonObject(0);
        assertEquals(mac, device.getString("mac"));
        return device.isNull("name") ? null : device.getString("name");
    }

    // ----- the browser

    void login(String token) {
        browser.get(base + "/login.xhtml");
        browser.findElement(By.id("token")).sendKeys(token);
        leave(browser.findElement(By.id("sign-in")));
    }

    void rename(String name) {
        WebElement field = browser.findElement(By.id("name"));
        field.clear();
        field.sendKeys(name);
        leave(browser.findElement(By.id("save")));
    }

    void open(String path) {
        browser.get(base + path);
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(driver -> script("return window.calendarDrawnAt !== undefined && window.chartsDrawn === true") == Boolean.TRUE);
    }

    void charted() {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> script("return window.chartsDrawn === true") == Boolean.TRUE);
    }

    String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    /** Clicks and waits until the browser has left the page. */
    void leave(WebElement target) {
        Chromium.leave(browser, target);
    }

    Object script(String javascript) {
        return ((JavascriptExecutor) browser).executeScript(javascript);
    }

    @SuppressWarnings("unchecked")
    List<Number> numbers(String javascript) {
        return (List<Number>) script(javascript);
    }

    /** The heatmap's cells as the chart holds them, [hour, weekday, share], as text. */
    @SuppressWarnings("unchecked")
    List<List<String>> cells(String javascript) {
        return ((List<List<Object>>) script(javascript)).stream()
                .map(cell -> cell.stream().map(String::valueOf).toList())
                .sorted(Comparator.comparing((List<String> cell) -> cell.get(1)).thenComparing(cell -> cell.get(0)))
                .toList();
    }

    void screenshot(String name) throws IOException {
        Files.write(TARGET.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}

package net.presence.it;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import static net.presence.it.Api.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page's web security (issue 16, item 6): its headers, a new session id at every login, and the
 * login and logout forms refused when another site posts them, over HTTP and in a real browser.
 */
class PageSecurityIT extends DeployedWar {

    static final String REFUSED = "A login or logout must come from this site's own page";
    /** The page's login cookie (security.LoginCookies): signed, so any server can check it. */
    static final String COOKIE = "sessions_login";
    static final Pattern SESSION = Pattern.compile(COOKIE + "=([^;]+)");

    static WebDriver browser;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = Chromium.start("security", 1200, 900);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void pagesCarryAStrictPolicyAndNoCaching() {
        Api.Reply login = api.get("/login.xhtml", null);
        assertEquals(200, login.status(), login.toString());
        assertPageHeaders(login);

        String session = login(null);
        Api.Reply calendar = api.send(page("/calendar.xhtml", session).GET());
        assertEquals(200, calendar.status(), calendar.toString());
        assertPageHeaders(calendar);
        // the page's scripts run by the nonce the policy names, never as inline script without it
        String policy = calendar.header("Content-Security-Policy");
        Matcher nonce = Pattern.compile("'nonce-([^']+)'").matcher(policy);
        assertTrue(nonce.find(), policy);
        Matcher scripts = Pattern.compile("<script(?![^>]*\\bsrc=)([^>]*)>").matcher(calendar.body());
        while (scripts.find()) {
            assertTrue(scripts.group(1).contains("nonce=\"" + nonce.group(1) + "\""), "an inline script without the nonce: "
                    + scripts.group());
        }
        assertFalse(calendar.body().matches("(?s).*\\son[a-z]+=\".*"), "an inline event handler in the page");

        // API answers are not to be sniffed, framed or cached either
        Api.Reply list = api.get("/sessions/list?limit=1", ADMIN);
        assertEquals("nosniff", list.header("X-Content-Type-Options"));
        assertEquals("no-store", list.header("Cache-Control"));
    }

    @Test
    void theDevicePageAndItsDownloadNeedALoginAndItsFormComesFromThisSiteOnly() {
        String mac = Api.randomMac();
        Api.Reply created = api.post("/sessions/create", ADMIN, "{\"mac\":\"" + mac + "\",\"ip\":\"10.1.2.3\",\"start_time\":\"2020-05-04T10:00\","
                + "\"end_time\":\"2020-05-04T11:00\"}");
        assertEquals(200, created.status(), created.body());
        String device = "/device.xhtml?mac=" + mac;
        // no login, or an API token: the login form, and no data
        Api.Reply anonymous = api.get(device, null);
        assertEquals(302, anonymous.status(), anonymous.toString());
        assertEquals(api.base() + "/login.xhtml", anonymous.header("Location"));
        assertFalse(anonymous.body().contains(mac), anonymous.body());
        assertEquals(302, api.get(device, ADMIN).status());
        Api.Reply form = api.send(HttpRequest.newBuilder(api.base().resolve(device)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("name=Anonymous")));
        assertEquals(302, form.status(), form.toString());

        // logged in: the page, under the same headers and policy as the calendar
        String session = login(null);
        Api.Reply page = api.send(page(device, session).GET());
        assertEquals(200, page.status(), page.toString());
        assertTrue(page.body().contains(mac), page.body());
        assertPageHeaders(page);
        assertNoInlineScriptWithoutTheNonce(page);

        // the name form posted by another site: refused before the page runs, the name unchanged
        for (String[] from : List.of(new String[] {"Origin", "http://evil.example"}, new String[] {"Sec-Fetch-Site", "cross-site"})) {
            Api.Reply forged = api.send(page(device, session).header(from[0], from[1])
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("name=Forged")));
            assertEquals(403, forged.status(), from[0] + ": " + forged);
            assertEquals("A change must come from this site's own page", forged.json().getString("message"));
        }
        Api.Reply own = api.send(page(device, session).header("Origin", api.base().toString())
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("name=Own")));
        assertEquals(302, own.status(), own.toString());
        Api.Reply named = api.get("/sessions/devices?q=" + mac, ADMIN);
        assertEquals("Own", named.json().getJsonArray("devices").getJsonObject(0).getString("name"));

        // the page's CSV download: the login cookie stands for a token there, and only there
        String csv = "/sessions/list?mac=" + mac + "&limit=10000&format=csv";
        Api.Reply download = api.send(page(csv, session).GET());
        assertEquals(200, download.status(), download.toString());
        assertEquals("text/csv;charset=utf-8", download.header("Content-Type").replace(" ", "").toLowerCase());
        assertEquals(2, download.body().split("\r\n").length, download.body());
        assertTrue(download.body().split("\r\n")[1].startsWith(mac + ",2020-05-04 10:00,2020-05-04 11:00,"), download.body());
        assertEquals(401, api.get(csv, null).status());
        Api.Reply crossSite = api.send(page(csv, session).header("Sec-Fetch-Site", "cross-site").GET());
        assertEquals(403, crossSite.status(), crossSite.toString());
        // the JSON API ignores the cookie
        assertEquals(401, api.send(page("/sessions/list?mac=" + mac, session).GET()).status());
        assertEquals(401, api.send(page("/sessions/list?mac=" + mac + "&format=json", session).GET()).status());
        assertEquals(401, api.send(page("/sessions/devices?format=csv", session).GET()).status());
    }

    static void assertNoInlineScriptWithoutTheNonce(Api.Reply page) {
        String policy = page.header("Content-Security-Policy");
        Matcher nonce = Pattern.compile("'nonce-([^']+)'").matcher(policy);
        assertTrue(nonce.find(), policy);
        Matcher scripts = Pattern.compile("<script(?![^>]*\\bsrc=)([^>]*)>").matcher(page.body());
        while (scripts.find()) {
            assertTrue(scripts.group(1).contains("nonce=\"" + nonce.group(1) + "\""), "an inline script without the nonce: "
                    + scripts.group());
        }
        assertFalse(page.body().matches("(?s).*\\son[a-z]+=\".*"), "an inline event handler in the page");
    }

    @Test
    void everyLoginGetsANewSessionId() {
        String first = login(null);
        String second = login(first);
        assertNotEquals(first, second, "the session id did not change at login");
        // the old id is no longer logged in
        Api.Reply old = api.send(page("/calendar.xhtml", first).GET());
        assertEquals(302, old.status(), old.toString());
        assertEquals(200, api.send(page("/calendar.xhtml", second).GET()).status());
    }

    @Test
    void anotherSitesLoginOrLogoutIsRefused() {
        String session = login(null);
        for (String[] from : List.of(new String[] {"Origin", "http://evil.example"}, new String[] {"Origin", "null"},
                new String[] {"Sec-Fetch-Site", "cross-site"}, new String[] {"Referer", "http://evil.example/page"})) {
            Api.Reply logout = api.send(page("/logout", session).header(from[0], from[1])
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("")));
            assertEquals(403, logout.status(), from[0] + ": " + logout);
            assertEquals(REFUSED, logout.json().getString("message"));

            Api.Reply login = api.send(HttpRequest.newBuilder(api.base().resolve("/login")).timeout(Duration.ofSeconds(60))
                    .header(from[0], from[1]).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("token=" + ADMIN)));
            assertEquals(403, login.status(), from[0] + ": " + login);
            assertTrue(login.headers().allValues("Set-Cookie").isEmpty(), "a forged login got a session");
        }
        // still logged in after every forged logout
        assertEquals(200, api.send(page("/calendar.xhtml", session).GET()).status());
        // the page's own logout works
        Api.Reply own = api.send(page("/logout", session).header("Origin", api.base().toString())
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("")));
        assertEquals(302, own.status(), own.toString());
        assertEquals(302, api.send(page("/calendar.xhtml", session).GET()).status());
    }

    @Test
    void inTheBrowserTheCalendarRunsUnderThePolicyAndAForgedLogoutIsRefused() {
        String base = api.base().toString();
        browser.manage().deleteAllCookies();
        browser.get(base + "/login.xhtml");
        browser.findElement(By.id("token")).sendKeys(ADMIN);
        browser.findElement(By.id("sign-in")).click();
        // the timeline is drawn by the page's scripts: they run under the policy
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(driver -> ((JavascriptExecutor) driver).executeScript("return window.calendarDrawnAt !== undefined") == Boolean.TRUE);

        // another page (an opaque data: origin) posts the logout form to the server
        for (String action : List.of("/logout", "/login")) {
            browser.get("data:text/html,<form method='post' action='" + base + action + "'><input name='token' value='x'></form>"
                    + "<script>document.forms[0].submit()</script>");
            new WebDriverWait(browser, Duration.ofSeconds(60)).until(driver -> driver.getPageSource().contains(REFUSED)
                    || driver.getCurrentUrl().startsWith(base));
            assertTrue(browser.getPageSource().contains(REFUSED), action + ": " + browser.getPageSource());
        }

        // and the visitor is still logged in
        browser.get(base + "/calendar.xhtml");
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(driver -> ((JavascriptExecutor) driver).executeScript("return window.calendarDrawnAt !== undefined") == Boolean.TRUE);
        assertTrue(browser.getCurrentUrl().startsWith(base + "/calendar.xhtml"), browser.getCurrentUrl());
    }

    // ----- helpers

    static void assertPageHeaders(Api.Reply reply) {
        String policy = reply.header("Content-Security-Policy");
        assertNotNull(policy, "no Content-Security-Policy: " + reply.headers().map());
        assertTrue(policy.contains("frame-ancestors 'none'"), policy);
        assertTrue(policy.contains("script-src 'self'"), policy);
        assertFalse(policy.contains("unsafe-inline") && policy.substring(policy.indexOf("script-src")).split(";")[0]
                .contains("unsafe-inline"), "inline script allowed: " + policy);
        assertFalse(policy.contains("unsafe-eval"), policy);
        assertEquals("nosniff", reply.header("X-Content-Type-Options"));
        assertEquals("same-origin", reply.header("Referrer-Policy"));
        assertEquals("no-store", reply.header("Cache-Control"));
    }

    HttpRequest.Builder page(String path, String session) {
        return HttpRequest.newBuilder(api.base().resolve(path)).timeout(Duration.ofSeconds(60)).header("Cookie", COOKIE + "=" + session);
    }

    /** Logs in through the form as the page does (with its own origin), optionally in an existing session; the new session id. */
    String login(String session) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.base().resolve("/login")).timeout(Duration.ofSeconds(60))
                .header("Origin", api.base().toString()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + ADMIN));
        if (session != null) {
            request.header("Cookie", COOKIE + "=" + session);
        }
        Api.Reply reply = api.send(request);
        assertEquals(302, reply.status(), reply.toString());
        for (String cookie : reply.headers().allValues("Set-Cookie")) {
            Matcher id = SESSION.matcher(cookie);
            if (id.find()) {
                assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
                return id.group(1);
            }
        }
        throw new AssertionError("no session cookie at login: " + reply.headers().map());
    }
}

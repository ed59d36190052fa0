package net.presence.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

import static net.presence.it.Api.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Failed-login throttling (issue 16, item 5) at its default of 20 failures a minute: the address that
 * failed is refused with a JSON 429 and Retry-After, on the API and on the login form, even with a
 * valid token; other addresses are not affected. Each test fails from its own loopback address.
 */
class LoginThrottleIT extends DeployedWar {

    static final int LIMIT = 20;

    RawHttp raw() {
        return new RawHttp(url.getHost(), url.getPort(), 60_000);
    }

    byte[] get(String token) {
        return ("GET /sessions/list?limit=1 HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort() + "\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "Connection: close\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    RawHttp.Answer loginForm(String source, String token) {
        byte[] body = ("token=" + token).getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST /login HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        return raw().from(source, head, body);
    }

    static void assertThrottled(RawHttp.Answer answer) {
        assertEquals(429, answer.status(), answer.toString());
        String retry = answer.header("Retry-After");
        assertNotNull(retry, answer.toString());
        long seconds = Long.parseLong(retry);
        assertTrue(seconds > 0 && seconds <= 60, retry);
        JsonObject json = Json.createReader(new StringReader(answer.text())).readObject();
        assertEquals(false, json.getBoolean("success"));
        assertEquals("Too Many Requests", json.getString("error"));
    }

    @Test
    void twentyBadTokensOnTheApiBlockThatAddressOnly() {
        String guesser = "127.0.0.231";
        for (int i = 0; i < LIMIT; i++) {
            RawHttp.Answer answer = raw().from(guesser, get("guess-" + i), null);
            assertEquals(401, answer.status(), "failure " + (i + 1) + ": " + answer);
        }
        // blocked now, a valid token included, on the API and on the login form
        assertThrottled(raw().from(guesser, get(ADMIN), null));
        assertThrottled(loginForm(guesser, ADMIN));
        // no token at all is no guess, but the address stays blocked all the same
        assertThrottled(raw().from(guesser, get("another-guess"), null));

        // another address with a valid token is unaffected
        assertEquals(200, raw().from("127.0.0.232", get(ADMIN), null).status());
        assertEquals(200, api.get("/sessions/list?limit=1", ADMIN).status());
    }

    @Test
    void twentyBadLoginsOnTheFormBlockThatAddress() {
        String guesser = "127.0.0.233";
        for (int i = 0; i < LIMIT; i++) {
            RawHttp.Answer answer = loginForm(guesser, "guess-" + i);
            assertEquals(302, answer.status(), "failure " + (i + 1) + ": " + answer);
            assertTrue(answer.header("Location").contains("failed=true"), answer.toString());
        }
        assertThrottled(loginForm(guesser, ADMIN));
        assertThrottled(raw().from(guesser, get(ADMIN), null));
        assertEquals(302, loginForm("127.0.0.234", ADMIN).status());
    }
}

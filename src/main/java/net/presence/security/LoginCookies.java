package net.presence.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import net.presence.platform.Settings;

/**
 * The page's login on the wire: the signed {@link LoginCookie} in an {@code HttpOnly},
 * {@code SameSite=Strict} cookie ({@code Secure} when the request came over HTTPS, or always with
 * {@code SESSIONS_COOKIE_SECURE=true}), checked the same
 * way by every server, and ended for all of them by a row in {@link Logouts}. A login lasts an hour
 * from the last page request: a request in its second half gets the same login for another hour.
 */
@ApplicationScoped
public class LoginCookies {

    public static final String NAME = "sessions_login";
    /** Secure cookies also over plain HTTP: for instances behind a balancer that ends TLS. */
    public static final String ALWAYS_SECURE = "sessions.cookie.secure";
    static final Duration LIFETIME = Duration.ofHours(1);

    @Inject
    TokenIdentityStore tokens;

    @Inject
    Logouts logouts;

    /** A new login: any login the request still carried is ended first, so each login has a new id. */
    public void start(HttpServletRequest request, HttpServletResponse response, String caller, Set<String> groups) {
        end(request, response);
        long now = now();
        write(request, response, LoginCookie.fresh(caller, groups, now + LIFETIME.toSeconds()).sign(tokens.cookieKey()),
                LIFETIME.toSeconds());
    }

    /** The request's valid, not logged-out login, renewed on the way when it is past its half. */
    public Optional<LoginCookie> current(HttpServletRequest request, HttpServletResponse response) {
        long now = now();
        Optional<LoginCookie> login = presented(request, now);
        login.filter(valid -> valid.dueForRenewal(now, LIFETIME.toSeconds())).ifPresent(valid ->
                write(request, response, valid.until(now + LIFETIME.toSeconds()).sign(tokens.cookieKey()), LIFETIME.toSeconds()));
        return login;
    }

    /** Ends the request's login on every server, and has the browser forget its cookie. */
    public void end(HttpServletRequest request, HttpServletResponse response) {
        long now = now();
        presented(request, now).ifPresent(login ->
                // a renewed cookie of this login expires no later than a lifetime from now
                logouts.end(login.id(), now + LIFETIME.toSeconds(), now));
        if (value(request) != null) {
            write(request, response, "", 0);
        }
    }

    private Optional<LoginCookie> presented(HttpServletRequest request, long now) {
        return LoginCookie.verify(value(request), tokens.cookieKey(), now).filter(login -> !logouts.isEnded(login.id()));
    }

    private static String value(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (NAME.equals(cookie.getName())) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    /** Written as a header: the Servlet API's Cookie has no SameSite on every server this runs on. */
    private static void write(HttpServletRequest request, HttpServletResponse response, String value, long maxAge) {
        boolean secure = request.isSecure() || Settings.read(ALWAYS_SECURE).map(Boolean::parseBoolean).orElse(false);
        String path = request.getContextPath().isEmpty() ? "/" : request.getContextPath();
        response.addHeader("Set-Cookie", NAME + "=" + value + "; Path=" + path + "; Max-Age=" + maxAge
                + "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : ""));
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }
}

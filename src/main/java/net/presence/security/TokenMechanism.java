package net.presence.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import net.presence.platform.Refusals;
import net.presence.problems.ErrorBody;

/**
 * One mechanism, two doors, one identity store.
 * <ul>
 * <li>The API ({@code /sessions/*}) takes exactly one {@code Authorization: Bearer} token on every
 * request, and answers a missing or bad one with a JSON 401 written here: the container's own
 * {@code sendError} would render an HTML page.</li>
 * <li>The page takes the token once, from the login form ({@code POST /login}), and keeps the
 * identity in a signed login cookie ({@link LoginCookies}) that every server checks alike: no server
 * keeps a session. The API deliberately ignores that cookie: a browser's cookie is not a bearer
 * token. The exceptions, without an Authorization header, are the live stream
 * ({@code GET /sessions/stream}: the page's EventSource can send nothing but the cookie) and the
 * device page's CSV download ({@code GET /sessions/list?format=csv}, a plain link).</li>
 * </ul>
 */
@ApplicationScoped
public class TokenMechanism implements HttpAuthenticationMechanism {

    public static final String LOGIN_PAGE = "/login.xhtml";
    public static final String LOGIN_ACTION = "/login";
    public static final String LOGOUT_ACTION = "/logout";

    private static final Pattern BEARER = Pattern.compile("(?i)bearer ([A-Za-z0-9\\-._~+/]+=*)");

    @Inject
    IdentityStoreHandler identities;

    @Inject
    LoginThrottle throttle;

    @Inject
    LoginCookies cookies;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        long started = System.nanoTime();
        AuthenticationStatus status = decide(request, response, context);
        if (status == AuthenticationStatus.SEND_FAILURE || status == AuthenticationStatus.SEND_CONTINUE) {
            // answered here: the filters, and so the request log, never see this request
            Refusals.report(request, response, System.nanoTime() - started);
        }
        return status;
    }

    private AuthenticationStatus decide(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (isApi(path) || isApi(mapped(request))) {
            if ((isStream(path, request) || isDownload(path, request)) && request.getHeader("Authorization") == null) {
                return pageRead(request, response, context);
            }
            return bearer(request, response, context);
        }
        if ((LOGIN_ACTION.equals(path) || LOGOUT_ACTION.equals(path)) && crossSite(request)) {
            return forbidden(response, "A login or logout must come from this site's own page");
        }
        if (writes(request.getMethod()) && crossSite(request)) {
            // the device page's name form posts with the login cookie: only from this site's own page
            return forbidden(response, "A change must come from this site's own page");
        }
        if (LOGIN_ACTION.equals(path) && "POST".equals(request.getMethod())) {
            return login(request, response, context);
        }
        Optional<LoginCookie> login = cookies.current(request, response);
        if (login.isPresent()) {
            return context.notifyContainerAboutLogin(login.get().caller(), login.get().groups());
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        return toLoginPage(request, response, context);
    }

    /**
     * The path as the container mapped it, decoded and normalized: {@code //sessions/scan} reaches the
     * API's servlet as {@code /sessions/scan}, so it must meet the API's door (a JSON 401), not the
     * page's redirect to the login form.
     */
    private static String mapped(HttpServletRequest request) {
        String servlet = request.getServletPath();
        String info = request.getPathInfo();
        return (servlet == null ? "" : servlet) + (info == null ? "" : info);
    }

    /**
     * The live stream, which the page reads too: a browser's EventSource sends no Authorization
     * header, only the login cookie.
     */
    static boolean isStream(String path, HttpServletRequest request) {
        return "GET".equals(request.getMethod()) && (STREAM.equals(path) || STREAM.equals(mapped(request)));
    }

    public static final String STREAM = "/sessions/stream";

    /** The session list, whose CSV the device page offers as a download. */
    public static final String DOWNLOAD = "/sessions/list";

    /**
     * The device page's CSV download: a link the browser follows can carry nothing but the login
     * cookie, and a token in its address would end up in the history and in logs. Only the CSV
     * answer of the list, which says no more than the page shows; the JSON API stays bearer-only.
     */
    static boolean isDownload(String path, HttpServletRequest request) {
        return "GET".equals(request.getMethod()) && (DOWNLOAD.equals(path) || DOWNLOAD.equals(mapped(request)))
                && "csv".equalsIgnoreCase(String.valueOf(request.getParameter("format")).strip());
    }

    /**
     * The live stream and the device page's CSV download without a bearer token: the page's login
     * cookie stands for one there, and only there (both only read, and say no more than the page
     * shows). Another site's page is refused, though the cookie's SameSite=Strict would keep it from
     * being sent anyway. Without a login, the API's JSON 401.
     */
    private AuthenticationStatus pageRead(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        if (crossSite(request)) {
            return forbidden(response, "The page's login cookie works from this site's own page only");
        }
        Optional<LoginCookie> login = cookies.current(request, response);
        if (login.isPresent()) {
            return context.notifyContainerAboutLogin(login.get().caller(), login.get().groups());
        }
        return unauthorized(response, context);
    }

    /** Every method but the three that only read needs the admin role (web.xml's "API writes"). */
    static boolean writes(String method) {
        return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
    }

    /** The API, and /metrics, which is read like the API: a bearer token, a JSON 401 without one. */
    static boolean isApi(String path) {
        return path.equals("/sessions") || path.startsWith("/sessions/") || path.equals("/metrics");
    }

    private AuthenticationStatus bearer(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        List<String> headers = Collections.list(request.getHeaders("Authorization"));
        long wait = throttle.blockedSeconds(request.getRemoteAddr(), System.currentTimeMillis());
        if (wait > 0) {
            return tooManyFailures(response, wait);
        }
        var match = headers.size() == 1 ? BEARER.matcher(headers.get(0).strip()) : null;
        if (match != null && match.matches()) {
            CredentialValidationResult result = identities.validate(new TokenCredential(match.group(1)));
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                if (writes(request.getMethod()) && !result.getCallerGroups().contains(Roles.ADMIN)) {
                    // refused here, as web.xml's constraint would: on WildFly that constraint's refusal
                    // builds a JACC permission from the path, which a MAC's colons make invalid (a 500)
                    return forbidden(response, "This token may only read: writing needs an admin token");
                }
                return context.notifyContainerAboutLogin(result);
            }
        }
        if (!headers.isEmpty()) {
            // a token was offered and failed; no header at all is no guess
            throttle.failed(request.getRemoteAddr(), System.currentTimeMillis());
        }
        return unauthorized(response, context);
    }

    private AuthenticationStatus login(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        long wait = throttle.blockedSeconds(request.getRemoteAddr(), System.currentTimeMillis());
        if (wait > 0) {
            return tooManyFailures(response, wait);
        }
        String token = request.getParameter("token");
        CredentialValidationResult result = token == null || token.isBlank()
                ? CredentialValidationResult.INVALID_RESULT
                : identities.validate(new TokenCredential(token.strip()));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            throttle.failed(request.getRemoteAddr(), System.currentTimeMillis());
            return context.redirect(request.getContextPath() + LOGIN_PAGE + "?failed=true");
        }
        cookies.start(request, response, result.getCallerPrincipal().getName(), Set.copyOf(result.getCallerGroups()));
        return context.notifyContainerAboutLogin(result);
    }

    private static AuthenticationStatus toLoginPage(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String target = request.getContextPath() + LOGIN_PAGE;
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            // an ajax request cannot follow a redirect; Faces' own partial response tells the page to go
            try {
                response.setContentType("text/xml; charset=UTF-8");
                response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                        + target + "\"/></partial-response>");
                response.flushBuffer();
            } catch (IOException e) {
                // the client went away
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
        return context.redirect(target);
    }

    /**
     * Cross-site request forgery of the login and logout forms: a browser names where a request comes
     * from, in {@code Sec-Fetch-Site} and, on every POST, in {@code Origin} ({@code Referer} when it
     * omits it). A request that another site (or an opaque origin such as a sandbox or a data: page)
     * made is refused, whatever its method, before it can log anyone in or out. A client that is no
     * browser sends none of these and needs no protection from forgery. The login cookie's
     * SameSite=Strict is the second wall.
     */
    static boolean crossSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            // the browser's own verdict, where it gives one, decides: "none" is the user typing the address
            return !fetchSite.equals("same-origin") && !fetchSite.equals("none");
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            String referer = request.getHeader("Referer");
            if (referer == null) {
                return false;
            }
            origin = referer;
        }
        String own = request.getScheme() + "://" + request.getHeader("Host");
        return !(origin.equals(own) || origin.startsWith(own + "/"));
    }

    private static AuthenticationStatus forbidden(HttpServletResponse response, String message) {
        try {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType(ErrorBody.MEDIA_TYPE);
            response.setHeader("Cache-Control", "no-store");
            write(response, ErrorBody.of(403, message));
            response.flushBuffer();
        } catch (IOException e) {
            // the client went away; it is refused all the same
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    /** 429 for an address that failed too often (LoginThrottle), on the API and the login form alike. */
    private static AuthenticationStatus tooManyFailures(HttpServletResponse response, long seconds) {
        try {
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(seconds));
            response.setContentType(ErrorBody.MEDIA_TYPE);
            write(response, ErrorBody.of(429, "Too many failed tokens from this address: try again in " + seconds + " s"));
            response.flushBuffer();
        } catch (IOException e) {
            // the client went away; it is refused all the same
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static AuthenticationStatus unauthorized(HttpServletResponse response, HttpMessageContext context) {
        try {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Bearer realm=\"sessions\"");
            response.setContentType(ErrorBody.MEDIA_TYPE);
            write(response, ErrorBody.of(401, "ERROR: Not authorized"));
            response.flushBuffer();
        } catch (IOException e) {
            // the client went away; it is refused all the same
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    /** The body with its length, which also lets the request log count the bytes of a refusal. */
    private static void write(HttpServletResponse response, ErrorBody body) throws IOException {
        byte[] bytes = body.toJson().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}

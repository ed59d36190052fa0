package net.presence.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The browser-facing security headers of every answer, set before anything is written:
 * <ul>
 * <li>{@code X-Content-Type-Options: nosniff}: a JSON answer echoing a hostile value is never run as
 * a page or a script;</li>
 * <li>{@code Referrer-Policy: same-origin}: the page's addresses carry MACs and dates, which no
 * other site learns (not {@code no-referrer}: with it a browser sends {@code Origin: null} on the
 * page's own form posts, which then look forged);</li>
 * <li>{@code X-Frame-Options: DENY} beside the policy's {@code frame-ancestors 'none'}, for browsers
 * that know only the older header;</li>
 * <li>{@code Cache-Control: no-store} on everything but the static resources: pages and API answers
 * carry data that must not outlive a logout in a shared cache or the browser's history.</li>
 * </ul>
 * The pages' Content-Security-Policy itself is written by PrimeFaces (web.xml), which alone knows
 * each page's script nonce; answers that are not pages get a policy that allows nothing.
 */
@WebFilter(filterName = "PageHeaders", urlPatterns = "/*", asyncSupported = true)
public class PageHeaders extends HttpFilter {

    static final String NOTHING = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("X-Frame-Options", "DENY");
        String path = request.getServletPath();
        boolean page = path.endsWith(".xhtml") || "/".equals(path) || path.isEmpty();
        if (!path.startsWith("/jakarta.faces.resource/")) {
            response.setHeader("Cache-Control", "no-store");
        }
        if (!page && !path.startsWith("/jakarta.faces.resource/")) {
            response.setHeader("Content-Security-Policy", NOTHING);
        }
        chain.doFilter(request, response);
    }
}

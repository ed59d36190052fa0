package net.presence.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import net.presence.problems.ErrorBody;

/**
 * Requests the connector lets through but no route should see, refused with the API's JSON shape:
 * <ul>
 * <li>TRACE, everywhere, with 405. The connector's own refusal has an empty body, so the pre-boot
 * command file lets TRACE through to here; a servlet's default TRACE would echo the request's
 * headers, cookies among them.</li>
 * <li>More than one Host header, with 400 (RFC 9112 §3.2): the connector takes the first.</li>
 * </ul>
 */
@WebFilter(filterName = "RequestChecks", urlPatterns = "/*", asyncSupported = true)
public class RequestChecks extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("TRACE".equals(request.getMethod())) {
            response.setHeader("Allow", "GET, HEAD, POST, DELETE, OPTIONS");
            refuse(response, 405, "Method TRACE is not allowed here");
            return;
        }
        if (Collections.list(request.getHeaders("Host")).size() > 1) {
            refuse(response, 400, "The request has more than one Host header: send exactly one");
            return;
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(ErrorBody.MEDIA_TYPE);
        response.getWriter().write(ErrorBody.of(status, message).toJson());
    }
}

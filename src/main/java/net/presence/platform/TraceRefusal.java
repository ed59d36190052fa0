package net.presence.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import net.presence.problems.ErrorBody;

/**
 * TRACE is refused everywhere with the API's JSON 405. The connector's own refusal has an empty
 * body, so the pre-boot command file lets TRACE through to here; a servlet's default TRACE would echo
 * the request's headers, cookies among them.
 */
@WebFilter(filterName = "TraceRefusal", urlPatterns = "/*")
public class TraceRefusal extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"TRACE".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
        response.setHeader("Allow", "GET, HEAD, POST, DELETE, OPTIONS");
        response.setContentType(ErrorBody.MEDIA_TYPE);
        response.getWriter().write(ErrorBody.of(405, "Method TRACE is not allowed here").toJson());
    }
}

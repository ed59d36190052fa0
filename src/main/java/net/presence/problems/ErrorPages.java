package net.presence.problems;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The container's error pages (web.xml maps them here): errors raised outside JAX-RS, such as a
 * 403 from a security constraint, get the API's JSON shape instead of the server's HTML page.
 */
@WebServlet(name = "ErrorPages", urlPatterns = "/errors")
public class ErrorPages extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class.getName());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number ? number : 404;
        Object thrown = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (thrown instanceof Throwable failure) {
            LOG.log(Level.SEVERE, "Unexpected failure of " + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), failure);
            status = 500;
        }
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String message = switch (status) {
            case 403 -> "This token may only read: writing needs an admin token";
            case 404 -> "No such route: " + (path == null ? request.getRequestURI() : path);
            case 405 -> "Method " + request.getMethod() + " is not allowed here";
            case 500 -> "The server failed to handle the request; the failure is in its log";
            default -> "The request failed with status " + status;
        };
        response.setStatus(status);
        response.setContentType(ErrorBody.MEDIA_TYPE);
        response.getWriter().write(ErrorBody.of(status, message).toJson());
    }
}

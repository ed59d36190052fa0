package net.presence.security;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The page's login and logout addresses. The login itself happens in {@link TokenMechanism} before
 * this servlet runs; here a successful login only moves on to the calendar.
 */
@WebServlet(name = "PageSessions", urlPatterns = {TokenMechanism.LOGIN_ACTION, "/logout"})
public class PageSessions extends HttpServlet {

    @Inject
    LoginCookies cookies;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if ("/logout".equals(request.getServletPath())) {
            cookies.end(request, response); // on every server: the login's id is recorded as ended
            request.logout();
            response.sendRedirect(request.getContextPath() + TokenMechanism.LOGIN_PAGE + "?loggedOut=true");
            return;
        }
        response.sendRedirect(request.getContextPath() + "/");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        doPost(request, response);
    }
}

package net.presence.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * The page's login and logout addresses. The login itself happens in {@link TokenMechanism} before
 * this servlet runs; here a successful login only moves on to the calendar.
 */
@WebServlet(name = "PageSessions", urlPatterns = {TokenMechanism.LOGIN_ACTION, "/logout"})
public class PageSessions extends HttpServlet {

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if ("/logout".equals(request.getServletPath())) {
            request.logout();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
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

package net.presence.operations;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import net.presence.platform.ConfiguredDataSource;
import net.presence.platform.Migrations;
import net.presence.presence.boundary.StaleSessions;

/**
 * {@code GET /health/live} and {@code GET /health/ready}, without a token, for load balancers and
 * orchestrators. Live: the application answers. Ready: the database answers now, its schema is this
 * release's, and the stale-session timer ticks when it is on.
 * <p>
 * The database is asked on a connection of the probe's own, not one from the pool: a pooled
 * connection that PostgreSQL dropped would keep the probe DOWN after PostgreSQL is back, and a
 * probe must not take a connection the API is waiting for.
 */
@WebServlet(name = "HealthProbes", urlPatterns = "/health/*")
public class HealthProbes extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Seconds a probe waits for the database: a load balancer's probe must not hang. */
    private static final int DATABASE_TIMEOUT_SECONDS = 2;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!Answers.readOnly(request, response)) {
            return;
        }
        String probe = request.getPathInfo();
        Readiness answer;
        if ("/live".equals(probe)) {
            answer = Readiness.of().with("live", true);
        } else if ("/ready".equals(probe)) {
            answer = ready();
        } else {
            Answers.error(response, 404, "No such health probe: use /health/live or /health/ready");
            return;
        }
        response.setStatus(answer.status());
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        if (!"HEAD".equals(request.getMethod())) {
            response.getWriter().write(answer.toJson());
        }
    }

    private Readiness ready() {
        return Readiness.of()
                .with("database", databaseAnswers())
                .with("migrations", Migrations.ready())
                .with("stale-timer", StaleSessions.timerAlive(System.currentTimeMillis()));
    }

    private boolean databaseAnswers() {
        try (Connection connection = ConfiguredDataSource.fromSettings().getConnection()) {
            return connection.isValid(DATABASE_TIMEOUT_SECONDS);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }
}

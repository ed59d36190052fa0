package net.presence.security;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Page logins ended by a logout, in the database every server shares (table LOGOUTS), so that a
 * logout made on one server holds on all. A row lives until the login would have expired anyway;
 * each logout sweeps the rows past that.
 */
@ApplicationScoped
public class Logouts {

    @Resource(lookup = "java:app/jdbc/sessions")
    DataSource database;

    /** Ends the login with this id; its cookies expire at the latest at {@code expiresAt} (epoch seconds). */
    public void end(String loginId, long expiresAt, long now) {
        try (Connection connection = database.getConnection()) {
            try (PreparedStatement sweep = connection.prepareStatement("DELETE FROM LOGOUTS WHERE EXPIRES_AT < ?")) {
                sweep.setLong(1, now);
                sweep.executeUpdate();
            }
            if (isEnded(connection, loginId)) {
                return; // ended already, on this server or another
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO LOGOUTS (LOGIN_ID, EXPIRES_AT) VALUES (?, ?)")) {
                insert.setString(1, loginId);
                insert.setLong(2, expiresAt);
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) { // a second logout of the same login at the same moment
                throw new IllegalStateException("The logout could not be recorded", e);
            }
        }
    }

    public boolean isEnded(String loginId) {
        try (Connection connection = database.getConnection()) {
            return isEnded(connection, loginId);
        } catch (SQLException e) {
            throw new IllegalStateException("Logouts could not be read", e);
        }
    }

    private static boolean isEnded(Connection connection, String loginId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM LOGOUTS WHERE LOGIN_ID = ?")) {
            query.setString(1, loginId);
            try (ResultSet found = query.executeQuery()) {
                return found.next();
            }
        }
    }
}

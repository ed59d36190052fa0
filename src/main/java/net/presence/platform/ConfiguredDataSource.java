package net.presence.platform;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The database the settings name, as the one class the WAR's datasource declaration names on every
 * server (web.xml): PostgreSQL when SESSIONS_DB_URL is set, with SESSIONS_DB_USER and
 * SESSIONS_DB_PASSWORD; else embedded Derby in the data directory, made on first use. The choice is
 * the operator's, at start-up, and the WAR stays the same byte for byte. The container pools and
 * enlists the connections; this class only opens them.
 */
public class ConfiguredDataSource implements DataSource {

    /** How long opening a PostgreSQL connection may take before the attempt counts as failed. */
    private static final int CONNECT_TIMEOUT_SECONDS = 10;

    private volatile DataSource target;
    private String applicationName = "sessions";
    private PrintWriter logWriter;
    private int loginTimeout;

    /** The name PostgreSQL shows for these connections (pg_stat_activity). */
    public void setApplicationName(String applicationName) {
        this.applicationName = applicationName;
    }

    public String getApplicationName() {
        return applicationName;
    }

    /** The database the settings name now: PostgreSQL or embedded Derby. */
    public static DataSource fromSettings() {
        return fromSettings("sessions");
    }

    /**
     * The database the settings name, opened outside the container's pool: for a connection a
     * thread keeps for itself, such as the live stream's PostgreSQL listener.
     */
    public static DataSource fromSettings(String applicationName) {
        Optional<String> url = Settings.read(Settings.DB_URL);
        if (url.isEmpty()) {
            EmbeddedDataSource derby = new EmbeddedDataSource();
            derby.setDatabaseName(new Settings().dataDir().resolve("derby").toString());
            derby.setCreateDatabase("create");
            return derby;
        }
        if (!url.get().startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException(Settings.DB_URL + " must be a jdbc:postgresql:// URL, not '" + url.get() + "'");
        }
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL(url.get());
        Settings.read(Settings.DB_USER).ifPresent(postgres::setUser);
        Settings.read(Settings.DB_PASSWORD).ifPresent(postgres::setPassword);
        postgres.setConnectTimeout(CONNECT_TIMEOUT_SECONDS);
        postgres.setApplicationName(applicationName);
        return postgres;
    }

    /** Where the settings point, for log lines: the URL without its query (which may hold a password), or Derby's folder. */
    public static String describe() {
        return Settings.read(Settings.DB_URL).map(url -> url.replaceFirst("\\?.*$", ""))
                .orElseGet(() -> "embedded Derby in " + new Settings().dataDir().resolve("derby"));
    }

    /** Whether the settings choose the embedded Derby. */
    public static boolean isDerby() {
        return Settings.read(Settings.DB_URL).isEmpty();
    }

    private DataSource target() {
        DataSource chosen = target;
        if (chosen == null) {
            synchronized (this) {
                if (target == null) {
                    target = fromSettings(applicationName);
                }
                chosen = target;
            }
        }
        return chosen;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return target().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        // WildFly's pool asks with no user when the declaration names none: the settings' user then
        if (username == null || username.isEmpty()) {
            return getConnection();
        }
        return target().getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("java.util.logging is not used here");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return target().unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || target().isWrapperFor(type);
    }
}

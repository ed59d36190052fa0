package net.presence.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The application's datasource, the same declaration on every server: the container pools
 * connections from {@link ConfiguredDataSource}, which opens PostgreSQL when SESSIONS_DB_URL is set
 * and the embedded Derby in the data directory otherwise. No placeholders: their syntax differs
 * from server to server, and the choice is made from the settings when the first connection opens.
 * <p>
 * Derby replays its log from the last checkpoint when it starts; after a bulk import that can be
 * gigabytes. So the database is checkpointed after large writes and shut down cleanly, which also
 * checkpoints: when the application stops, and when the JVM does (Payara Micro stops on SIGTERM
 * without undeploying, so only a shutdown hook sees that).
 * <p>
 * On SIGTERM the hook first drains (see {@link Drain}): new requests get a 503, those in flight
 * have up to {@link Drain#GRACE} to finish, and only then is Derby shut down and Payara Micro let go
 * of its listeners (PayaraGrace).
 */
@Singleton
@Startup
@DependsOn("Migrations")
@DataSourceDefinition(
        name = "java:app/jdbc/sessions",
        className = "net.presence.platform.ConfiguredDataSource",
        // WildFly refuses a datasource class without at least one property
        properties = {"applicationName=sessions"},
        transactional = true,
        minPoolSize = 2,
        maxPoolSize = 32)
public class Database {

    private static final Logger LOG = Logger.getLogger(Database.class.getName());

    @Resource(lookup = "java:app/jdbc/sessions")
    DataSource dataSource;

    /** Writes everything committed to the data files, so that a restart has no log to replay. */
    public void checkpoint() {
        if (!ConfiguredDataSource.isDerby()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            if (isDerby(connection)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CALL SYSCS_UTIL.SYSCS_CHECKPOINT_DATABASE()");
                }
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Checkpoint failed; Derby will replay its log at the next start", e);
        }
    }

    private Thread shutdownHook;

    @PostConstruct
    void start() {
        boolean derby = ConfiguredDataSource.isDerby();
        PayaraGrace.hold(Drain.GRACE);
        shutdownHook = new Thread(() -> stopOnSignal(derby), "sessions-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    private static void stopOnSignal(boolean derby) {
        try {
            if (!Drain.drain(Drain.GRACE)) {
                LOG.warning("Requests were still running " + Drain.GRACE.toSeconds() + " s after the stop signal; stopping anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (derby) {
            shutDownDerby();
        }
        PayaraGrace.release();
    }

    @PreDestroy
    void stop() {
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                return;
            }
            if (ConfiguredDataSource.isDerby()) {
                shutDownDerby();
            }
        }
    }

    private static void shutDownDerby() {
        try {
            // the driver itself, not DriverManager, which cannot see drivers inside a WAR
            new org.apache.derby.jdbc.EmbeddedDriver().connect("jdbc:derby:;shutdown=true", new Properties());
        } catch (SQLException expected) {
            // Derby reports a successful shutdown as an exception (SQL state XJ015)
            if (!"XJ015".equals(expected.getSQLState())) {
                LOG.log(Level.WARNING, "Derby did not shut down cleanly", expected);
            }
        }
    }

    private static boolean isDerby(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().startsWith("Apache Derby");
    }
}

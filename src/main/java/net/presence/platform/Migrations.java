package net.presence.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.changelog.RanChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.DerbyDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Brings the database's schema up to this release at deployment, with Liquibase and
 * {@code db/changelog.xml}, before anything else touches it (the other start-up beans depend on
 * this one). A database that has changesets this release does not know was written by a newer
 * release: the deployment fails rather than serve, or damage, data it does not understand.
 * <p>
 * A database that cannot be reached (a wrong URL or password, PostgreSQL not up yet) does not stop
 * the deployment: one log line says why, the API answers 503 (see DatabaseGate), and this bean
 * tries again every few seconds until the database answers, then migrates and opens the API. It
 * tries with a connection of its own, outside the container's pool, so that the server logs no
 * pool errors meanwhile.
 * <p>
 * No container transaction: Liquibase commits each changeset on its own connection.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Migrations {

    static final String CHANGELOG = "db/changelog.xml";
    static final Duration RETRY = Duration.ofSeconds(5);

    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

    /** Set once the schema is up to date; until then the API answers 503. Static: read on every request. */
    private static volatile boolean ready;

    @Resource(lookup = "java:app/jdbc/sessions")
    DataSource dataSource;

    @Resource
    TimerService timers;

    /** The last reason the database could not be reached, so that a repeated failure is not logged again. */
    private String lastProblem;

    /** Whether the database is reachable and its schema up to date. */
    public static boolean ready() {
        return ready;
    }

    @PostConstruct
    void start() {
        ready = false;
        attempt();
    }

    @Timeout
    void retry() {
        try {
            attempt();
        } catch (RuntimeException e) {
            // already logged by migrate(); a schema that cannot be updated is not retried
            ready = false;
        }
    }

    private void attempt() {
        String problem = unreachable();
        if (problem != null) {
            if (!problem.equals(lastProblem)) {
                LOG.severe("The database cannot be reached (" + ConfiguredDataSource.describe() + "): " + problem
                        + " - the API answers 503 until it can; trying again every " + RETRY.toSeconds() + " s");
            }
            lastProblem = problem;
            timers.createSingleActionTimer(RETRY.toMillis(), new TimerConfig("database retry", false));
            return;
        }
        migrate();
        if (lastProblem != null) {
            LOG.info("The database is reachable (" + ConfiguredDataSource.describe() + "); the API is open");
        }
        ready = true;
    }

    /** Why a connection of our own cannot be opened now, in one line; null when it can. */
    private static String unreachable() {
        try {
            if (ConfiguredDataSource.isDerby()) {
                DerbyLog.prepare();
            }
            try (Connection probe = ConfiguredDataSource.fromSettings().getConnection()) {
                return probe.isValid(10) ? null : "the connection is not valid";
            }
        } catch (SQLException e) {
            return String.valueOf(e.getMessage()).strip().replaceAll("\\s+", " ") + " (SQL state " + e.getSQLState() + ")";
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }

    private void migrate() {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            try {
                Scope.child(scope(), () -> update(connection));
            } finally {
                // the connection goes back to the pool as it came
                connection.setAutoCommit(autoCommit);
            }
        } catch (NewerDatabaseException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("The database schema could not be brought up to date: " + e.getMessage(), e);
        }
    }

    /**
     * Liquibase finds its services and the changelog through the scope's class loader, which must be
     * the WAR's (not the server's); it reports through java.util.logging like the rest of the
     * application instead of printing to the console; and it sends no usage data anywhere.
     */
    private static Map<String, Object> scope() {
        Map<String, Object> scope = new HashMap<>();
        scope.put(Scope.Attr.classLoader.name(), Migrations.class.getClassLoader());
        scope.put(Scope.Attr.ui.name(), new LoggerUIService());
        scope.put("liquibase.analytics.enabled", false);
        return scope;
    }

    private static void update(Connection connection) throws Exception {
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
        if (database instanceof DerbyDatabase derby) {
            // Liquibase shuts embedded Derby down when it closes its database; the pool still needs it.
            derby.setShutdownEmbeddedDerby(false);
        }
        Liquibase liquibase = new Liquibase(CHANGELOG,
                new ClassLoaderResourceAccessor(Migrations.class.getClassLoader()), database);
        Collection<RanChangeSet> unknown = liquibase.listUnexpectedChangeSets(new Contexts(), new LabelExpression());
        if (!unknown.isEmpty()) {
            String names = unknown.stream()
                    .map(ran -> ran.getChangeLog() + "::" + ran.getId() + "::" + ran.getAuthor())
                    .collect(Collectors.joining(", "));
            String message = "The database was written by a newer release: it has changeset(s) this release does"
                    + " not know (" + names + "); refusing to start on it";
            LOG.severe(message);
            throw new NewerDatabaseException(message);
        }
        liquibase.update(new Contexts(), new LabelExpression());
        LOG.info("Database schema is up to date (" + CHANGELOG + ")");
    }

    /** The database is ahead of this release. */
    static final class NewerDatabaseException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        NewerDatabaseException(String message) {
            super(message);
        }
    }
}

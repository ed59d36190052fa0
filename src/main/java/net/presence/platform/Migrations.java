package net.presence.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
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
 * No container transaction: Liquibase commits each changeset on its own connection.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Migrations {

    static final String CHANGELOG = "db/changelog.xml";

    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

    @Resource(lookup = "java:app/jdbc/sessions")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
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

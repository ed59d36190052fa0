package net.presence.platform;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Properties;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.exceptions.DatabaseException;
import org.eclipse.persistence.platform.database.DerbyPlatform;
import org.eclipse.persistence.platform.database.PostgreSQLPlatform;
import org.eclipse.persistence.sessions.Connector;
import org.eclipse.persistence.sessions.DatasourceLogin;
import org.eclipse.persistence.internal.databaseaccess.Platform;
import org.eclipse.persistence.sessions.Login;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.server.ServerSession;

/**
 * Lets the persistence unit start while the database cannot be reached. Payara opens an entity
 * manager at deployment, and EclipseLink's login then opens one connection to check that connecting
 * works and to learn which database it talks to; with PostgreSQL down or a wrong password that
 * failed the whole deployment, and the API was gone for good. So until Migrations has seen the
 * database (it logs the one line about it, and DatabaseGate answers 503), a connection that cannot
 * be opened is replaced by a stand-in that only names the configured database and refuses
 * everything else. Every later connection is a real one from the container's pool, counted for
 * /metrics (PoolMeters).
 * <p>
 * It also chooses EclipseLink's database platform from the settings, and sets Derby's properties
 * before Derby boots (DerbyLog). Runs before EclipseLink logs in.
 */
public class PatientLogin implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        DerbyLog.prepare();
        prepare(session.getDatasourceLogin());
        // the read pool and the write pools log in with logins of their own, cloned earlier
        if (session instanceof ServerSession server) {
            prepare(server.getReadConnectionPool().getLogin());
            server.getConnectionPools().values().forEach(pool -> prepare(pool.getLogin()));
        }
    }

    private static void prepare(Login login) {
        if (login instanceof DatasourceLogin datasource) {
            Platform chosen = ConfiguredDataSource.isDerby() ? new Derby() : new PostgreSQLPlatform();
            // keeps what the persistence unit configured on the first one: sequences, batch writing
            datasource.getDatasourcePlatform().copyInto(chosen);
            datasource.setDatasourcePlatform(chosen);
            if (!(datasource.getConnector() instanceof Patient)) {
                datasource.setConnector(new Patient(datasource.getConnector()));
            }
        }
    }

    /**
     * The platform is the one the settings name, not one detected at login (persistence.xml names a
     * target database, so EclipseLink does not detect). Derby's writes a boolean it puts into the
     * SQL text (queries that do not bind, see Reads.window) as TRUE, the literal Derby accepts for
     * its BOOLEAN columns, not as 1.
     */
    static final class Derby extends DerbyPlatform {

        private static final long serialVersionUID = 1L;

        @Override
        protected void appendBoolean(Boolean value, Writer writer) throws IOException {
            writer.write(value ? "TRUE" : "FALSE");
        }
    }

    /** The container's connector, with the stand-in while the database has not been seen. */
    static final class Patient implements Connector {

        private static final long serialVersionUID = 1L;
        private Connector real;

        Patient(Connector real) {
            this.real = real;
        }

        @Override
        public Connection connect(Properties properties, Session session) {
            long started = PoolMeters.waiting();
            try {
                return PoolMeters.lent(real.connect(properties, session));
            } catch (DatabaseException unreachable) {
                if (Migrations.ready()) {
                    throw unreachable;
                }
                java.util.logging.Logger.getLogger(PatientLogin.class.getName()).info(
                        "The persistence unit starts without its database: " + unreachable.getMessage());
                return standIn();
            } finally {
                PoolMeters.served(started);
            }
        }

        @Override
        public Object clone() {
            try {
                Patient copy = (Patient) super.clone();
                copy.real = (Connector) real.clone();
                return copy;
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String getConnectionDetails() {
            return real.getConnectionDetails();
        }

        @Override
        public void toString(PrintWriter writer) {
            real.toString(writer);
        }
    }

    /** A connection that answers only what EclipseLink's login asks: which database this is. */
    private static Connection standIn() {
        boolean derby = ConfiguredDataSource.isDerby();
        DatabaseMetaData metaData = (DatabaseMetaData) Proxy.newProxyInstance(PatientLogin.class.getClassLoader(),
                new Class<?>[] {DatabaseMetaData.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getDatabaseProductName" -> derby ? "Apache Derby" : "PostgreSQL";
                    case "getDatabaseProductVersion" -> derby ? "10.16.1.1" : "15";
                    case "getDriverName" -> derby ? "Apache Derby Embedded JDBC Driver" : "PostgreSQL JDBC Driver";
                    case "getDriverVersion" -> derby ? "10.16.1.1" : "42.7.14";
                    case "getURL" -> ConfiguredDataSource.describe();
                    case "getDatabaseMajorVersion" -> derby ? 10 : 15;
                    case "getDatabaseMinorVersion" -> derby ? 16 : 0;
                    case "toString" -> "stand-in for " + ConfiguredDataSource.describe();
                    // anything else EclipseLink may look at: nothing known
                    default -> method.getReturnType() == boolean.class ? Boolean.FALSE
                            : method.getReturnType() == int.class ? Integer.valueOf(0) : null;
                });
        return (Connection) Proxy.newProxyInstance(PatientLogin.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getMetaData" -> metaData;
                    case "getAutoCommit", "isReadOnly" -> false;
                    case "isClosed", "isValid" -> false;
                    case "close", "setAutoCommit", "clearWarnings" -> null;
                    case "getWarnings" -> null;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "stand-in for " + ConfiguredDataSource.describe();
                    default -> throw notReachable();
                });
    }

    private static SQLException notReachable() {
        return new SQLException("The database cannot be reached (" + ConfiguredDataSource.describe() + ")", "08001");
    }
}

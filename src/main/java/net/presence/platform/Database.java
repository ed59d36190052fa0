package net.presence.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * The embedded default database: Derby, in the data directory. Payara resolves the placeholder from
 * SESSIONS_DATA_DIR (or the system property sessions.data.dir), with the default in
 * META-INF/microprofile-config.properties. Another database replaces this definition by
 * configuration alone: see server-config/.
 */
@Singleton
@DataSourceDefinition(
        name = "java:app/jdbc/sessions",
        className = "org.apache.derby.jdbc.EmbeddedDataSource",
        databaseName = "${MPCONFIG=sessions.data.dir}/derby",
        properties = {"createDatabase=create"},
        transactional = true,
        minPoolSize = 2,
        maxPoolSize = 32)
public class Database {
}

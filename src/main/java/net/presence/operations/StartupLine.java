package net.presence.operations;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** One log line at start-up that says what runs: the same facts as GET /sessions/version. */
@Singleton
@Startup
@DependsOn("Migrations")
public class StartupLine {

    private static final Logger LOG = Logger.getLogger(StartupLine.class.getName());

    @Resource(lookup = "java:app/jdbc/sessions")
    DataSource dataSource;

    @PostConstruct
    void log() {
        BuildInfo build = VersionResource.BUILD;
        SchemaVersion schema = SchemaVersion.of(dataSource);
        LOG.info(() -> "Sessions " + build.version() + " (commit " + build.commit() + ", built " + build.buildTime()
                + ") on " + schema.kind() + ", schema version " + schema.version());
    }
}

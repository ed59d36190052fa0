package net.presence.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Session;

/**
 * Puts derby.log in the data directory beside the database instead of the server's working
 * directory. Derby reads the setting once, when it boots on the first connection; EclipseLink runs
 * this customizer before it connects, which makes it the earliest hook the WAR has.
 */
public class DerbyLog implements SessionCustomizer {

    private static final String PROPERTY = "derby.stream.error.file";

    @Override
    public void customize(Session session) {
        if (System.getProperty(PROPERTY) != null) {
            return;
        }
        Path dataDir = new Settings().dataDir();
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dataDir, e);
        }
        System.setProperty(PROPERTY, dataDir.resolve("derby.log").toString());
    }
}

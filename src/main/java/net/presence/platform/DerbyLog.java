package net.presence.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Session;

/**
 * Derby's settings that must be in place before it boots: derby.log goes to the data directory
 * beside the database instead of the server's working directory, and a deadlock is looked for after
 * one second of waiting instead of twenty (the victim's write is simply run again, see
 * Transactions). Derby reads these once, when it boots on the first connection; EclipseLink runs
 * this customizer before it connects, which makes it the earliest hook the WAR has. A setting given
 * on the command line wins.
 */
public class DerbyLog implements SessionCustomizer {

    private static final String PROPERTY = "derby.stream.error.file";
    private static final String DEADLOCK_TIMEOUT = "derby.locks.deadlockTimeout";

    @Override
    public void customize(Session session) {
        if (System.getProperty(DEADLOCK_TIMEOUT) == null) {
            System.setProperty(DEADLOCK_TIMEOUT, "1");
        }
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

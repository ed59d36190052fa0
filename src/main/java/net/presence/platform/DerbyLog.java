package net.presence.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Derby's settings that must be in place before it boots: derby.log goes to the data directory
 * beside the database instead of the server's working directory; a deadlock is looked for after
 * one second of waiting instead of twenty (the victim's write is simply run again, see
 * Transactions); and row locks are never traded for a lock on the whole table, which Derby's
 * default does past 5,000 rows: a scan of a big network would then lock SESSIONS and EVENTS whole,
 * and every one-device read would wait for the scan's commit. Derby reads these once, when it
 * boots on the first connection; EclipseLink runs PatientLogin before it connects, and Migrations
 * before the first connection of all. A setting given on the command line wins.
 */
final class DerbyLog {

    private DerbyLog() {
    }

    private static final String PROPERTY = "derby.stream.error.file";
    private static final String DEADLOCK_TIMEOUT = "derby.locks.deadlockTimeout";
    private static final String ESCALATION = "derby.locks.escalationThreshold";

    /** Sets Derby's properties unless they are set; harmless when the database is not Derby. */
    static void prepare() {
        if (System.getProperty(DEADLOCK_TIMEOUT) == null) {
            System.setProperty(DEADLOCK_TIMEOUT, "1");
        }
        if (System.getProperty(ESCALATION) == null) {
            System.setProperty(ESCALATION, String.valueOf(Integer.MAX_VALUE));
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

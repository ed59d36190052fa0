package net.presence.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Derby's settings that must be in place before it boots: derby.log goes to the data directory
 * beside the database instead of the server's working directory; a deadlock is looked for after
 * one second of waiting instead of twenty (the victim's write is simply run again, see
 * Transactions); and a transaction's row locks on one table are traded for a lock on the whole
 * table past 20,000 rows instead of 5,000. With whole-table locks every one-device read waits for
 * the writer's commit, so a scan of up to 20,000 devices now keeps its row locks; a bigger one still
 * escalates, since its row locks would not fit the heap (a scan of 100,000 new devices held 900,000
 * of them, over 100 MB, when they were never traded). Derby reads these once, when it boots on the
 * first connection; EclipseLink runs PatientLogin before it connects, and Migrations before the
 * first connection of all. A setting given on the command line wins.
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
            System.setProperty(ESCALATION, "20000");
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

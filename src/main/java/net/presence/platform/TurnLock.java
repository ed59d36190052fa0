package net.presence.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Whose turn a periodic task is when several servers share one PostgreSQL: the transaction that
 * gets the task's advisory lock does the work, the others skip this tick. The lock is the
 * transaction's own ({@code pg_try_advisory_xact_lock}): it ends with the commit, or with the
 * connection when a server dies, so no server can keep the task from the others. On Derby there is
 * only ever one server, and every tick is its turn.
 */
public final class TurnLock {

    private TurnLock() {
    }

    /** The task's advisory lock key: the first 8 bytes of a digest of its name, the same on every server. */
    static long key(String task) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("net.presence turn: " + task).getBytes(StandardCharsets.UTF_8));
            long key = 0;
            for (int i = 0; i < Long.BYTES; i++) {
                key = key << 8 | (digest[i] & 0xff);
            }
            return key;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    /** The statement that claims the task's turn, or null when no claim is needed (Derby). */
    public static String claim(String task, boolean shared) {
        return shared ? "SELECT pg_try_advisory_xact_lock(" + key(task) + ")" : null;
    }

    /** Whether the claim's answer gives this transaction the turn. */
    public static boolean granted(Object answer) {
        return Boolean.TRUE.equals(answer);
    }

    /** Whether the database is one several servers may share: PostgreSQL, configured by its URL. */
    public static boolean shared() {
        return Settings.read(Settings.DB_URL).isPresent();
    }
}

package net.presence.platform;

import jakarta.ejb.EJBException;
import java.sql.SQLException;
import java.util.Set;

/**
 * Tells a passing conflict between transactions from a real failure, by the SQL state the JDBC
 * driver reports somewhere in the exception's causes. The states are standard (class 40: the
 * transaction was rolled back; 23505: a unique key already taken) plus Derby's and PostgreSQL's own
 * codes for a lock wait that ran out.
 */
final class Conflicts {

    private static final Set<String> TRANSIENT = Set.of(
            "40001", // deadlock (Derby) or serialization failure (PostgreSQL)
            "40P01", // deadlock (PostgreSQL)
            "40XL1", // lock wait timed out (Derby)
            "40XL2", // lock wait timed out, with the lock table dumped (Derby)
            "55P03", // lock not available (PostgreSQL)
            "23505"); // unique key taken: a device row another request made at the same moment

    private Conflicts() {
    }

    /** The SQL state that makes the failure worth another try, or null. */
    static String transientState(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 20; cause = next(cause), depth++) {
            if (cause instanceof SQLException sql) {
                for (SQLException chained = sql; chained != null; chained = chained.getNextException()) {
                    if (chained.getSQLState() != null && TRANSIENT.contains(chained.getSQLState())) {
                        return chained.getSQLState();
                    }
                }
            }
        }
        return null;
    }

    private static Throwable next(Throwable cause) {
        if (cause instanceof EJBException ejb && ejb.getCausedByException() != null && ejb.getCause() == null) {
            return ejb.getCausedByException();
        }
        return cause.getCause();
    }
}

package net.presence.platform;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Runs each write in a transaction of its own, and runs it again when the database refused it for a
 * conflict that the other side's commit resolves: a deadlock victim, a lock wait that timed out,
 * or the row of a new device that two requests made at once. The client never sees those; it sees
 * its write applied once, or a real answer (409, 422). The work must be safe to repeat: it reads
 * everything it decides on inside its transaction.
 */
@Stateless
@PermitAll
public class Transactions {

    private static final Logger LOG = Logger.getLogger(Transactions.class.getName());
    /** Enough attempts that two writers meeting in a deadlock both get through in practice. */
    static final int ATTEMPTS = 10;

    @Resource
    SessionContext context;

    @jakarta.inject.Inject
    jakarta.enterprise.event.Event<Committing> committing;

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public <T> T retrying(Supplier<T> work) {
        Transactions self = context.getBusinessObject(Transactions.class);
        for (int attempt = 1; ; attempt++) {
            try {
                return self.once(work);
            } catch (RuntimeException failure) {
                String conflict = Conflicts.transientState(failure);
                if (conflict == null || attempt == ATTEMPTS) {
                    throw failure;
                }
                int tried = attempt;
                LOG.fine(() -> "Write met a passing conflict (SQL state " + conflict + "), attempt " + tried + "; again");
                pause(attempt);
            }
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public <T> T once(Supplier<T> work) {
        T result = work.get();
        committing.fire(new Committing());
        return result;
    }

    /** A short, growing, jittered pause, so that two writers that collided do not collide again. */
    private static void pause(int attempt) {
        long millis = (long) (Math.min(200, 5L << attempt) * (0.5 + Math.random()));
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package net.presence.sessions.control;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionScoped;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import net.presence.platform.Committing;
import net.presence.platform.TurnLock;
import net.presence.sessions.entity.Session;
import net.presence.values.MacAddress;

/**
 * What one transaction changed, for the live stream: the {@link Ledger} notes each change here, and
 * the first note fires {@link Committed}, whose transactional observers see the changes only once
 * the transaction has committed (a rolled-back write is never streamed). On PostgreSQL the changes
 * are also announced to the other servers with {@code pg_notify} just before the commit, in the
 * same transaction: a notification is delivered if and only if the transaction commits.
 * <p>
 * More than {@link #MAX_CHANGES} changes in one transaction (a scan of thousands, an import) are not
 * sent one by one: the clients get one {@link LiveChange.Kind#RELOAD} instead.
 */
@TransactionScoped
public class LiveChanges implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Beyond this many changes in one transaction, one reload says more than the changes would. */
    public static final int MAX_CHANGES = 1000;

    /** The channel every server listens on. */
    public static final String CHANNEL = "sessions_live";

    /** The changes of one committed transaction, as the stream's observers receive them. */
    public static final class Committed {

        private final List<LiveChange> changes = new ArrayList<>();
        private final Set<Session> sessions = Collections.newSetFromMap(new IdentityHashMap<>());
        private long overflow;

        /** The changes, or one reload when there were too many; read after the commit. */
        public List<LiveChange> changes() {
            return overflow > 0 ? List.of(LiveChange.reload(overflow)) : changes;
        }

        void add(LiveChange change) {
            if (overflow > 0) {
                overflow++;
            } else if (change.kind() == LiveChange.Kind.RELOAD || changes.size() >= MAX_CHANGES) {
                overflow = changes.size() + Math.max(1, change.count());
                changes.clear();
                sessions.clear();
            } else if (change.session() == null || sessions.add(change.session())) {
                // one session changed twice in one transaction is sent once, as it ends up
                changes.add(change);
            }
        }
    }

    @Inject
    transient Event<Committed> committed;

    @PersistenceContext
    transient EntityManager em;

    private transient Committed changes;

    public void session(Session session) {
        note(LiveChange.of(session));
    }

    public void deleted(MacAddress mac, long sessions) {
        if (sessions > 0) {
            note(LiveChange.deleted(mac, sessions));
        }
    }

    public void bulk(long rows) {
        note(LiveChange.reload(rows));
    }

    private void note(LiveChange change) {
        if (changes == null) {
            changes = new Committed();
            committed.fire(changes);
        }
        changes.add(change);
    }

    /**
     * Just before the commit, in the transaction: on PostgreSQL, tells every server (this one
     * ignores its own) which sessions to read again. The session ids are known by now, the rows
     * flushed or about to be.
     */
    void announce(@Observes(notifyObserver = Reception.IF_EXISTS) Committing committing) {
        if (changes == null || !TurnLock.shared()) {
            return;
        }
        em.flush();
        for (String payload : LiveNotice.encode(changes.changes())) {
            em.createNativeQuery("SELECT pg_notify('" + CHANNEL + "', ?1)").setParameter(1, payload).getResultList();
        }
    }
}

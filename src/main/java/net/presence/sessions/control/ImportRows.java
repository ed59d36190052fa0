package net.presence.sessions.control;

import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.LongSupplier;
import net.presence.sessions.entity.Event;
import net.presence.sessions.entity.Session;

/**
 * Sessions and events of a bulk import, written as plain JDBC batches on the transaction's own
 * connection: the entity manager would track, copy and compare every one of them before it wrote
 * the same rows, and a profile showed that to be a quarter of an import's time. Only the
 * {@link Ledger} makes one, so it stays the one writer; ids come from the entities' own sequences.
 */
public final class ImportRows implements AutoCloseable {

    /** Rows per JDBC batch: the driver's round trips stop mattering well before this. */
    static final int BATCH = 1000;

    private final PreparedStatement sessions;
    private final PreparedStatement events;
    private final LongSupplier sessionIds;
    private final LongSupplier eventIds;
    private int pendingSessions;
    private int pendingEvents;

    ImportRows(Connection connection, LongSupplier sessionIds, LongSupplier eventIds) throws SQLException {
        this.sessions = connection.prepareStatement(Session.INSERT);
        this.events = connection.prepareStatement(Event.INSERT);
        this.sessionIds = sessionIds;
        this.eventIds = eventIds;
    }

    public void session(Session session) {
        try {
            session.bindInsert(sessions, sessionIds.getAsLong());
            sessions.addBatch();
            if (++pendingSessions == BATCH) {
                sessions.executeBatch();
                pendingSessions = 0;
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    public void event(Event event) {
        try {
            event.bindInsert(events, eventIds.getAsLong());
            events.addBatch();
            if (++pendingEvents == BATCH) {
                events.executeBatch();
                pendingEvents = 0;
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** Writes what is pending; the statements stay usable. */
    public void flush() {
        try {
            if (pendingSessions > 0) {
                sessions.executeBatch();
                pendingSessions = 0;
            }
            if (pendingEvents > 0) {
                events.executeBatch();
                pendingEvents = 0;
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** Writes what is pending and lets the statements go (the connection belongs to the transaction). */
    @Override
    public void close() {
        try {
            flush();
        } finally {
            closeQuietly(sessions);
            closeQuietly(events);
        }
    }

    private static void closeQuietly(PreparedStatement statement) {
        try {
            statement.close();
        } catch (SQLException e) {
            // the transaction's end releases it anyway
        }
    }

    /**
     * A refused write, as the persistence layer would report it, so that {@code Transactions}
     * recognises a passing conflict (deadlock, lock timeout) by its SQL state and tries again.
     */
    private static RuntimeException failed(SQLException e) {
        SQLException cause = e.getNextException() != null ? e.getNextException() : e;
        return new PersistenceException("Import rows could not be written: " + cause.getMessage(), e);
    }
}

package net.presence.sessions.boundary;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.presence.platform.ConfiguredDataSource;
import net.presence.sessions.control.LiveChange;
import net.presence.sessions.control.LiveChanges;
import net.presence.sessions.control.LiveNotice;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * On PostgreSQL, the changes other servers commit: a thread that keeps a connection of its own
 * (outside the pool, which must not lose one for good), {@code LISTEN}s on the live channel and hands
 * each notice to the {@link LiveFeed}. A lost connection is opened again; notices sent meanwhile are
 * lost, so after a reconnect the streams are told to reload.
 */
final class LiveListener implements Runnable {

    private static final Logger LOG = Logger.getLogger(LiveListener.class.getName());
    private static final int POLL_MILLIS = 1000;
    private static final long RETRY_MILLIS = 2000;

    private final LiveFeed feed;
    private volatile boolean running = true;
    private volatile Thread thread;

    LiveListener(LiveFeed feed) {
        this.feed = feed;
    }

    void stop() {
        running = false;
        Thread listening = thread;
        if (listening != null) {
            listening.interrupt();
        }
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        boolean reconnect = false;
        while (running) {
            try (Connection connection = ConfiguredDataSource.fromSettings("sessions-live").getConnection()) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + LiveChanges.CHANNEL);
                }
                if (reconnect) {
                    feed.publish(List.of(LiveChange.reload(0)));
                }
                LOG.fine("Listening for other servers' live changes");
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notices = postgres.getNotifications(POLL_MILLIS);
                    if (notices == null) {
                        continue;
                    }
                    for (PGNotification notice : notices) {
                        LiveNotice.decode(notice.getParameter()).filter(decoded -> !decoded.fromThisServer())
                                .ifPresent(this::hand);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.log(Level.WARNING, "The live listener lost PostgreSQL; connecting again in " + RETRY_MILLIS + " ms: " + e);
                reconnect = true;
                try {
                    Thread.sleep(RETRY_MILLIS);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void hand(LiveNotice notice) {
        switch (notice.kind()) {
            case SESSION -> feed.noticed(notice.sessionIds());
            case DELETED -> feed.publish(List.of(LiveChange.deleted(notice.mac(), notice.count())));
            case RELOAD -> feed.publish(List.of(LiveChange.reload(notice.count())));
        }
    }
}

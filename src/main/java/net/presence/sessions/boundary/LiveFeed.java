package net.presence.sessions.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.presence.platform.Drain;
import net.presence.platform.TurnLock;
import net.presence.sessions.control.EventRing;
import net.presence.sessions.control.LiveChange;
import net.presence.sessions.control.LiveChanges;
import net.presence.values.DisplayFormat;

/**
 * The live stream's hub ({@code GET /sessions/stream}): committed changes come in, numbered, into a
 * ring of recent events, and out to every open stream, each in its own display zone.
 * <ul>
 * <li>One thread, the dispatcher, numbers, keeps and sends every event and heartbeat, so that a
 * client that resumes gets the events it missed and then the new ones, none twice, none lost.</li>
 * <li>Changes reach it after their transaction committed ({@link LiveChanges}): from this server's
 * own writes directly, from other servers on the same PostgreSQL through {@link LiveListener}.</li>
 * <li>The ring keeps {@link #RING_EVENTS} events for at most {@link #RING_MINUTES} minutes; a
 * {@code Last-Event-ID} beyond it (or from another run or server) gets a {@code reload} event.</li>
 * <li>A stop (platform Drain) ends every stream at once: a stream is not a request in flight, and the
 * client's reconnect goes to a server that is not stopping.</li>
 * </ul>
 */
@ApplicationScoped
public class LiveFeed {

    private static final Logger LOG = Logger.getLogger(LiveFeed.class.getName());

    static final int RING_EVENTS = 10_000;
    static final int RING_MINUTES = 5;
    static final long HEARTBEAT_SECONDS = 15;
    /** How long a client waits before reconnecting, sent at the start of each stream. */
    static final long RECONNECT_MILLIS = 3000;

    public static final String SESSION = "session";
    public static final String DELETED = "deleted";
    public static final String RELOAD = "reload";
    public static final String READY = "ready";

    @Resource
    ManagedThreadFactory threads;

    @EJB
    Sessions sessions;

    private final EventRing<LiveChange> ring = new EventRing<>(RING_EVENTS, TimeUnit.MINUTES.toMillis(RING_MINUTES),
            System.currentTimeMillis() * 1000);
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService dispatcher;
    private LiveListener listener;
    private final Runnable endAll = this::endAll;

    private record Subscriber(SseEventSink sink, Sse sse, ZoneId zone) {
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        dispatcher();
    }

    private synchronized ScheduledExecutorService dispatcher() {
        if (dispatcher == null) {
            dispatcher = Executors.newSingleThreadScheduledExecutor(threads);
            dispatcher.scheduleAtFixedRate(this::heartbeat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
            Drain.onDrain(endAll);
            if (TurnLock.shared()) {
                listener = new LiveListener(this);
                threads.newThread(listener).start();
            }
        }
        return dispatcher;
    }

    @PreDestroy
    synchronized void stop() {
        Drain.removeOnDrain(endAll);
        if (listener != null) {
            listener.stop();
        }
        if (dispatcher != null) {
            dispatcher.shutdownNow();
        }
        subscribers.forEach(subscriber -> close(subscriber.sink()));
        subscribers.clear();
    }

    // ----- changes in

    /** This server's writes, once committed; a rolled-back transaction never gets here. */
    public void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) LiveChanges.Committed committed) {
        publish(committed.changes());
    }

    /** Changes for the dispatcher to number, keep and send, in this order. */
    public void publish(List<LiveChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        run(() -> {
            long now = System.currentTimeMillis();
            for (LiveChange change : changes) {
                EventRing.Entry<LiveChange> entry = ring.append(change, now);
                Map<ZoneId, OutboundSseEvent> rendered = new HashMap<>();
                for (Subscriber subscriber : subscribers) {
                    send(subscriber, rendered.computeIfAbsent(subscriber.zone(), zone -> event(subscriber.sse(), entry, zone)));
                }
            }
        });
    }

    /** Another server's notice: the sessions read again from the database, as they are now. */
    public void noticed(List<Long> sessionIds) {
        publish(sessions.byIds(sessionIds).stream().map(LiveChange::of).toList());
    }

    // ----- streams out

    /**
     * A new stream: the events after {@code lastEventId} first (or a reload when they are no longer
     * all held), then every new one. The registration runs on the dispatcher, between two events.
     */
    public void subscribe(SseEventSink sink, Sse sse, ZoneId zone, Long lastEventId) {
        Subscriber subscriber = new Subscriber(sink, sse, zone);
        run(() -> {
            long now = System.currentTimeMillis();
            Optional<List<EventRing.Entry<LiveChange>>> missed = lastEventId == null ? Optional.of(List.of())
                    : ring.after(lastEventId, now);
            boolean sent = send(subscriber, sse.newEventBuilder().name(READY).reconnectDelay(RECONNECT_MILLIS)
                    .data(String.class, ready(zone, lastEventId != null && missed.isPresent()))
                    .build());
            if (!sent) {
                return;
            }
            if (missed.isEmpty()) {
                // the client missed events this server no longer holds: only a reload brings it up to date
                send(subscriber, reload(sse, ring.lastId(), "resume", 0));
            } else {
                for (EventRing.Entry<LiveChange> entry : missed.get()) {
                    if (!send(subscriber, event(sse, entry, zone))) {
                        return;
                    }
                }
            }
            subscribers.add(subscriber);
        });
    }

    private void heartbeat() {
        ring.expire(System.currentTimeMillis());
        for (Subscriber subscriber : subscribers) {
            send(subscriber, subscriber.sse().newEventBuilder().comment("heartbeat").build());
        }
    }

    /** Whether the event went out; a stream that fails is closed and forgotten. */
    private boolean send(Subscriber subscriber, OutboundSseEvent event) {
        if (!subscriber.sink().isClosed()) {
            try {
                var sent = subscriber.sink().send(event).toCompletableFuture();
                if (!sent.isCompletedExceptionally()) {
                    return true;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "A live stream failed", e);
            }
        }
        subscribers.remove(subscriber);
        close(subscriber.sink());
        return false;
    }

    private void endAll() {
        List<Subscriber> all = new ArrayList<>(subscribers);
        subscribers.clear();
        all.forEach(subscriber -> close(subscriber.sink()));
    }

    private static void close(SseEventSink sink) {
        try {
            sink.close();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "A live stream did not close cleanly", e);
        }
    }

    private void run(Runnable task) {
        try {
            dispatcher().execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "The live stream's dispatcher failed on a task", e);
                }
            });
        } catch (RejectedExecutionException stopping) {
            // the application is stopping: nothing more is sent
        }
    }

    // ----- what an event says: its data is JSON text, written as it is (as text/plain, so that no
    // JSON binding turns the text into a JSON string)

    static OutboundSseEvent event(Sse sse, EventRing.Entry<LiveChange> entry, ZoneId zone) {
        LiveChange change = entry.value();
        return switch (change.kind()) {
            case SESSION -> sse.newEventBuilder().name(SESSION).id(Long.toString(entry.id()))
                    .data(String.class, row(change, zone, Instant.ofEpochMilli(entry.at()))).build();
            case DELETED -> sse.newEventBuilder().name(DELETED).id(Long.toString(entry.id()))
                    .data(String.class, json(json -> json.write("ses_MAC", change.mac().toString())
                            .write("deleted", change.count()))).build();
            case RELOAD -> reload(sse, entry.id(), "changes", change.count());
        };
    }

    private static OutboundSseEvent reload(Sse sse, long id, String reason, long changes) {
        return sse.newEventBuilder().name(RELOAD).id(Long.toString(id))
                .data(String.class, json(json -> json.write("reason", reason).write("changes", changes))).build();
    }

    /** The session row exactly as the list shows it (SessionRows), in the stream's zone. */
    static String row(LiveChange change, ZoneId zone, Instant at) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = Json.createGenerator(out)) {
            SessionRows.write(json, change.session(), new DisplayFormat(zone), at);
        }
        return out.toString();
    }

    private static String ready(ZoneId zone, boolean resumed) {
        return json(json -> json.write("success", true).write("timezone", zone.getId()).write("resumed", resumed));
    }

    private static String json(java.util.function.Consumer<JsonGenerator> fields) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = Json.createGenerator(out)) {
            json.writeStartObject();
            fields.accept(json);
            json.writeEnd();
        }
        return out.toString();
    }
}

package net.presence.sessions.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import net.presence.sessions.control.LiveChange;
import net.presence.sessions.entity.EventType;
import net.presence.sessions.entity.Session;
import net.presence.values.IpAddress;
import net.presence.values.MacAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The feed without a server: numbering, zones, resume and reload, with fake sinks that record what they were sent. */
class LiveFeedTest {

    final LiveFeed feed = new LiveFeed();

    LiveFeedTest() {
        feed.threads = new ManagedThreadFactory() {
            @Override
            public Thread newThread(Runnable task) {
                Thread thread = new Thread(task, "live-feed-test");
                thread.setDaemon(true);
                return thread;
            }

            @Override
            public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @AfterEach
    void stop() {
        feed.stop();
    }

    @Test
    void eachStreamGetsTheRowInItsOwnZoneWithOneIdForAll() throws Exception {
        Sink berlin = new Sink();
        Sink utc = new Sink();
        feed.subscribe(berlin, SSE, ZoneId.of("Europe/Berlin"), null);
        feed.subscribe(utc, SSE, ZoneId.of("UTC"), null);
        feed.publish(List.of(LiveChange.of(session("AA:BB:CC:DD:EE:01", "2025-03-01T09:00:00Z", "2025-03-01T10:30:00Z"))));
        List<Event> b = berlin.await(2);
        List<Event> u = utc.await(2);
        assertEquals("ready", b.get(0).name());
        assertEquals("{\"success\":true,\"timezone\":\"Europe/Berlin\",\"resumed\":false}", b.get(0).data());
        assertEquals("session", b.get(1).name());
        assertEquals(b.get(1).id(), u.get(1).id());
        assertTrue(b.get(1).data().contains("\"ses_Connection\":\"2025-03-01 10:00\""), b.get(1).data());
        assertTrue(u.get(1).data().contains("\"ses_Connection\":\"2025-03-01 09:00\""), u.get(1).data());
        assertTrue(b.get(1).data().contains("\"ses_Duration\":\"1h 30m\""), b.get(1).data());
    }

    @Test
    void aResumeSendsWhatWasMissedThenWhatComes() throws Exception {
        Sink first = new Sink();
        feed.subscribe(first, SSE, ZoneId.of("UTC"), null);
        feed.publish(List.of(LiveChange.of(session("AA:BB:CC:DD:EE:02", "2025-03-01T09:00:00Z", null)),
                LiveChange.deleted(MacAddress.parse("AA:BB:CC:DD:EE:03"), 3),
                LiveChange.reload(5000)));
        List<Event> seen = first.await(4);
        long id = Long.parseLong(seen.get(1).id());
        assertEquals(List.of(id, id + 1, id + 2), seen.subList(1, 4).stream().map(event -> Long.parseLong(event.id())).toList());
        assertEquals("{\"ses_MAC\":\"AA:BB:CC:DD:EE:03\",\"deleted\":3}", seen.get(2).data());
        assertEquals("reload", seen.get(3).name());
        assertEquals("{\"reason\":\"changes\",\"changes\":5000}", seen.get(3).data());

        Sink resumed = new Sink();
        feed.subscribe(resumed, SSE, ZoneId.of("UTC"), id);
        feed.publish(List.of(LiveChange.deleted(MacAddress.parse("AA:BB:CC:DD:EE:04"), 1)));
        List<Event> again = resumed.await(4);
        assertEquals("{\"success\":true,\"timezone\":\"UTC\",\"resumed\":true}", again.get(0).data());
        assertEquals(List.of(id + 1, id + 2, id + 3), again.subList(1, 4).stream().map(event -> Long.parseLong(event.id())).toList());

        Sink lost = new Sink();
        feed.subscribe(lost, SSE, ZoneId.of("UTC"), 12L);
        List<Event> told = lost.await(2);
        assertEquals("{\"success\":true,\"timezone\":\"UTC\",\"resumed\":false}", told.get(0).data());
        assertEquals("reload", told.get(1).name());
        assertEquals("{\"reason\":\"resume\",\"changes\":0}", told.get(1).data());
    }

    @Test
    void aClosedStreamIsForgotten() throws Exception {
        Sink gone = new Sink();
        Sink staying = new Sink();
        feed.subscribe(gone, SSE, ZoneId.of("UTC"), null);
        feed.subscribe(staying, SSE, ZoneId.of("UTC"), null);
        gone.await(1);
        gone.close();
        feed.publish(List.of(LiveChange.reload(1)));
        staying.await(2);
        assertEquals(1, gone.events.size(), "nothing more for a closed stream");
    }

    static Session session(String mac, String start, String end) {
        Session session = Session.open(MacAddress.parse(mac), IpAddress.parse("10.0.0.1"), "", Instant.parse(start), EventType.CONNECTED);
        if (end != null) {
            session.close(Instant.parse(end), EventType.DISCONNECTED);
        }
        return session;
    }

    // ----- fakes of what the JAX-RS runtime gives

    record Event(String id, String name, String comment, String data) implements OutboundSseEvent {

        @Override
        public String getId() {
            return id;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getComment() {
            return comment;
        }

        @Override
        public long getReconnectDelay() {
            return -1;
        }

        @Override
        public boolean isReconnectDelaySet() {
            return false;
        }

        @Override
        public Class<?> getType() {
            return String.class;
        }

        @Override
        public Type getGenericType() {
            return String.class;
        }

        @Override
        public MediaType getMediaType() {
            return MediaType.TEXT_PLAIN_TYPE;
        }

        @Override
        public Object getData() {
            return data;
        }
    }

    static final class Builder implements OutboundSseEvent.Builder {

        private String id;
        private String name;
        private String comment;
        private String data;

        @Override
        public OutboundSseEvent.Builder id(String id) {
            this.id = id;
            return this;
        }

        @Override
        public OutboundSseEvent.Builder name(String name) {
            this.name = name;
            return this;
        }

        @Override
        public OutboundSseEvent.Builder reconnectDelay(long milliseconds) {
            return this;
        }

        @Override
        public OutboundSseEvent.Builder mediaType(MediaType mediaType) {
            return this;
        }

        @Override
        public OutboundSseEvent.Builder comment(String comment) {
            this.comment = comment;
            return this;
        }

        @Override
        public OutboundSseEvent.Builder data(Class type, Object data) {
            this.data = (String) data;
            return this;
        }

        @Override
        public OutboundSseEvent.Builder data(GenericType type, Object data) {
            this.data = (String) data;
            return this;
        }

        @Override
        public OutboundSseEvent.Builder data(Object data) {
            this.data = (String) data;
            return this;
        }

        @Override
        public OutboundSseEvent build() {
            return new Event(id, name, comment, data);
        }
    }

    static final Sse SSE = new Sse() {
        @Override
        public OutboundSseEvent.Builder newEventBuilder() {
            return new Builder();
        }

        @Override
        public SseBroadcaster newBroadcaster() {
            throw new UnsupportedOperationException();
        }
    };

    static final class Sink implements SseEventSink {

        final List<Event> events = new CopyOnWriteArrayList<>();
        private volatile boolean closed;

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public CompletionStage<?> send(OutboundSseEvent event) {
            if (closed) {
                throw new IllegalStateException("closed");
            }
            events.add((Event) event);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {
            closed = true;
        }

        /** The first n events (heartbeats aside), waiting for them a few seconds at most. */
        List<Event> await(int n) throws InterruptedException {
            long until = System.currentTimeMillis() + 5000;
            while (System.currentTimeMillis() < until) {
                List<Event> real = events.stream().filter(event -> event.comment() == null).toList();
                if (real.size() >= n) {
                    return real;
                }
                Thread.sleep(10);
            }
            throw new AssertionError("Only " + events + " within 5 s");
        }
    }
}

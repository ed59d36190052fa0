package net.presence.sessions.control;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The recent events of a live stream, each with an id one higher than the last, kept for a reconnect
 * to resume from ({@code Last-Event-ID}): at most {@code capacity} events, none older than
 * {@code maxAgeMillis}. An id this ring can no longer answer for (evicted, from before this server
 * started, or from another server) is told apart from one it can, so that the client is told to
 * reload rather than silently missing changes.
 * <p>
 * Not thread-safe: one thread (the stream's dispatcher) appends and reads.
 *
 * @param <T> what an event carries
 */
public final class EventRing<T> {

    /** One event: its id, when it was published (epoch ms) and what it carries. */
    public record Entry<T>(long id, long at, T value) {
    }

    private final int capacity;
    private final long maxAgeMillis;
    private final ArrayDeque<Entry<T>> entries = new ArrayDeque<>();
    private long nextId;
    /** The highest id no longer held: a client that saw it has missed nothing still held. */
    private long evictedUpTo;

    /**
     * @param firstId the id of the first event; a server starts from its start time in microseconds
     *                (epoch ms × 1000), so that ids of an earlier run of it are all lower and never resume
     */
    public EventRing(int capacity, long maxAgeMillis, long firstId) {
        if (capacity < 1 || maxAgeMillis < 1) {
            throw new IllegalArgumentException("A ring holds at least one event for at least one millisecond");
        }
        this.capacity = capacity;
        this.maxAgeMillis = maxAgeMillis;
        this.nextId = firstId;
        this.evictedUpTo = firstId - 1;
    }

    /** Keeps the value as the newest event; its entry, with the new id. */
    public Entry<T> append(T value, long now) {
        Entry<T> entry = new Entry<>(nextId++, now, value);
        entries.addLast(entry);
        while (entries.size() > capacity) {
            evictedUpTo = entries.removeFirst().id();
        }
        expire(now);
        return entry;
    }

    /** Lets go of events older than the maximum age. */
    public void expire(long now) {
        while (!entries.isEmpty() && entries.peekFirst().at() < now - maxAgeMillis) {
            evictedUpTo = entries.removeFirst().id();
        }
    }

    /**
     * The events after the given id, oldest first (empty when the client saw the newest), or
     * nothing when the ring cannot tell what came after it: the id is older than the oldest event
     * held, or is no id this ring ever gave.
     */
    public Optional<List<Entry<T>>> after(long lastSeen, long now) {
        expire(now);
        if (lastSeen < evictedUpTo || lastSeen >= nextId) {
            return Optional.empty();
        }
        List<Entry<T>> missed = new ArrayList<>();
        for (Entry<T> entry : entries) {
            if (entry.id() > lastSeen) {
                missed.add(entry);
            }
        }
        return Optional.of(missed);
    }

    /** The id the last event got, or one less than the first id when there was none. */
    public long lastId() {
        return nextId - 1;
    }

    public int size() {
        return entries.size();
    }
}

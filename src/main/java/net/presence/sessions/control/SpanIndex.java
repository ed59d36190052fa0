package net.presence.sessions.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.presence.values.Span;

/**
 * The spans of one device's sessions, which never overlap each other, kept by start so that a new
 * span is checked against the few it may meet: a binary search finds the last one that starts no
 * later than the new one ends, and the walk back stops where no earlier span reaches the new one's
 * start (a running maximum of the ends says so). Sessions that come in order of start are added at
 * the end; others are put in their place. Three numbers a span, plus what the caller attaches.
 * <p>
 * Times are epoch milliseconds, as sessions are stored.
 *
 * @param <T> what a span stands for (a stored session), or nothing
 */
public final class SpanIndex<T> {

    private long[] starts = new long[16];
    /** The end, {@link Long#MAX_VALUE} for an open span, equal to the start for a single instant. */
    private long[] ends = new long[16];
    /** The greatest end of this and every earlier span (an instant counts as its start). */
    private long[] reach = new long[16];
    private Object[] values;
    private int size;

    public int size() {
        return size;
    }

    /** An index of its own with the same spans, for a unit of work that may have to start again. */
    public SpanIndex<T> copy() {
        SpanIndex<T> copy = new SpanIndex<>();
        copy.starts = starts.clone();
        copy.ends = ends.clone();
        copy.reach = reach.clone();
        copy.values = values == null ? null : values.clone();
        copy.size = size;
        return copy;
    }

    /** Adds a span that overlaps none of those here. */
    public void add(Span span, T value) {
        long start = start(span);
        long end = end(span);
        int at = size == 0 || starts[size - 1] <= start ? size : after(start);
        if (size == starts.length) {
            int grown = size * 2;
            starts = Arrays.copyOf(starts, grown);
            ends = Arrays.copyOf(ends, grown);
            reach = Arrays.copyOf(reach, grown);
            if (values != null) {
                values = Arrays.copyOf(values, grown);
            }
        }
        if (value != null && values == null) {
            values = new Object[starts.length];
        }
        System.arraycopy(starts, at, starts, at + 1, size - at);
        System.arraycopy(ends, at, ends, at + 1, size - at);
        if (values != null) {
            System.arraycopy(values, at, values, at + 1, size - at);
            values[at] = value;
        }
        starts[at] = start;
        ends[at] = end;
        size++;
        for (int i = at; i < size; i++) {
            reach[i] = Math.max(i == 0 ? Long.MIN_VALUE : reach[i - 1], ends[i]);
        }
    }

    /** The spans here that overlap the given one, by {@link Span#overlaps}, with what each stands for. */
    public List<Match<T>> overlapping(Span span) {
        long start = start(span);
        long end = end(span);
        List<Match<T>> found = new ArrayList<>(1);
        for (int i = after(end) - 1; i >= 0 && reach[i] >= start; i--) {
            Span candidate = span(i);
            if (candidate.overlaps(span)) {
                @SuppressWarnings("unchecked")
                T value = values == null ? null : (T) values[i];
                found.add(new Match<>(candidate, value));
            }
        }
        return found;
    }

    /** A span found, and what it stands for. */
    public record Match<T>(Span span, T value) {
    }

    /** The index of the first span that starts after the instant. */
    private int after(long instant) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (starts[mid] <= instant) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private Span span(int i) {
        Instant start = Instant.ofEpochMilli(starts[i]);
        return ends[i] == Long.MAX_VALUE ? Span.open(start) : new Span(start, Instant.ofEpochMilli(ends[i]));
    }

    private static long start(Span span) {
        return span.start().toEpochMilli();
    }

    private static long end(Span span) {
        return span.end() == null ? Long.MAX_VALUE : span.end().toEpochMilli();
    }
}

package net.presence.sessions.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.ArrayList;
import net.presence.values.Span;
import org.junit.jupiter.api.Test;

class SpanIndexTest {

    static Span span(long from, long to) {
        return new Span(Instant.ofEpochMilli(from), Instant.ofEpochMilli(to));
    }

    static List<String> found(SpanIndex<String> index, Span span) {
        return index.overlapping(span).stream().map(SpanIndex.Match::value).sorted().toList();
    }

    @Test
    void findsWhatOverlapsByTheSpansOwnRule() {
        SpanIndex<String> index = new SpanIndex<>();
        index.add(span(10, 20), "a");
        index.add(span(20, 20), "instant at a's end");
        index.add(span(20, 30), "b");
        index.add(Span.open(Instant.ofEpochMilli(100)), "open");

        assertEquals(List.of("a"), found(index, span(15, 15)));
        assertEquals(List.of("a", "b", "instant at a's end"), found(index, span(19, 21)));
        assertEquals(List.of("instant at a's end"), found(index, span(20, 20)));
        assertEquals(List.of(), found(index, span(30, 100)), "neighbours touch without overlapping");
        assertEquals(List.of("open"), found(index, span(5000, 6000)));
        assertEquals(List.of(), found(index, span(0, 10)));
    }

    @Test
    void aSpanOutOfOrderIsPutInItsPlaceAndALongOneIsStillFound() {
        SpanIndex<String> index = new SpanIndex<>();
        index.add(span(1000, 2000), "late");
        index.add(span(0, 900), "long");
        index.add(span(950, 960), "between");

        assertEquals(List.of("long"), found(index, span(800, 800)));
        assertEquals(List.of("between", "late", "long"), found(index, span(500, 1500)));
        assertEquals(List.of(), found(index, span(960, 1000)));
    }

    @Test
    void agreesWithCheckingEverySpanOneByOne() {
        SplittableRandom random = new SplittableRandom(7);
        SpanIndex<String> index = new SpanIndex<>();
        List<Span> all = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            long from = random.nextLong(100_000);
            Span candidate = random.nextInt(5) == 0 ? span(from, from) : span(from, from + 1 + random.nextLong(300));
            if (all.stream().noneMatch(candidate::overlaps)) {
                all.add(candidate);
                index.add(candidate, String.valueOf(all.size()));
            }
        }
        SpanIndex<String> copy = index.copy();
        for (int i = 0; i < 2000; i++) {
            long from = random.nextLong(100_000);
            Span probe = random.nextInt(4) == 0 ? span(from, from) : span(from, from + random.nextLong(1000));
            long expected = all.stream().filter(probe::overlaps).count();
            assertEquals(expected, index.overlapping(probe).size(), probe.toString());
            assertEquals(expected, copy.overlapping(probe).size(), probe.toString());
        }
    }
}

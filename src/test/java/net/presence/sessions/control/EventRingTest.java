package net.presence.sessions.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventRingTest {

    private static List<String> values(Optional<List<EventRing.Entry<String>>> entries) {
        return entries.orElseThrow().stream().map(EventRing.Entry::value).toList();
    }

    @Test
    void idsIncreaseByOneFromTheFirst() {
        EventRing<String> ring = new EventRing<>(10, 60_000, 500);
        assertEquals(499, ring.lastId());
        assertEquals(500, ring.append("a", 0).id());
        assertEquals(501, ring.append("b", 0).id());
        assertEquals(501, ring.lastId());
    }

    @Test
    void aResumeGetsExactlyTheEventsAfterTheLastSeen() {
        EventRing<String> ring = new EventRing<>(10, 60_000, 1);
        ring.append("a", 0);
        ring.append("b", 0);
        ring.append("c", 0);
        assertEquals(List.of("b", "c"), values(ring.after(1, 0)));
        assertEquals(List.of("a", "b", "c"), values(ring.after(0, 0)), "one before the first id: everything");
        assertEquals(List.of(), values(ring.after(3, 0)), "saw the newest: nothing to send, but nothing lost");
    }

    @Test
    void anEmptyRingResumesFromItsOwnStart() {
        EventRing<String> ring = new EventRing<>(10, 60_000, 100);
        assertEquals(List.of(), values(ring.after(99, 0)));
        assertTrue(ring.after(98, 0).isEmpty(), "an id from before this ring began");
        assertTrue(ring.after(100, 0).isEmpty(), "an id this ring never gave");
    }

    @Test
    void anIdEvictedForSpaceCannotResume() {
        EventRing<String> ring = new EventRing<>(3, 60_000, 1);
        for (String value : List.of("a", "b", "c", "d", "e")) {
            ring.append(value, 0);
        }
        assertEquals(3, ring.size());
        assertEquals(List.of("c", "d", "e"), values(ring.after(2, 0)), "2 was evicted but 3 on are held: nothing missed");
        assertTrue(ring.after(1, 0).isEmpty(), "2 was evicted: the client would miss it");
    }

    @Test
    void eventsOlderThanTheMaximumAgeAreLetGo() {
        EventRing<String> ring = new EventRing<>(100, 1000, 1);
        ring.append("a", 0);
        ring.append("b", 500);
        ring.append("c", 1200);
        assertEquals(2, ring.size(), "a is older than a second at 1200");
        assertEquals(List.of("b", "c"), values(ring.after(1, 1200)));
        assertTrue(ring.after(1, 1600).isEmpty(), "by 1600 b is too old as well");
        assertEquals(List.of("c"), values(ring.after(2, 1600)));
    }

    @Test
    void anIdFromTheFutureIsUnknown() {
        EventRing<String> ring = new EventRing<>(10, 60_000, 1);
        ring.append("a", 0);
        assertTrue(ring.after(2, 0).isEmpty(), "another server's or another run's id");
        assertTrue(ring.after(-1, 0).isEmpty());
    }
}

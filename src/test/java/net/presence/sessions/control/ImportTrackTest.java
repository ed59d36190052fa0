package net.presence.sessions.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import net.presence.values.IpAddress;
import net.presence.values.Span;
import org.junit.jupiter.api.Test;

class ImportTrackTest {

    static final Instant T = Instant.parse("2025-03-01T10:00:00Z");

    static Instant at(int minutes) {
        return T.plusSeconds(60L * minutes);
    }

    static Span span(int from, int to) {
        return new Span(at(from), at(to));
    }

    /** Lines in order, each taken when it collides with nothing, as the import does. */
    static ImportTrack taking(Span... spans) {
        ImportTrack track = new ImportTrack(null);
        for (Span span : spans) {
            assertTrue(track.inOrder(span));
            assertFalse(track.collidesWithEarlierLine(span), span.toString());
            track.add(span);
        }
        return track;
    }

    @Test
    void linesInOrderThatTouchDoNotCollide() {
        ImportTrack track = taking(span(0, 60), span(60, 120));
        assertFalse(track.collidesWithEarlierLine(span(120, 180)));
    }

    @Test
    void aLineStartingInsideTheFurthestReachingEarlierOneCollides() {
        ImportTrack track = taking(span(0, 600), span(600, 610));
        assertTrue(track.collidesWithEarlierLine(span(605, 700)));
        ImportTrack reaching = new ImportTrack(null);
        reaching.add(span(0, 600));
        assertTrue(reaching.collidesWithEarlierLine(span(30, 40)));
    }

    @Test
    void anOpenLineCollidesWithEverythingAfterIt() {
        ImportTrack track = taking(new Span(at(0), null));
        assertTrue(track.collidesWithEarlierLine(span(100, 200)));
        assertTrue(track.collidesWithEarlierLine(Span.at(at(100))));
    }

    @Test
    void instantsCollideOnlyWhenEqualOrStrictlyInside() {
        ImportTrack track = taking(span(0, 60), Span.at(at(60)));
        assertTrue(track.collidesWithEarlierLine(Span.at(at(60))));
        assertFalse(track.collidesWithEarlierLine(span(60, 90)), "an interval may start at an earlier instant");
        assertTrue(track.collidesWithEarlierLine(span(59, 90)));
    }

    @Test
    void anEarlierStartIsOutOfOrder() {
        ImportTrack track = taking(span(100, 200));
        assertFalse(track.inOrder(span(50, 60)));
        assertTrue(track.inOrder(span(100, 100)));
    }

    @Test
    void theStoredRangeDecidesWhenTheDatabaseMustBeAsked() {
        ImportTrack none = new ImportTrack(null);
        assertFalse(none.nearStored(span(0, 60)));
        ImportTrack stored = new ImportTrack(new long[] {at(100).toEpochMilli(), at(200).toEpochMilli()});
        assertFalse(stored.nearStored(span(0, 60)));
        assertTrue(stored.nearStored(span(0, 100)), "touching the stored range is near enough to look");
        assertTrue(stored.nearStored(span(150, 160)));
        assertTrue(stored.nearStored(new Span(at(50), null)), "an open line reaches everything after it");
        assertFalse(stored.nearStored(span(201, 300)));
    }

    @Test
    void eventsGiveTheFirstTheLastAndTheLastIp() {
        ImportTrack track = new ImportTrack(null);
        assertNull(track.firstEvent());
        track.event(at(10), IpAddress.parse("10.0.0.1"));
        track.event(at(5), IpAddress.parse("10.0.0.2"));
        track.event(at(20), IpAddress.parse("10.0.0.3"));
        track.event(at(20), IpAddress.parse("10.0.0.4"));
        assertEquals(at(5), track.firstEvent());
        assertEquals(at(20), track.lastEvent());
        assertEquals(IpAddress.parse("10.0.0.4"), track.lastIp(), "of two events at the same instant, the later stored");
    }
}

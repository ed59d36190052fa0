package net.presence.values;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WallTimeTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void anOrdinaryWallTimeIsThatInstant() {
        WallTime time = WallTime.parse("2026-11-28 06:51:09", BERLIN);
        assertEquals(Instant.parse("2026-11-28T05:51:09Z"), time.instant());
        assertEquals(WallTime.Shift.NONE, time.shift());
    }

    @Test
    void aTimeInTheGapMovesForwardByTheGap() {
        WallTime time = WallTime.parse("2026-03-29 02:30:00", BERLIN);
        assertEquals(Instant.parse("2026-03-29T01:30:00Z"), time.instant(), "03:30 CEST");
        assertEquals(WallTime.Shift.GAP, time.shift());
    }

    @Test
    void aRepeatedHourIsTakenAtItsFirstOccurrence() {
        WallTime time = WallTime.parse("2026-10-25 02:30:00", BERLIN);
        assertEquals(Instant.parse("2026-10-25T00:30:00Z"), time.instant(), "02:30 CEST, not CET");
        assertEquals(WallTime.Shift.REPEATED, time.shift());
    }

    @Test
    void fractionsAndTheTAreAccepted() {
        assertEquals(Instant.parse("2026-01-01T09:00:00.250Z"), WallTime.parse("2026-01-01T10:00:00.25", BERLIN).instant());
        assertEquals(Instant.parse("2026-01-01T09:00:00Z"), WallTime.parse("2026-01-01 10:00", BERLIN).instant());
    }

    @Test
    void anythingElseIsInvalid() {
        assertThrows(InvalidValueException.class, () -> WallTime.parse("2026-02-30 10:00:00", BERLIN));
        assertThrows(InvalidValueException.class, () -> WallTime.parse("1700000000", BERLIN));
        assertThrows(InvalidValueException.class, () -> WallTime.parse("2026-01-01 10:00:00+01:00", BERLIN));
        assertThrows(InvalidValueException.class, () -> WallTime.parse(null, BERLIN));
    }
}

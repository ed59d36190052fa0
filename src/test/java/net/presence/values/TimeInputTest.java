package net.presence.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TimeInputTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @ParameterizedTest
    @CsvSource({
            "2025-08-21T10:15:30Z, 2025-08-21T10:15:30Z",
            "2025-08-21 10:15:30Z, 2025-08-21T10:15:30Z",
            "2025-08-21T10:15Z, 2025-08-21T10:15:00Z",
            "2025-08-21 10:15Z, 2025-08-21T10:15:00Z",
            "2025-08-21T10:15:30.5Z, 2025-08-21T10:15:30.500Z",
            "2025-08-21T10:15:30.123456789Z, 2025-08-21T10:15:30.123456789Z",
            "2025-08-21T10:15:30.000001Z, 2025-08-21T10:15:30.000001Z",
            "2025-08-21T10:15+02:00, 2025-08-21T08:15:00Z",
            "2025-08-21T10:15:30+00:00, 2025-08-21T10:15:30Z",
            "2025-08-21T10:15:30-05:30, 2025-08-21T15:45:30Z",
            "2025-08-21 00:00:00.25+05:45, 2025-08-20T18:15:00.250Z",
            "2025-01-01T00:30+01:00, 2024-12-31T23:30:00Z"})
    void dateTimeWithOffsetIsThatExactInstant(String text, String expected) {
        // the display zone plays no part once an offset is given
        assertEquals(Instant.parse(expected), TimeInput.dateTime(text, BERLIN));
        assertEquals(Instant.parse(expected), TimeInput.dateTime(text, NEW_YORK));
    }

    @ParameterizedTest
    @CsvSource({
            "2025-08-21T10:15, Europe/Berlin, 2025-08-21T08:15:00Z",
            "2025-08-21 10:15:30, Europe/Berlin, 2025-08-21T08:15:30Z",
            "2025-01-15T10:15, Europe/Berlin, 2025-01-15T09:15:00Z",
            "2025-08-21T10:15:30.75, UTC, 2025-08-21T10:15:30.750Z",
            "2025-08-21T10:15, America/New_York, 2025-08-21T14:15:00Z",
            "2025-01-15T10:15, America/New_York, 2025-01-15T15:15:00Z",
            "2025-08-21T10:15, Asia/Kolkata, 2025-08-21T04:45:00Z"})
    void dateTimeWithoutOffsetIsWallTimeInTheDisplayZone(String text, String zone, String expected) {
        assertEquals(Instant.parse(expected), TimeInput.dateTime(text, ZoneId.of(zone)));
    }

    @Test
    void wallTimeInDstGapMovesForwardByTheGap() {
        // Berlin skips 02:00-03:00 on 2025-03-30: 02:30 becomes 03:30 CEST
        Instant moved = TimeInput.dateTime("2025-03-30T02:30", BERLIN);
        assertEquals(Instant.parse("2025-03-30T01:30:00Z"), moved);
        assertEquals("2025-03-30T03:30+02:00", moved.atZone(BERLIN).toOffsetDateTime().toString());
        assertEquals(Instant.parse("2025-03-30T01:00:00Z"), TimeInput.dateTime("2025-03-30 02:00", BERLIN));
        assertEquals(Instant.parse("2025-03-30T01:59:59Z"), TimeInput.dateTime("2025-03-30T02:59:59", BERLIN));
    }

    @Test
    void wallTimeInDstGapOfAnotherZone() {
        // New York skips 02:00-03:00 on 2025-03-09: 02:30 becomes 03:30 EDT
        assertEquals(Instant.parse("2025-03-09T07:30:00Z"), TimeInput.dateTime("2025-03-09T02:30", NEW_YORK));
    }

    @Test
    void wallTimeInRepeatedHourTakesTheEarlierOffset() {
        // Berlin has 02:00-03:00 twice on 2025-10-26, first at +02:00, then at +01:00
        Instant earlier = TimeInput.dateTime("2025-10-26T02:30", BERLIN);
        assertEquals(Instant.parse("2025-10-26T00:30:00Z"), earlier);
        assertEquals(ZoneOffset.ofHours(2), BERLIN.getRules().getOffset(earlier));
        assertEquals(Instant.parse("2025-11-02T05:30:00Z"), TimeInput.dateTime("2025-11-02T01:30", NEW_YORK));
    }

    @Test
    void wallTimesAroundTheRepeatedHourAreUnambiguous() {
        assertEquals(Instant.parse("2025-10-25T23:59:00Z"), TimeInput.dateTime("2025-10-26T01:59", BERLIN));
        assertEquals(Instant.parse("2025-10-26T02:00:00Z"), TimeInput.dateTime("2025-10-26T03:00", BERLIN));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-29T12:00", "2000-02-29T12:00", "2025-12-31T23:59:59.999999999"})
    void realDatesAreAccepted(String text) {
        assertEquals(text, TimeInput.dateTime(text, ZoneOffset.UTC).atOffset(ZoneOffset.UTC).toLocalDateTime().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "2025-02-30T10:00",       // February 30
            "2025-02-29T10:00",       // not a leap year
            "1900-02-29T10:00",
            "2025-04-31T10:00",
            "2025-13-01T10:00",
            "2025-00-10T10:00",
            "2025-08-00T10:00",
            "2025-08-21T24:00",       // hour 24
            "2025-08-21T23:60",
            "2025-08-21T23:59:60",    // leap seconds are not written
            "2025-08-21T10:00+25:00", // no such offset
            "2025-08-21T10:00+02:60",
            "2025-02-30T10:00Z"})
    void impossibleDateTimesAreRejected(String text) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> TimeInput.dateTime(text, BERLIN));
        assertTrue(e.getMessage().startsWith(TimeInput.DATE_TIME_ACCEPTED), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "2025-08-21",                       // a date is not a date-time
            "2025-08-21T10",
            "2025-08-21T",
            "2025-8-21T10:00",
            "25-08-21T10:00",
            "2025-08-21T1:00",
            "2025-08-21T10:0",
            "2025-08-21T10:00:0",
            "2025-08-21T10:00:00.",
            "2025-08-21T10:00:00.1234567890",   // more than nanoseconds
            "2025-08-21T10:00.5",               // a fraction needs seconds
            "2025-08-21T10:00+02",
            "2025-08-21T10:00+0200",
            "2025-08-21T10:00 +02:00",
            "2025-08-21T10:00:00Z[Europe/Berlin]",
            "2025-08-21T10:00:00ZZ",
            "2025-08-21  10:00",
            "2025-08-21_10:00",
            "2025/08/21 10:00",
            "21.08.2025 10:00",
            " 2025-08-21T10:00",
            "2025-08-21T10:00 ",
            "+2025-08-21T10:00",
            "1755770400",
            "now"})
    void malformedDateTimesAreRejected(String text) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> TimeInput.dateTime(text, BERLIN));
        assertEquals(TimeInput.DATE_TIME_ACCEPTED, e.getMessage());
    }

    @ParameterizedTest
    @NullAndEmptySource
    void missingDateTimeIsRejected(String text) {
        assertThrows(InvalidValueException.class, () -> TimeInput.dateTime(text, BERLIN));
    }

    @Test
    void dateWindowCoversTheWholeDayInTheZone() {
        assertEquals(Instant.parse("2025-08-20T22:00:00Z"), TimeInput.windowStart("2025-08-21", BERLIN));
        assertEquals(Instant.parse("2025-08-21T22:00:00Z"), TimeInput.windowEnd("2025-08-21", BERLIN));
        assertEquals(Instant.parse("2025-08-21T04:00:00Z"), TimeInput.windowStart("2025-08-21", NEW_YORK));
        assertEquals(Instant.parse("2025-08-22T04:00:00Z"), TimeInput.windowEnd("2025-08-21", NEW_YORK));
    }

    @Test
    void endDateIsIncludedUpToMidnightAfterIt() {
        assertEquals(Instant.parse("2025-08-22T00:00:00Z"), TimeInput.windowEnd("2025-08-21", ZoneOffset.UTC));
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), TimeInput.windowEnd("2025-12-31", ZoneOffset.UTC));
        assertEquals(Instant.parse("2024-03-01T00:00:00Z"), TimeInput.windowEnd("2024-02-29", ZoneOffset.UTC));
    }

    @Test
    void dateWindowsFollowDstDayLengths() {
        Instant start = TimeInput.windowStart("2025-03-30", BERLIN);
        Instant end = TimeInput.windowEnd("2025-03-30", BERLIN);
        assertEquals(Instant.parse("2025-03-29T23:00:00Z"), start);
        assertEquals(Instant.parse("2025-03-30T22:00:00Z"), end);
        assertEquals(Duration.ofHours(23), Duration.between(start, end));
        assertEquals(Duration.ofHours(25),
                Duration.between(TimeInput.windowStart("2025-10-26", BERLIN), TimeInput.windowEnd("2025-10-26", BERLIN)));
    }

    @Test
    void dateWhoseMidnightIsSkippedStartsAtItsFirstInstant() {
        // Santiago moved its clocks from 00:00 to 01:00 on 2024-09-08
        ZoneId santiago = ZoneId.of("America/Santiago");
        assertEquals(Instant.parse("2024-09-08T04:00:00Z"), TimeInput.windowStart("2024-09-08", santiago));
        assertEquals(Instant.parse("2024-09-08T04:00:00Z"), TimeInput.windowEnd("2024-09-07", santiago));
    }

    @ParameterizedTest
    @CsvSource({
            "2025-08-21T10:15, 2025-08-21T08:15:00Z",
            "2025-08-21 10:15:30, 2025-08-21T08:15:30Z",
            "2025-08-21T10:15:30.5Z, 2025-08-21T10:15:30.500Z",
            "2025-08-21T10:15-04:00, 2025-08-21T14:15:00Z",
            "2025-03-30T02:30, 2025-03-30T01:30:00Z",
            "2025-10-26T02:30, 2025-10-26T00:30:00Z"})
    void dateTimeWindowBoundsAreExact(String text, String expected) {
        assertEquals(Instant.parse(expected), TimeInput.windowStart(text, BERLIN));
        assertEquals(Instant.parse(expected), TimeInput.windowEnd(text, BERLIN));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-02-30", "2025-02-29", "2025-13-01", "2025-04-31", "2025-00-01", "2025-01-00"})
    void impossibleDatesAreRejected(String text) {
        assertThrows(InvalidValueException.class, () -> TimeInput.windowStart(text, BERLIN));
        assertThrows(InvalidValueException.class, () -> TimeInput.windowEnd(text, BERLIN));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "2025-8-21", "25-08-21", "2025/08/21", "21.08.2025", "20250821", "2025-08-21T", "2025-08-21 ",
            " 2025-08-21", "2025-08", "2025-08-21T24:00", "2025-02-30T10:00", "today", ""})
    void malformedWindowBoundsAreRejectedWithTheDateForm(String text) {
        InvalidValueException start = assertThrows(InvalidValueException.class, () -> TimeInput.windowStart(text, BERLIN));
        InvalidValueException end = assertThrows(InvalidValueException.class, () -> TimeInput.windowEnd(text, BERLIN));
        assertTrue(start.getMessage().startsWith(TimeInput.DATE_ACCEPTED), start.getMessage());
        assertTrue(end.getMessage().startsWith(TimeInput.DATE_ACCEPTED), end.getMessage());
    }

    @Test
    void missingWindowBoundIsRejected() {
        assertThrows(InvalidValueException.class, () -> TimeInput.windowStart(null, BERLIN));
        assertThrows(InvalidValueException.class, () -> TimeInput.windowEnd(null, BERLIN));
    }
}

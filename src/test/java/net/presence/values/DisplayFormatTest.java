package net.presence.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DisplayFormatTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant SUMMER = Instant.parse("2025-08-01T08:00:00Z");

    @ParameterizedTest
    @CsvSource({
            "2025-08-01T08:00:00Z, Europe/Berlin, 2025-08-01 10:00",
            "2025-08-01T08:00:00Z, UTC, 2025-08-01 08:00",
            "2025-08-01T08:00:59.999Z, Europe/Berlin, 2025-08-01 10:00",
            "2025-08-01T21:05:00Z, UTC, 2025-08-01 21:05",
            "2025-01-15T23:30:00Z, Europe/Berlin, 2025-01-16 00:30",
            "2025-08-01T03:00:00Z, America/New_York, 2025-07-31 23:00",
            "2025-08-01T08:00:00Z, Asia/Kolkata, 2025-08-01 13:30"})
    void displayTimeIsDateAndTwentyFourHourMinutesInTheZone(String instant, String zone, String expected) {
        assertEquals(expected, new DisplayFormat(ZoneId.of(zone)).display(Instant.parse(instant)));
    }

    @ParameterizedTest
    @CsvSource({
            "2025-08-01T08:00:00Z, Europe/Berlin, 2025-08-01T10:00:00+02:00",
            "2025-01-15T08:00:00Z, Europe/Berlin, 2025-01-15T09:00:00+01:00",
            "2025-08-01T08:00:00Z, UTC, 2025-08-01T08:00:00+00:00",
            "2025-08-01T08:00:00Z, Etc/GMT, 2025-08-01T08:00:00+00:00",
            "2025-08-01T08:00:00Z, America/New_York, 2025-08-01T04:00:00-04:00",
            "2025-08-01T08:00:00Z, Asia/Kolkata, 2025-08-01T13:30:00+05:30",
            "2025-08-01T08:00:07.9Z, Europe/Berlin, 2025-08-01T10:00:07+02:00"})
    void isoTimeAlwaysHasANumericOffsetAndWholeSeconds(String instant, String zone, String expected) {
        assertEquals(expected, new DisplayFormat(ZoneId.of(zone)).iso(Instant.parse(instant)));
    }

    @Test
    void isoTimeInUtcIsNeverWrittenWithZ() {
        assertEquals("2025-08-01T08:00:00+00:00", new DisplayFormat(ZoneOffset.UTC).iso(SUMMER));
    }

    @ParameterizedTest
    @CsvSource({
            "2025-08-01T08:00:00Z, Europe/Berlin, 2025-08-01T10:00:00",
            "2025-08-01T08:00:09.5Z, UTC, 2025-08-01T08:00:09",
            "2025-03-30T01:30:00Z, Europe/Berlin, 2025-03-30T03:30:00"})
    void wallTimeHasNoOffset(String instant, String zone, String expected) {
        assertEquals(expected, new DisplayFormat(ZoneId.of(zone)).wall(Instant.parse(instant)));
    }

    @Test
    void repeatedHourIsWrittenTwiceAsTheSameWallTime() {
        DisplayFormat berlin = new DisplayFormat(BERLIN);
        Instant first = Instant.parse("2025-10-26T00:30:00Z");
        Instant second = Instant.parse("2025-10-26T01:30:00Z");
        assertEquals("2025-10-26 02:30", berlin.display(first));
        assertEquals("2025-10-26 02:30", berlin.display(second));
        assertEquals("2025-10-26T02:30:00+02:00", berlin.iso(first));
        assertEquals("2025-10-26T02:30:00+01:00", berlin.iso(second));
    }

    @Test
    void noTimeIsWrittenAsNull() {
        DisplayFormat berlin = new DisplayFormat(BERLIN);
        assertNull(berlin.display(null));
        assertNull(berlin.iso(null));
    }

    @Test
    void keepsItsZone() {
        assertEquals(BERLIN, new DisplayFormat(BERLIN).zone());
    }

    @ParameterizedTest
    @CsvSource({
            "0, 0h 0m",
            "59, 0h 0m",
            "60, 0h 1m",
            "300, 0h 5m",
            "359, 0h 5m",
            "3599, 0h 59m",
            "3600, 1h 0m",
            "7200, 2h 0m",
            "86399, 23h 59m",
            "86400, 1d 0h 0m",
            "86459, 1d 0h 0m",
            "93780, 1d 2h 3m",
            "172799, 1d 23h 59m",
            "864000, 10d 0h 0m",
            "31536000, 365d 0h 0m"})
    void durationIsFlooredToMinutesWithDaysFromOneDayOn(long seconds, String expected) {
        assertEquals(expected, DisplayFormat.duration(seconds));
    }

    @ParameterizedTest
    @CsvSource({
            "2025-08-01T10:00:00Z, 2025-08-01T10:00:00Z, 0",
            "2025-08-01T10:00:00Z, 2025-08-01T10:00:59.999Z, 0",
            "2025-08-01T10:00:00Z, 2025-08-01T10:01:00Z, 60",
            "2025-08-01T10:00:00.900Z, 2025-08-01T10:01:00.100Z, 0",
            "2025-08-01T10:00:00.100Z, 2025-08-01T10:01:00.100Z, 60",
            "2025-08-01T10:00:00Z, 2025-08-01T12:05:30Z, 7500",
            "2025-08-01T10:00:00Z, 2025-08-02T12:03:00Z, 93780"})
    void durationSecondsAreWholeMinutesTimesSixty(String from, String to, long expected) {
        long seconds = DisplayFormat.durationSeconds(Instant.parse(from), Instant.parse(to));
        assertEquals(expected, seconds);
        assertEquals(0, seconds % 60);
    }

    @ParameterizedTest
    @CsvSource({
            "2025-08-01T10:00:00Z, 2025-08-01T09:59:59Z",
            "2025-08-01T10:00:00Z, 2025-08-01T09:00:00Z",
            "2025-08-01T10:00:00.001Z, 2025-08-01T10:00:00Z"})
    void durationSecondsAreNeverNegative(String from, String to) {
        assertEquals(0, DisplayFormat.durationSeconds(Instant.parse(from), Instant.parse(to)));
    }

    @Test
    void durationIsElapsedTimeNotWallClockDifference() {
        // 01:00 CET to 04:00 CEST on the spring-forward day is two hours
        Instant from = Instant.parse("2025-03-30T00:00:00Z");
        Instant to = Instant.parse("2025-03-30T02:00:00Z");
        long seconds = DisplayFormat.durationSeconds(from, to);
        assertEquals(Duration.ofHours(2).toSeconds(), seconds);
        assertEquals("2h 0m", DisplayFormat.duration(seconds));
    }

    @Test
    void wallAndDisplayTimesAreWhatTheirPatternsWrite() {
        DateTimeFormatter wall = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
        DateTimeFormatter display = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");
        SplittableRandom random = new SplittableRandom(7);
        long first = Instant.parse("-0002-06-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("+10002-06-01T00:00:00Z").getEpochSecond();
        for (String zone : new String[] {"UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Pacific/Chatham"}) {
            DisplayFormat format = new DisplayFormat(ZoneId.of(zone));
            for (int i = 0; i < 20_000; i++) {
                // mostly recent years, some anywhere from before year 0 to after 9999
                long seconds = i % 10 == 0 ? random.nextLong(first, last) : random.nextLong(0, 4_102_444_800L);
                Instant time = Instant.ofEpochSecond(seconds, random.nextInt(1_000_000_000));
                assertEquals(wall.format(time.atZone(format.zone())), format.wall(time), zone + " " + time);
                assertEquals(display.format(time.atZone(format.zone())), format.display(time), zone + " " + time);
            }
        }
    }
}

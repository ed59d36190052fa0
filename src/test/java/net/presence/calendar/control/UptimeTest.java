package net.presence.calendar.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UptimeTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final long HOUR = 3_600_000;

    static ConnectedSpan span(String start, String end) {
        return new ConnectedSpan("AA:BB:CC:DD:EE:FF", Instant.parse(start).toEpochMilli(), Instant.parse(end).toEpochMilli());
    }

    static Instant berlin(int year, int month, int day, int hour) {
        return ZonedDateTime.of(year, month, day, hour, 0, 0, 0, BERLIN).toInstant();
    }

    /** The heatmap as text, zeros but for the given "day,hour" cells. */
    static String heatmap(Map<String, String> cells) {
        StringBuilder text = new StringBuilder();
        for (int day = 0; day < 7; day++) {
            for (int hour = 0; hour < 24; hour++) {
                text.append(cells.getOrDefault(day + "," + hour, "0.000")).append(hour == 23 ? "\n" : " ");
            }
        }
        return text.toString();
    }

    static String heatmap(Uptime uptime) {
        StringBuilder text = new StringBuilder();
        for (BigDecimal[] day : uptime.heatmap()) {
            for (int hour = 0; hour < 24; hour++) {
                text.append(day[hour].toPlainString()).append(hour == 23 ? "\n" : " ");
            }
        }
        return text.toString();
    }

    @Test
    void springForwardSundayHas23HoursAndNoTwoOClock() {
        // 22:00 CET on the 28th to 04:00 CEST on the 29th
        Uptime uptime = Uptime.of(List.of(span("2026-03-28T21:00:00Z", "2026-03-29T02:00:00Z")),
                berlin(2026, 3, 29, 0), berlin(2026, 3, 30, 0), BERLIN);
        assertEquals(23 * HOUR, uptime.windowMillis());
        assertEquals(3 * HOUR, uptime.connectedMillis());
        assertEquals(new BigDecimal("13.0"), uptime.percent());
        assertEquals(1, uptime.sessions());
        assertEquals(3 * HOUR, uptime.longestSessionMillis());
        assertEquals(20 * HOUR, uptime.longestAbsenceMillis());
        assertEquals(berlin(2026, 3, 29, 0), uptime.firstSeen());
        assertEquals(Instant.parse("2026-03-29T02:00:00Z"), uptime.lastSeen());
        assertEquals(0, uptime.windowByHour()[6][2], "02:00 does not exist that day");
        assertEquals(heatmap(Map.of("6,0", "1.000", "6,1", "1.000", "6,3", "1.000")), heatmap(uptime));
    }

    @Test
    void fallBackSundayHas25HoursAndTwoOClockTwice() {
        Instant from = berlin(2026, 10, 25, 0);
        Instant until = berlin(2026, 10, 26, 0);
        // only the second 02:00 (CET, 01:00-02:00 UTC)
        Uptime second = Uptime.of(List.of(span("2026-10-25T01:00:00Z", "2026-10-25T02:00:00Z")), from, until, BERLIN);
        assertEquals(25 * HOUR, second.windowMillis());
        assertEquals(2 * HOUR, second.windowByHour()[6][2], "the repeated hour holds two hours of time");
        assertEquals(HOUR, second.connectedByHour()[6][2]);
        assertEquals(new BigDecimal("4.0"), second.percent());
        assertEquals(heatmap(Map.of("6,2", "0.500")), heatmap(second));

        // 01:30 CEST to 03:30 CET: three real hours
        Uptime across = Uptime.of(List.of(span("2026-10-24T23:30:00Z", "2026-10-25T02:30:00Z")), from, until, BERLIN);
        assertEquals(3 * HOUR, across.connectedMillis());
        assertEquals(new BigDecimal("12.0"), across.percent());
        assertEquals(heatmap(Map.of("6,1", "0.500", "6,2", "1.000", "6,3", "0.500")), heatmap(across));
    }

    @Test
    void aDeviceHomeEveryEveningFillsExactlyTheEveningHours() {
        List<ConnectedSpan> evenings = new ArrayList<>();
        for (int day = 2; day <= 8; day++) { // Monday 2 to Sunday 8 June 2025
            evenings.add(new ConnectedSpan("AA:BB:CC:DD:EE:FF", berlin(2025, 6, day, 18).toEpochMilli(), berlin(2025, 6, day, 22).toEpochMilli()));
        }
        Uptime week = Uptime.of(evenings, berlin(2025, 6, 2, 0), berlin(2025, 6, 9, 0), BERLIN);
        Map<String, String> cells = new java.util.HashMap<>();
        for (int day = 0; day < 7; day++) {
            for (int hour = 18; hour < 22; hour++) {
                cells.put(day + "," + hour, "1.000");
            }
        }
        assertEquals(heatmap(cells), heatmap(week));
        assertEquals(7, week.sessions());
        assertEquals(new BigDecimal("16.7"), week.percent());
        assertEquals(4 * HOUR, week.longestSessionMillis());
        assertEquals(20 * HOUR, week.longestAbsenceMillis());
        // the same evenings in another zone fall on other hours
        Uptime tokyo = Uptime.of(evenings, berlin(2025, 6, 2, 0), berlin(2025, 6, 9, 0), ZoneId.of("Asia/Tokyo"));
        assertEquals(BigDecimal.ONE.setScale(3), tokyo.heatmap()[1][1], "18:00 Berlin is 01:00 the next day in Tokyo");
    }

    @Test
    void barsAreClippedToTheWindowAndOverlapsCountOnce() {
        Instant from = Instant.parse("2026-01-05T00:00:00Z");
        Instant until = Instant.parse("2026-01-06T00:00:00Z");
        Uptime uptime = Uptime.of(List.of(
                span("2026-01-04T22:00:00Z", "2026-01-05T02:00:00Z"), // two hours inside
                span("2026-01-05T01:00:00Z", "2026-01-05T03:00:00Z"), // overlaps the first by an hour
                span("2026-01-05T12:00:00Z", "2026-01-05T12:00:00Z"), // one instant: a session, no time
                span("2026-01-05T23:00:00Z", "2026-01-06T05:00:00Z"), // one hour inside
                span("2026-01-06T00:00:00Z", "2026-01-06T01:00:00Z")), // after the window
                from, until, ZoneId.of("UTC"));
        assertEquals(4 * HOUR, uptime.connectedMillis());
        assertEquals(4, uptime.sessions());
        assertEquals(2 * HOUR, uptime.longestSessionMillis());
        // the instant at 12:00 was a sighting: it cuts 03:00-23:00 into 9 and 11 hours away
        assertEquals(11 * HOUR, uptime.longestAbsenceMillis());
        assertEquals(from, uptime.firstSeen());
        assertEquals(until, uptime.lastSeen());
        assertEquals(new BigDecimal("16.7"), uptime.percent());
        assertEquals(new BigDecimal("1.000"), uptime.heatmap()[0][1], "the overlapping hour is connected once, not twice");
    }

    @Test
    void nothingInTheWindowIsOneLongAbsence() {
        Instant from = Instant.parse("2026-01-05T00:00:00Z");
        Uptime uptime = Uptime.of(List.of(), from, from.plusSeconds(7200), BERLIN);
        assertEquals(0, uptime.connectedMillis());
        assertEquals(2 * HOUR, uptime.longestAbsenceMillis());
        assertNull(uptime.firstSeen());
        assertNull(uptime.lastSeen());
        assertEquals(new BigDecimal("0.0"), uptime.percent());

        Uptime unknown = Uptime.unknown(from, from.plusSeconds(7200));
        assertEquals(2 * HOUR, unknown.windowMillis());
        assertEquals(0, unknown.longestAbsenceMillis());
        assertEquals(heatmap(Map.of()), heatmap(unknown));

        Uptime empty = Uptime.of(List.of(span("2026-01-05T00:00:00Z", "2026-01-05T01:00:00Z")), from, from, BERLIN);
        assertEquals(0, empty.windowMillis());
        assertEquals(0, empty.sessions());
        assertEquals(new BigDecimal("0.0"), empty.percent());
        assertEquals(7 * 24, Arrays.stream(empty.heatmap()).mapToLong(day -> day.length).sum());
    }
}

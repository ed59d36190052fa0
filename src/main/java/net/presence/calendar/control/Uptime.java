package net.presence.calendar.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One device's presence over a window {@code [from, until)}, from the calendar's bars of that
 * device: how long it was connected, in how many sessions, its longest stay and absence, and a
 * heatmap of the display zone's weekday-hours.
 * <p>
 * Everything is counted inside the window: a bar that began before it counts from its start, one
 * that lasts beyond it up to its end. Bars of one device that overlap (possible only where two
 * stand-ins for missing ends meet) count their common time once.
 * <p>
 * The heatmap walks real time: every instant of the window belongs to the wall hour the display
 * zone shows for it. So the hour a DST change repeats holds two hours of time in its cell, and the
 * hour it skips holds none; each cell is the share of its time during which the device was
 * connected.
 */
public record Uptime(long connectedMillis, long windowMillis, int sessions, long longestSessionMillis,
        long longestAbsenceMillis, Instant firstSeen, Instant lastSeen, long[][] connectedByHour, long[][] windowByHour) {

    /** A device with no data at all: the window's length, and nothing else. */
    public static Uptime unknown(Instant from, Instant until) {
        return new Uptime(0, Math.max(0, until.toEpochMilli() - from.toEpochMilli()), 0, 0, 0, null, null,
                new long[7][24], new long[7][24]);
    }

    public static Uptime of(List<ConnectedSpan> bars, Instant from, Instant until, ZoneId zone) {
        long start = from.toEpochMilli();
        long end = Math.max(start, until.toEpochMilli());
        int sessions = 0;
        long longestSession = 0;
        List<long[]> clipped = new ArrayList<>();
        for (ConnectedSpan bar : bars) {
            long s = Math.max(bar.start(), start);
            long e = Math.min(bar.end(), end);
            boolean inside = e > s || (bar.start() == bar.end() && bar.start() >= start && bar.start() < end);
            if (inside) {
                sessions++;
                longestSession = Math.max(longestSession, e - s);
                clipped.add(new long[] {s, e});
            }
        }
        clipped.sort(Comparator.comparingLong((long[] span) -> span[0]));
        List<long[]> merged = new ArrayList<>();
        for (long[] span : clipped) {
            long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && span[0] <= last[1]) {
                last[1] = Math.max(last[1], span[1]);
            } else {
                merged.add(span.clone());
            }
        }
        long connected = 0;
        long longestAbsence = 0;
        long previousEnd = start;
        for (long[] span : merged) {
            connected += span[1] - span[0];
            longestAbsence = Math.max(longestAbsence, span[0] - previousEnd);
            previousEnd = span[1];
        }
        longestAbsence = Math.max(longestAbsence, end - previousEnd);
        Instant firstSeen = merged.isEmpty() ? null : Instant.ofEpochMilli(merged.get(0)[0]);
        Instant lastSeen = merged.isEmpty() ? null : Instant.ofEpochMilli(merged.get(merged.size() - 1)[1]);

        long[][] connectedByHour = new long[7][24];
        long[][] windowByHour = new long[7][24];
        int next = 0;
        for (long at = start; at < end;) {
            ZonedDateTime wall = Instant.ofEpochMilli(at).atZone(zone);
            long hourEnd = Math.min(end, endOfWallHour(wall, zone));
            int day = wall.getDayOfWeek().getValue() - 1;
            int hour = wall.getHour();
            windowByHour[day][hour] += hourEnd - at;
            // the merged spans ascend and so do the hours: one pass over both
            while (next < merged.size() && merged.get(next)[1] <= at) {
                next++;
            }
            for (int i = next; i < merged.size() && merged.get(i)[0] < hourEnd; i++) {
                connectedByHour[day][hour] += Math.min(hourEnd, merged.get(i)[1]) - Math.max(at, merged.get(i)[0]);
            }
            at = hourEnd;
        }
        return new Uptime(connected, end - start, sessions, longestSession, longestAbsence, firstSeen, lastSeen,
                connectedByHour, windowByHour);
    }

    /** The first instant after {@code wall} that the zone shows in another wall hour. */
    private static long endOfWallHour(ZonedDateTime wall, ZoneId zone) {
        Instant end = wall.truncatedTo(ChronoUnit.HOURS).plusHours(1).toInstant();
        ZoneOffsetTransition change = zone.getRules().nextTransition(wall.toInstant());
        if (change != null && change.getInstant().isBefore(end)) {
            end = change.getInstant();
        }
        return end.toEpochMilli();
    }

    /** Connected time as a share of the window, in percent to one decimal; 0 for an empty window. */
    public BigDecimal percent() {
        return share(connectedMillis * 100, windowMillis, 1);
    }

    /** 7 rows, Monday first, of 24 wall hours: the connected share of each, to three decimals. */
    public BigDecimal[][] heatmap() {
        BigDecimal[][] cells = new BigDecimal[7][24];
        for (int day = 0; day < 7; day++) {
            for (int hour = 0; hour < 24; hour++) {
                cells[day][hour] = share(connectedByHour[day][hour], windowByHour[day][hour], 3);
            }
        }
        return cells;
    }

    static BigDecimal share(long part, long whole, int decimals) {
        if (whole <= 0) {
            return BigDecimal.ZERO.setScale(decimals);
        }
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), decimals, RoundingMode.HALF_UP);
    }
}

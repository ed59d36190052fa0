package net.presence.calendar.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OccupancyTest {

    static final Instant NINE = Instant.parse("2026-05-04T09:00:00Z");

    static ConnectedSpan bar(String mac, int fromMinute, int toMinute) {
        return new ConnectedSpan(mac, NINE.plusSeconds(fromMinute * 60L).toEpochMilli(), NINE.plusSeconds(toMinute * 60L).toEpochMilli());
    }

    static List<Instant> hours(int count) {
        List<Instant> bounds = new ArrayList<>();
        for (int i = 0; i <= count; i++) {
            bounds.add(NINE.plusSeconds(3600L * i));
        }
        return bounds;
    }

    static Occupancy.Point point(int hour, int devices, String average) {
        return new Occupancy.Point(NINE.plusSeconds(3600L * hour), devices, new BigDecimal(average));
    }

    @Test
    void overlappingDevicesCountOnceEachAndTheirTimeAverages() {
        List<Occupancy.Point> series = Occupancy.of(hours(3), List.of(
                bar("A", 0, 60),    // ends where the second hour begins
                bar("B", 60, 180),  // two whole hours
                bar("C", 90, 135),  // half an hour, then a quarter
                bar("D", 120, 120), // one instant: there, for no time
                bar("E", -600, -1), // before the window
                bar("F", 180, 240))); // after it
        assertEquals(List.of(point(0, 1, "1.00"), point(1, 2, "1.50"), point(2, 3, "1.25")), series);
    }

    @Test
    void aDeviceWithSeveralBarsInAStepCountsOnceAndItsOverlapsOnce() {
        List<Occupancy.Point> series = Occupancy.of(hours(2), List.of(
                bar("A", 0, 10), bar("A", 20, 30), bar("A", 25, 40), bar("A", 50, 50), bar("A", 60, 61)));
        // 10 + 20 minutes in the first hour (20-40 merged), one in the second
        assertEquals(List.of(point(0, 1, "0.50"), point(1, 1, "0.02")), series);
    }

    @Test
    void aShortLastStepAveragesOverItsOwnLength() {
        List<Instant> bounds = new ArrayList<>(hours(1));
        bounds.add(NINE.plusSeconds(3600 + 1800));
        List<Occupancy.Point> series = Occupancy.of(bounds, List.of(bar("A", 0, 75), bar("B", 60, 90)));
        assertEquals(List.of(point(0, 1, "1.00"), point(1, 2, "1.50")), series);
    }

    @Test
    void anEmptyWindowHasNoPoints() {
        assertEquals(List.of(), Occupancy.of(List.of(), List.of(bar("A", 0, 60))));
        assertEquals(List.of(), Occupancy.of(List.of(NINE), List.of(bar("A", 0, 60))));
    }
}

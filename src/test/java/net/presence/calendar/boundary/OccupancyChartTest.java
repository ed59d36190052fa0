package net.presence.calendar.boundary;

import java.time.Duration;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OccupancyChartTest {

    /** 96 to 400 bars: readable, and far below the route's 10,000 points for its longest window of 400 days. */
    @Test
    void theStepGrowsWithTheShownDays() {
        assertEquals("15 minutes", OccupancyChart.stepFor(Duration.ofDays(1)).canonical());
        assertEquals("15 minutes", OccupancyChart.stepFor(Duration.ofHours(25)).canonical());
        assertEquals("1 hour", OccupancyChart.stepFor(Duration.ofDays(7)).canonical());
        assertEquals("1 hour", OccupancyChart.stepFor(Duration.ofHours(7 * 24 + 1)).canonical());
        assertEquals("3 hours", OccupancyChart.stepFor(Duration.ofDays(31)).canonical());
        assertEquals("1 day", OccupancyChart.stepFor(Duration.ofDays(400)).canonical());
    }
}

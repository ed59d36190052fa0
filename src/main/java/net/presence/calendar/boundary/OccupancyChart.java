package net.presence.calendar.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.presence.calendar.control.Occupancy;
import net.presence.values.DisplayFormat;
import net.presence.values.Step;

/**
 * The occupancy chart above the calendar: the series {@code GET /sessions/occupancy} answers for
 * the shown window (clipped to now, like the route), in a step that gives a readable number of
 * bars, written as JSON for the chart's script.
 */
record OccupancyChart(Step step, List<Occupancy.Point> series) {

    /** A day in quarter hours, up to a week in hours, up to a month in 3 hours, more in days: 96 to 400 bars. */
    static Step stepFor(Duration window) {
        if (window.compareTo(Duration.ofDays(2)) <= 0) {
            return Step.parse("15 minutes");
        }
        if (window.compareTo(Duration.ofDays(8)) <= 0) {
            return Step.parse("1 hour");
        }
        if (window.compareTo(Duration.ofDays(32)) <= 0) {
            return Step.parse("3 hours");
        }
        return Step.parse("1 day");
    }

    static OccupancyChart of(Presence presence, CalendarWindow window, Instant now) {
        Step step = stepFor(Duration.between(window.from(), window.until()));
        Instant until = window.until().isAfter(now) ? now : window.until();
        List<Occupancy.Point> series = presence.occupancy(step.bounds(window.from(), until, window.zone(),
                OccupancyResource.MAX_POINTS), now);
        return new OccupancyChart(step, series);
    }

    /**
     * {@code [[wall time, devices, average], ...]}: wall times of the display zone, as the calendar
     * draws them (its axis is the zone's wall clock, whatever the browser's zone).
     */
    String json(DisplayFormat format) {
        JsonArrayBuilder points = Json.createArrayBuilder();
        for (Occupancy.Point point : series) {
            points.add(Json.createArrayBuilder().add(format.wall(point.time())).add(point.devices()).add(point.average()));
        }
        return points.build().toString();
    }
}

package net.presence.calendar.control;

/**
 * One bar of the calendar, with exactly the seed's seven keys (docs/API.md §8). Times are wall times in
 * the display zone ({@code 2025-08-01T10:00:00}); the zone travels beside the list, not in it.
 */
public record CalendarEvent(String resourceId, String title, String className, String color,
        String start, String end, String tooltip) {
}

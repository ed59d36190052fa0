package net.presence.calendar.boundary;

import java.time.Instant;
import java.time.ZoneId;
import net.presence.platform.Values;
import net.presence.problems.ApiProblem;
import net.presence.values.MacAddress;
import net.presence.values.TimeInput;
import net.presence.values.Zones;

/**
 * Which bars a calendar wants: those of sessions overlapping {@code [from, until)}, of one device or
 * of all ({@code mac == null}), shown in {@code zone}. Built from the request's text by the JSON
 * resource and the page alike, so that both refuse the same windows with the same words.
 */
public record CalendarWindow(Instant from, Instant until, MacAddress mac, ZoneId zone) {

    /** The longest window, counted in the display zone's days from start to end inclusive. */
    public static final int MAX_DAYS = 400;

    public static CalendarWindow of(String start, String end, String mac, String tz, ZoneId displayZone) {
        if (start == null || start.isEmpty() || end == null || end.isEmpty()) {
            throw ApiProblem.badRequest("Missing start or end date");
        }
        ZoneId zone = Values.optional("tz", tz, Zones::parse);
        ZoneId shown = zone == null ? displayZone : zone;
        Instant from = Values.parse("start", start, text -> TimeInput.windowStart(text, shown));
        Instant until = Values.parse("end", end, text -> TimeInput.windowEnd(text, shown));
        // a date end includes its whole day, so only a start after the end leaves the window empty;
        // two equal date-times would too, and are refused alike
        if (!from.isBefore(until)) {
            throw ApiProblem.badRequest("Parameter 'start' (" + start + ") is after 'end' (" + end
                    + "): give a start on or before the end");
        }
        if (until.isAfter(from.atZone(shown).plusDays(MAX_DAYS).toInstant())) {
            throw ApiProblem.badRequest("The window from 'start' (" + start + ") to 'end' (" + end + ") is longer than "
                    + MAX_DAYS + " days: ask for at most " + MAX_DAYS + " days at a time");
        }
        return new CalendarWindow(from, until, Values.optional("mac", mac, MacAddress::parse), shown);
    }
}

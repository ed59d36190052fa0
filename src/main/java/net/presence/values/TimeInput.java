package net.presence.values;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Date and date-time text from clients. A time without an offset is a wall time in the display
 * zone: in a DST gap it moves forward by the gap, in a repeated hour it takes the earlier offset
 * (what {@link ZonedDateTime#ofLocal} does with no preferred offset).
 */
public final class TimeInput {

    public static final String DATE_TIME_ACCEPTED =
            "an ISO-8601 date-time YYYY-MM-DDTHH:MM[:SS[.fraction]] with an optional Z or ±HH:MM offset";
    public static final String DATE_ACCEPTED =
            "a date YYYY-MM-DD or an ISO-8601 date-time YYYY-MM-DDTHH:MM[:SS[.fraction]][Z|±HH:MM]";

    private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})[Tt ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?([Zz]|[+-]\\d{2}:\\d{2})?");

    private TimeInput() {
    }

    public static Instant dateTime(String text, ZoneId zone) {
        Matcher m = text == null ? null : DATE_TIME.matcher(text);
        if (m == null || !m.matches()) {
            throw new InvalidValueException(DATE_TIME_ACCEPTED);
        }
        try {
            String fraction = m.group(7) == null ? "" : m.group(7);
            int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
            LocalDateTime wall = LocalDateTime.of(number(m, 1), number(m, 2), number(m, 3), number(m, 4), number(m, 5),
                    m.group(6) == null ? 0 : number(m, 6), nanos);
            String offset = m.group(8);
            if (offset == null) {
                return ZonedDateTime.ofLocal(wall, zone, null).toInstant();
            }
            return wall.toInstant(offset.equalsIgnoreCase("Z") ? ZoneOffset.UTC : ZoneOffset.of(offset));
        } catch (DateTimeException impossible) {
            throw new InvalidValueException(DATE_TIME_ACCEPTED + "; " + text + " does not exist");
        }
    }

    /** The first instant of a window: midnight of a date, or the exact date-time. */
    public static Instant windowStart(String text, ZoneId zone) {
        LocalDate day = date(text);
        return day != null ? day.atStartOfDay(zone).toInstant() : windowDateTime(text, zone);
    }

    /** The instant just after a window: midnight after a date (so the date is included), or the exact date-time. */
    public static Instant windowEnd(String text, ZoneId zone) {
        LocalDate day = date(text);
        return day != null ? day.plusDays(1).atStartOfDay(zone).toInstant() : windowDateTime(text, zone);
    }

    /** The date, or null when the text is a date-time. */
    private static LocalDate date(String text) {
        Matcher m = text == null ? null : DATE.matcher(text);
        if (m == null || !m.matches()) {
            return null;
        }
        try {
            return LocalDate.of(number(m, 1), number(m, 2), number(m, 3));
        } catch (DateTimeException impossible) {
            throw new InvalidValueException(DATE_ACCEPTED + "; " + text + " does not exist");
        }
    }

    private static Instant windowDateTime(String text, ZoneId zone) {
        try {
            return dateTime(text, zone);
        } catch (InvalidValueException e) {
            throw new InvalidValueException(DATE_ACCEPTED);
        }
    }

    private static int number(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }
}

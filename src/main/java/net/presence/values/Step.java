package net.presence.values;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The width of one point of a time series, such as {@code 1 hour}: from 5 minutes to 1 day.
 * Minutes and hours are exact lengths of time; a day is a calendar day in the display zone, so a
 * step across a DST change is 23 or 25 hours long and every point still starts at midnight.
 */
public record Step(long amount, ChronoUnit unit) {

    public static final String ACCEPTED = "'<N> <unit>' with unit minute, hour or day (singular or plural),"
            + " from '5 minutes' to '1 day' (e.g. '15 minutes', '1 hour', '1 day')";

    private static final Pattern FORM = Pattern.compile("(\\d{1,9}) +(minute|hour|day)s?", Pattern.CASE_INSENSITIVE);
    private static final Duration SHORTEST = Duration.ofMinutes(5);
    private static final Duration LONGEST = Duration.ofDays(1);

    public static Step parse(String text) {
        Matcher m = text == null ? null : FORM.matcher(text.strip());
        if (m == null || !m.matches()) {
            throw new InvalidValueException(ACCEPTED);
        }
        long amount = Long.parseLong(m.group(1));
        ChronoUnit unit = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "minute" -> ChronoUnit.MINUTES;
            case "hour" -> ChronoUnit.HOURS;
            default -> ChronoUnit.DAYS;
        };
        Duration nominal = unit.getDuration().multipliedBy(amount);
        if (nominal.compareTo(SHORTEST) < 0 || nominal.compareTo(LONGEST) > 0) {
            throw new InvalidValueException(ACCEPTED);
        }
        return new Step(amount, unit);
    }

    /** Lower case, singular for one and plural otherwise: {@code 1 hour}, {@code 15 minutes}. */
    public String canonical() {
        String name = unit.name().toLowerCase(Locale.ROOT);
        name = name.substring(0, name.length() - 1);
        return amount + " " + name + (amount == 1 ? "" : "s");
    }

    /** Where the step that starts at {@code start} ends. */
    public Instant next(Instant start, ZoneId zone) {
        return unit == ChronoUnit.DAYS
                ? ZonedDateTime.ofInstant(start, zone).plusDays(amount).toInstant()
                : start.plus(unit.getDuration().multipliedBy(amount));
    }

    /**
     * The steps' bounds from {@code from} to {@code until}: each point's start, then the last
     * point's end ({@code until} itself when the last step is cut short). Empty when the window is;
     * refused, before anything is built, when there would be more than {@code maxPoints} points.
     */
    public List<Instant> bounds(Instant from, Instant until, ZoneId zone, int maxPoints) {
        List<Instant> bounds = new ArrayList<>();
        if (!from.isBefore(until)) {
            return bounds;
        }
        if (unit != ChronoUnit.DAYS) {
            long stepMillis = unit.getDuration().multipliedBy(amount).toMillis();
            long points = (until.toEpochMilli() - from.toEpochMilli() + stepMillis - 1) / stepMillis;
            if (points > maxPoints) {
                throw new TooManyPointsException(points, maxPoints, true);
            }
        }
        for (Instant at = from; at.isBefore(until); at = next(at, zone)) {
            if (bounds.size() == maxPoints) {
                throw new TooManyPointsException(maxPoints + 1, maxPoints, false);
            }
            bounds.add(at);
        }
        bounds.add(until);
        return bounds;
    }

    /** A window cut into more points than an answer may hold. */
    public static final class TooManyPointsException extends RuntimeException {

        private final long points;
        private final int limit;

        TooManyPointsException(long points, int limit, boolean counted) {
            super((counted ? String.valueOf(points) : "more than " + limit) + " points");
            this.points = points;
            this.limit = limit;
        }

        /** How many points there would be, or {@code limit + 1} when counting stopped there. */
        public long points() {
            return points;
        }

        public int limit() {
            return limit;
        }
    }
}

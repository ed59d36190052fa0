package net.presence.values;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A look-back period such as {@code 7 days}: the window {@code [now - period, now]}. Days, weeks,
 * months and years are calendar units in the display zone (a day across a DST change may have 23
 * or 25 hours; one month back from March 31 is the last day of February); minutes and hours are
 * exact.
 */
public record Period(long amount, ChronoUnit unit) {

    public static final String ACCEPTED =
            "'<N> <unit>' with N a positive whole number and unit one of minute, hour, day, week, month, year"
                    + " (singular or plural, e.g. '1 day', '7 days', '1 month')";

    private static final long MAX_AMOUNT = 1_000_000;
    private static final Pattern FORM = Pattern.compile("(\\d{1,9}) +(minute|hour|day|week|month|year)s?",
            Pattern.CASE_INSENSITIVE);

    public static Period parse(String text) {
        Matcher m = text == null ? null : FORM.matcher(text.strip());
        if (m == null || !m.matches()) {
            throw new InvalidValueException(ACCEPTED);
        }
        long amount = Long.parseLong(m.group(1));
        if (amount < 1 || amount > MAX_AMOUNT) {
            throw new InvalidValueException(ACCEPTED + "; N is at most " + MAX_AMOUNT);
        }
        ChronoUnit unit = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "minute" -> ChronoUnit.MINUTES;
            case "hour" -> ChronoUnit.HOURS;
            case "day" -> ChronoUnit.DAYS;
            case "week" -> ChronoUnit.WEEKS;
            case "month" -> ChronoUnit.MONTHS;
            default -> ChronoUnit.YEARS;
        };
        return new Period(amount, unit);
    }

    /** Lower case, singular for one and plural otherwise: {@code 1 month}, {@code 7 days}. */
    public String canonical() {
        String name = unit.name().toLowerCase(Locale.ROOT);
        name = name.substring(0, name.length() - 1);
        return amount + " " + name + (amount == 1 ? "" : "s");
    }

    public Instant start(Instant now, ZoneId zone) {
        return switch (unit) {
            case MINUTES, HOURS -> now.minus(amount, unit);
            default -> now.atZone(zone).minus(amount, unit).toInstant();
        };
    }
}

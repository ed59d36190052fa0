package net.presence.values;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Every time and duration format the API writes; the display zone is applied only here. */
public final class DisplayFormat {

    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");
    private static final DateTimeFormatter WALL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    /** Shown in place of a connection or disconnection that was never observed. */
    public static final String MISSING = "<missing event>";
    /** Shown in place of the disconnection of a session that is still open. */
    public static final String STILL_CONNECTED = "<still connected>";

    private final ZoneId zone;

    public DisplayFormat(ZoneId zone) {
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    /** {@code 2025-08-01 10:00}, or null for no time. */
    public String display(Instant time) {
        return time == null ? null : digits(LocalDateTime.ofInstant(time, zone), ' ', false);
    }

    /** {@code 2025-08-01T10:00:00+02:00}: the offset is always numeric, never {@code Z}. */
    public String iso(Instant time) {
        return time == null ? null : ISO.format(time.atZone(zone));
    }

    /** {@code 2025-08-01T10:00:00}: wall time, for the calendar, whose zone is named beside it. */
    public String wall(Instant time) {
        return digits(LocalDateTime.ofInstant(time, zone), 'T', true);
    }

    /**
     * {@link #DISPLAY} or {@link #WALL}, written digit by digit: a calendar of every device formats
     * tens of thousands of times per answer, and the general formatter was a tenth of its time. Years
     * outside 0 to 9999 (a sign, or a fifth digit) are left to the formatter itself.
     */
    private static String digits(LocalDateTime time, char separator, boolean seconds) {
        int year = time.getYear();
        if (year < 0 || year > 9999) {
            return (seconds ? WALL : DISPLAY).format(time);
        }
        char[] text = new char[seconds ? 19 : 16];
        two(text, 0, year / 100);
        two(text, 2, year % 100);
        text[4] = '-';
        two(text, 5, time.getMonthValue());
        text[7] = '-';
        two(text, 8, time.getDayOfMonth());
        text[10] = separator;
        two(text, 11, time.getHour());
        text[13] = ':';
        two(text, 14, time.getMinute());
        if (seconds) {
            text[16] = ':';
            two(text, 17, time.getSecond());
        }
        return new String(text);
    }

    private static void two(char[] text, int at, int value) {
        text[at] = (char) ('0' + value / 10);
        text[at + 1] = (char) ('0' + value % 10);
    }

    /** Whole minutes between two instants, in seconds; never negative. */
    public static long durationSeconds(Instant from, Instant to) {
        long minutes = Math.max(0, Duration.between(from, to).getSeconds()) / 60;
        return minutes * 60;
    }

    /** {@code 2h 0m} under a day, {@code 1d 2h 3m} from a day on; floored to whole minutes. */
    public static String duration(long seconds) {
        long minutes = seconds / 60;
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long rest = minutes % 60;
        return days > 0 ? days + "d " + hours + "h " + rest + "m" : hours + "h " + rest + "m";
    }
}

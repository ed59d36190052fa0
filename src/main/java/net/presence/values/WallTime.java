package net.presence.values;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneRules;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A naive wall time as another system stored it ({@code YYYY-MM-DD HH:MM:SS}, no offset), read in
 * a zone by the contract's rules: in a DST gap it moves forward by the gap, in a repeated hour it
 * is taken at its first occurrence. Which of the two happened is kept, because an import must
 * say how often it had to decide.
 */
public record WallTime(Instant instant, Shift shift) {

    public static final String ACCEPTED = "a wall time YYYY-MM-DD HH:MM[:SS[.fraction]]";

    private static final Pattern FORM = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})[Tt ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?");

    /** What the zone's rules did to the wall time. */
    public enum Shift {
        /** The wall time exists exactly once. */
        NONE,
        /** The wall time fell in a DST gap and moved forward by the gap. */
        GAP,
        /** The wall time exists twice (clocks turned back); its first occurrence was taken. */
        REPEATED
    }

    public static WallTime parse(String text, ZoneId zone) {
        Matcher m = text == null ? null : FORM.matcher(text.strip());
        if (m == null || !m.matches()) {
            throw new InvalidValueException(ACCEPTED);
        }
        LocalDateTime wall;
        try {
            String fraction = m.group(7) == null ? "" : m.group(7);
            int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
            wall = LocalDateTime.of(number(m, 1), number(m, 2), number(m, 3), number(m, 4), number(m, 5),
                    m.group(6) == null ? 0 : number(m, 6), nanos);
        } catch (DateTimeException impossible) {
            throw new InvalidValueException(ACCEPTED + "; " + text + " does not exist");
        }
        ZoneRules rules = zone.getRules();
        int offsets = rules.getValidOffsets(wall).size();
        Shift shift = offsets == 0 ? Shift.GAP : offsets > 1 ? Shift.REPEATED : Shift.NONE;
        // with no preferred offset, ofLocal takes the earlier offset of an overlap and shifts a gap forward
        return new WallTime(ZonedDateTime.ofLocal(wall, zone, null).toInstant(), shift);
    }

    private static int number(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }
}

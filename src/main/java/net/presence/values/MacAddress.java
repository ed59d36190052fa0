package net.presence.values;

import java.util.Locale;
import java.util.regex.Pattern;

/** MAC addresses in any common spelling, always stored and shown as {@code AA:BB:CC:DD:EE:FF}. */
public final class MacAddress implements Comparable<MacAddress> {

    public static final String ACCEPTED =
            "six hex pairs separated all by ':' or all by '-', or twelve hex digits (e.g. AA:BB:CC:DD:EE:FF)";

    private static final Pattern COLONS = Pattern.compile("\\p{XDigit}{2}(:\\p{XDigit}{2}){5}");
    private static final Pattern DASHES = Pattern.compile("\\p{XDigit}{2}(-\\p{XDigit}{2}){5}");
    private static final Pattern BARE = Pattern.compile("\\p{XDigit}{12}");

    private final String text;

    private MacAddress(String canonical) {
        this.text = canonical;
    }

    /** The value of a client's text in any accepted spelling. */
    public static MacAddress parse(String text) {
        return new MacAddress(canonical(text));
    }

    /** A MAC already in canonical form, as the database keeps it: not checked again. */
    public static MacAddress stored(String canonical) {
        return new MacAddress(canonical);
    }

    /** The canonical text. */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MacAddress that && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public int compareTo(MacAddress other) {
        return text.compareTo(other.text);
    }

    public static String canonical(String text) {
        if (text == null) {
            throw new InvalidValueException(ACCEPTED);
        }
        String digits;
        if (COLONS.matcher(text).matches() || DASHES.matcher(text).matches()) {
            digits = text.replace(":", "").replace("-", "");
        } else if (BARE.matcher(text).matches()) {
            digits = text;
        } else {
            throw new InvalidValueException(ACCEPTED);
        }
        digits = digits.toUpperCase(Locale.ROOT);
        StringBuilder mac = new StringBuilder(17);
        for (int i = 0; i < 12; i += 2) {
            if (i > 0) {
                mac.append(':');
            }
            mac.append(digits, i, i + 2);
        }
        return mac.toString();
    }
}

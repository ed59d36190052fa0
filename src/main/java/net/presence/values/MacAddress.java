package net.presence.values;

import java.util.Locale;
import java.util.regex.Pattern;

/** MAC addresses in any common spelling, always stored and shown as {@code AA:BB:CC:DD:EE:FF}. */
public final class MacAddress {

    public static final String ACCEPTED =
            "six hex pairs separated all by ':' or all by '-', or twelve hex digits (e.g. AA:BB:CC:DD:EE:FF)";

    private static final Pattern COLONS = Pattern.compile("\\p{XDigit}{2}(:\\p{XDigit}{2}){5}");
    private static final Pattern DASHES = Pattern.compile("\\p{XDigit}{2}(-\\p{XDigit}{2}){5}");
    private static final Pattern BARE = Pattern.compile("\\p{XDigit}{12}");

    private MacAddress() {
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

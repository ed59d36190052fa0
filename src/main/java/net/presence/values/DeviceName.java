package net.presence.values;

/**
 * A device's name as people give it ({@code Kitchen iPad}): trimmed, then 1 to 64 Unicode code
 * points, no control characters (a name is shown on one line, in pages and in CSV).
 */
public final class DeviceName {

    public static final int MAX_LENGTH = 64;
    public static final String ACCEPTED = "a name of 1 to " + MAX_LENGTH + " characters after trimming, without control characters";

    private DeviceName() {
    }

    public static String parse(String text) {
        String name = text == null ? "" : text.strip();
        int length = name.codePointCount(0, name.length());
        if (length < 1 || length > MAX_LENGTH || name.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidValueException(ACCEPTED);
        }
        return name;
    }

    /**
     * A name a scanner reported: like {@link #parse}, except that a blank one counts as none
     * (scanners send {@code ""} for a device they could not name).
     */
    public static String observed(String text) {
        return text == null || text.isBlank() ? null : parse(text);
    }
}

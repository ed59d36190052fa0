package net.presence.values;

/**
 * IPv4 and IPv6 literals, parsed by hand so that nothing is ever looked up in DNS, and written in
 * canonical text: dotted decimal, or RFC 5952 for IPv6 (lower case, leading zeros dropped, the first
 * longest run of two or more zero groups compressed, IPv4-mapped addresses in mixed notation).
 */
public final class IpAddress implements Comparable<IpAddress> {

    public static final String ACCEPTED =
            "an IPv4 address of four decimal parts 0-255 (e.g. 192.168.1.10) or an IPv6 address (e.g. fe80::1)";

    private final String text;

    private IpAddress(String canonical) {
        this.text = canonical;
    }

    /** The value of a client's text in any accepted spelling. */
    public static IpAddress parse(String text) {
        return new IpAddress(canonical(text));
    }

    /** An IP already in canonical text, as the database keeps it: not checked again. */
    public static IpAddress stored(String canonical) {
        return new IpAddress(canonical);
    }

    /** The canonical text. */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IpAddress that && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public int compareTo(IpAddress other) {
        return text.compareTo(other.text);
    }

    public static String canonical(String text) {
        if (text == null || text.isEmpty() || text.length() > 45) {
            throw new InvalidValueException(ACCEPTED);
        }
        if (text.indexOf(':') < 0) {
            return formatV4(parseV4(text));
        }
        return formatV6(parseV6(text));
    }

    private static int[] parseV4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            throw new InvalidValueException(ACCEPTED);
        }
        int[] bytes = new int[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new InvalidValueException(ACCEPTED);
            }
            int value = Integer.parseInt(part);
            if (value > 255) {
                throw new InvalidValueException(ACCEPTED);
            }
            bytes[i] = value;
        }
        return bytes;
    }

    private static String formatV4(int[] bytes) {
        return bytes[0] + "." + bytes[1] + "." + bytes[2] + "." + bytes[3];
    }

    /** Eight 16-bit groups. */
    private static int[] parseV6(String text) {
        int[] groups = new int[8];
        String head = text;
        String tail = null;
        int gap = text.indexOf("::");
        if (gap >= 0) {
            if (text.indexOf("::", gap + 1) >= 0) {
                throw new InvalidValueException(ACCEPTED);
            }
            head = text.substring(0, gap);
            tail = text.substring(gap + 2);
        }
        int[] first = groupsOf(head, tail == null);
        int[] last = tail == null ? new int[0] : groupsOf(tail, true);
        int count = first.length + last.length;
        if (tail == null ? count != 8 : count > 7) {
            throw new InvalidValueException(ACCEPTED);
        }
        System.arraycopy(first, 0, groups, 0, first.length);
        System.arraycopy(last, 0, groups, 8 - last.length, last.length);
        return groups;
    }

    /** The groups of one side of "::"; the final side may end in a dotted IPv4 part. */
    private static int[] groupsOf(String side, boolean mayEndInV4) {
        if (side.isEmpty()) {
            return new int[0];
        }
        String[] parts = side.split(":", -1);
        boolean v4 = mayEndInV4 && parts[parts.length - 1].indexOf('.') >= 0;
        int[] groups = new int[parts.length + (v4 ? 1 : 0)];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (v4 && i == parts.length - 1) {
                int[] b = parseV4(part);
                groups[i] = b[0] << 8 | b[1];
                groups[i + 1] = b[2] << 8 | b[3];
            } else {
                if (part.isEmpty() || part.length() > 4 || !part.chars().allMatch(IpAddress::isAsciiHex)) {
                    throw new InvalidValueException(ACCEPTED);
                }
                groups[i] = Integer.parseInt(part, 16);
            }
        }
        return groups;
    }

    /** Only ASCII: {@link Character#digit} would also take other scripts' digits and full-width letters. */
    private static boolean isAsciiHex(int c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static String formatV6(int[] g) {
        boolean mapped = g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0 && g[5] == 0xffff;
        if (mapped) {
            return "::ffff:" + (g[6] >> 8) + "." + (g[6] & 0xff) + "." + (g[7] >> 8) + "." + (g[7] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1; // a single zero group is never compressed
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder out = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(g[i]));
        }
        return out.toString();
    }
}

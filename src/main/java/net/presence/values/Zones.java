package net.presence.values;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** IANA zone ids, matched without regard to case and answered in their proper spelling. */
public final class Zones {

    public static final String ACCEPTED = "an IANA time zone id such as Europe/Berlin, America/New_York or UTC";

    private static final Map<String, String> IDS = new TreeMap<>();

    static {
        for (String id : ZoneId.getAvailableZoneIds()) {
            IDS.put(id.toLowerCase(Locale.ROOT), id);
        }
    }

    private Zones() {
    }

    public static ZoneId parse(String text) {
        String id = text == null ? null : IDS.get(text.strip().toLowerCase(Locale.ROOT));
        if (id == null) {
            throw new InvalidValueException(ACCEPTED);
        }
        return ZoneId.of(id);
    }
}

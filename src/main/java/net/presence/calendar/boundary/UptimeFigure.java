package net.presence.calendar.boundary;

import java.math.BigDecimal;
import net.presence.calendar.control.Uptime;
import net.presence.values.DisplayFormat;

/** One of the device page's uptime figures: what {@code GET /sessions/{mac}/presence?period=} answers for its period. */
public record UptimeFigure(String period, BigDecimal percent, String connected, int sessions, String longestAbsence) {

    static UptimeFigure of(String period, Uptime uptime) {
        return new UptimeFigure(period, uptime.percent(), DisplayFormat.duration(uptime.connectedMillis() / 1000),
                uptime.sessions(), DisplayFormat.duration(uptime.longestAbsenceMillis() / 1000));
    }
}

package net.presence.calendar.boundary;

import java.time.LocalDateTime;
import java.util.List;
import net.presence.calendar.control.CalendarEvent;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CompactBarsTest {

    @Test
    void barsAreRowKindSecondsFromTheFirstDayAndTheTooltipAsHtml() {
        List<CalendarEvent> events = List.of(
                new CalendarEvent("AA:BB:CC:DD:EE:01", "", "no-border", "#0073b7", "2025-08-04T09:00:00", "2025-08-04T17:30:00",
                        "Connection: 2025-08-04 09:00\nDisconnection: 2025-08-04 17:30\nIP: 10.0.0.1"),
                new CalendarEvent("AA:BB:CC:DD:EE:01", "", "no-border", "#00a659", "2025-08-05T08:00:00", "2025-08-05T09:15:00",
                        "Connection: 2025-08-05 08:00\nDisconnection: <still connected>\nIP: 10.0.0.1"),
                new CalendarEvent("AA:BB:CC:DD:EE:02", "", "no-border", "#f39c12", "2025-08-03T23:00:00", "2025-08-04T00:00:00",
                        "Connection: <missing event>\nDisconnection: 2025-08-04 00:00\nIP: 10.0.0.2"));
        assertEquals("{\"from\":\"2025-08-04T00:00:00\",\"kinds\":[\"kind-closed\",\"kind-open\",\"kind-missing\"],"
                + "\"rows\":[\"AA:BB:CC:DD:EE:01\",\"AA:BB:CC:DD:EE:02\"],\"bars\":["
                + "0,32400,63000,0,\"Connection: 2025-08-04 09:00\\nDisconnection: 2025-08-04 17:30\\nIP: 10.0.0.1\","
                + "0,115200,119700,1,\"Connection: 2025-08-05 08:00\\nDisconnection: &lt;still connected&gt;\\nIP: 10.0.0.1\","
                + "1,-3600,0,2,\"Connection: &lt;missing event&gt;\\nDisconnection: 2025-08-04 00:00\\nIP: 10.0.0.2\"]}",
                CompactBars.json(events, LocalDateTime.parse("2025-08-04T00:00")));
    }

    @Test
    void noBars() {
        assertEquals("{\"from\":\"2025-08-04T00:00:00\",\"kinds\":[\"kind-closed\",\"kind-open\",\"kind-missing\"],\"rows\":[],\"bars\":[]}",
                CompactBars.json(List.of(), LocalDateTime.parse("2025-08-04T00:00")));
    }
}

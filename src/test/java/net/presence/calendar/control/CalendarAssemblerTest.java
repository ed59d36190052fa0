package net.presence.calendar.control;

import java.time.Instant;
import net.presence.sessions.entity.EventType;
import net.presence.values.IpAddress;
import net.presence.values.MacAddress;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.presence.values.DisplayFormat;
import net.presence.sessions.entity.Session;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CalendarAssemblerTest {

    static final String MAC = "AA:BB:CC:DD:EE:01";
    static final Instant NOW = Instant.parse("2025-08-03T09:30:15Z");

    final CalendarAssembler berlin = new CalendarAssembler(new DisplayFormat(ZoneId.of("Europe/Berlin")), NOW);

    static Instant utc(String text) {
        return Instant.parse(text + "Z");
    }

    static Session closed(String mac, String from, String to) {
        return Session.closed(MacAddress.parse(mac), IpAddress.parse("192.168.1.10"), "", utc(from), EventType.of("Connected"), utc(to), EventType.of("Disconnected"));
    }

    /** Neighbours as a store would answer them, keyed by the instant the missing session asks about. */
    static Neighbours neighbours(Map<Instant, Instant> earlierDisconnections, Map<Instant, Instant> laterConnections) {
        return new Neighbours() {
            @Override
            public Instant earlierDisconnection(String mac, Instant before) {
                return earlierDisconnections.get(before);
            }

            @Override
            public Instant laterConnection(String mac, Instant after) {
                return laterConnections.get(after);
            }
        };
    }

    static List<CalendarRow> rows(Session... sessions) {
        return Arrays.stream(sessions).map(CalendarRow::of).toList();
    }

    static Session missingDisconnection(String mac, String from) {
        Session session = Session.open(MacAddress.parse(mac), IpAddress.parse("10.0.0.7"), "", utc(from), EventType.of("Connected"));
        session.loseDisconnection();
        return session;
    }

    @Test
    void aClosedSessionIsABlueBarBetweenItsTimesInWallTime() {
        CalendarEvent event = berlin.events(rows(closed(MAC, "2025-08-01T08:00:00", "2025-08-01T10:00:30")), Neighbours.none()).get(0);
        assertEquals(new CalendarEvent(MAC, "", "no-border", "#0073b7", "2025-08-01T10:00:00", "2025-08-01T12:00:30",
                "Connection: 2025-08-01 10:00\nDisconnection: 2025-08-01 12:00\nIP: 192.168.1.10"), event);
    }

    @Test
    void anOpenSessionIsAGreenBarThatEndsNow() {
        Session open = Session.open(MacAddress.parse(MAC), IpAddress.parse("2001:db8::1"), "", utc("2025-08-03T07:00:00"), EventType.of("New Device"));
        assertEquals(new CalendarEvent(MAC, "", "no-border", "#00a659", "2025-08-03T09:00:00", "2025-08-03T11:30:15",
                "Connection: 2025-08-03 09:00\nDisconnection: <still connected>\nIP: 2001:db8::1"),
                berlin.events(rows(open), Neighbours.none()).get(0));
    }

    @Test
    void aMissingConnectionStartsAtTheDevicesPreviousDisconnection() {
        Session missing = Session.missingConnection(MacAddress.parse(MAC), IpAddress.parse("10.0.0.7"), "", utc("2025-08-02T12:00:00"), EventType.of("Disconnected"));
        Neighbours neighbours = neighbours(Map.of(utc("2025-08-02T12:00:00"), utc("2025-08-02T06:15:00")), Map.of());
        assertEquals(new CalendarEvent(MAC, "", "no-border", "#f39c12", "2025-08-02T08:15:00", "2025-08-02T14:00:00",
                "Connection: <missing event>\nDisconnection: 2025-08-02 14:00\nIP: 10.0.0.7"),
                berlin.events(rows(missing), neighbours).get(0));
    }

    @Test
    void aMissingConnectionWithoutAnEarlierDisconnectionLastsAnHour() {
        Session missing = Session.missingConnection(MacAddress.parse(MAC), IpAddress.parse("10.0.0.7"), "", utc("2025-08-02T12:00:00"), EventType.of("Device Down"));
        CalendarEvent event = berlin.events(rows(missing), Neighbours.none()).get(0);
        assertEquals("2025-08-02T13:00:00", event.start());
        assertEquals("2025-08-02T14:00:00", event.end());
        assertEquals("#f39c12", event.color());
    }

    @Test
    void aMissingDisconnectionEndsAtTheDevicesNextConnection() {
        Session missing = missingDisconnection(MAC, "2025-08-01T20:00:00");
        Neighbours neighbours = neighbours(Map.of(), Map.of(utc("2025-08-01T20:00:00"), utc("2025-08-02T05:45:10")));
        assertEquals(new CalendarEvent(MAC, "", "no-border", "#f39c12", "2025-08-01T22:00:00", "2025-08-02T07:45:10",
                "Connection: 2025-08-01 22:00\nDisconnection: <missing event>\nIP: 10.0.0.7"),
                berlin.events(rows(missing), neighbours).get(0));
    }

    @Test
    void aMissingDisconnectionWithoutALaterConnectionLastsAnHour() {
        CalendarEvent event = berlin.events(rows(missingDisconnection(MAC, "2025-08-01T20:00:00")), Neighbours.none()).get(0);
        assertEquals("2025-08-01T22:00:00", event.start());
        assertEquals("2025-08-01T23:00:00", event.end());
    }

    @Test
    void barsAreOrderedByMacThenByTheirComputedStart() {
        Session late = closed("AA:BB:CC:DD:EE:02", "2025-08-01T12:00:00", "2025-08-01T13:00:00");
        Session early = closed("AA:BB:CC:DD:EE:02", "2025-08-01T09:00:00", "2025-08-01T10:00:00");
        Session other = closed("AA:BB:CC:DD:EE:01", "2025-08-01T15:00:00", "2025-08-01T16:00:00");
        // known only by its end at 11:30, it borrows 10:00 and so lies between the two others
        Session missing = Session.missingConnection(MacAddress.parse("AA:BB:CC:DD:EE:02"), IpAddress.parse("10.0.0.7"), "", utc("2025-08-01T11:30:00"), EventType.of("Disconnected"));
        Neighbours neighbours = neighbours(Map.of(utc("2025-08-01T11:30:00"), utc("2025-08-01T10:00:00")), Map.of());
        List<String> order = berlin.events(rows(late, missing, early, other), neighbours).stream()
                .map(event -> event.resourceId() + " " + event.start()).toList();
        assertEquals(List.of("AA:BB:CC:DD:EE:01 2025-08-01T17:00:00", "AA:BB:CC:DD:EE:02 2025-08-01T11:00:00",
                "AA:BB:CC:DD:EE:02 2025-08-01T12:00:00", "AA:BB:CC:DD:EE:02 2025-08-01T14:00:00"), order);
    }

    @Test
    void aSessionOfZeroLengthIsABarOfZeroLength() {
        CalendarEvent event = berlin.events(rows(closed(MAC, "2025-08-01T08:00:00", "2025-08-01T08:00:00")), Neighbours.none()).get(0);
        assertEquals("2025-08-01T10:00:00", event.start());
        assertEquals("2025-08-01T10:00:00", event.end());
    }

    @Test
    void wallTimesFollowTheZoneAcrossADaylightSavingChange() {
        // Berlin leaves summer time at 03:00 CEST on 2025-10-26: 00:30Z is 02:30 CEST, 01:30Z is 02:30 CET
        CalendarEvent event = berlin.events(rows(closed(MAC, "2025-10-26T00:30:00", "2025-10-26T01:30:00")), Neighbours.none()).get(0);
        assertEquals("2025-10-26T02:30:00", event.start());
        assertEquals("2025-10-26T02:30:00", event.end());
        assertEquals("Connection: 2025-10-26 02:30\nDisconnection: 2025-10-26 02:30\nIP: 192.168.1.10", event.tooltip());

        CalendarAssembler utc = new CalendarAssembler(new DisplayFormat(ZoneId.of("UTC")), NOW);
        assertEquals("2025-10-26T00:30:00", utc.events(rows(closed(MAC, "2025-10-26T00:30:00", "2025-10-26T01:30:00")),
                Neighbours.none()).get(0).start());
    }

    @Test
    void theLegendKnowsEachColour() {
        assertEquals(Legend.CLOSED, Legend.ofColor("#0073B7"));
        assertEquals("kind-missing", Legend.ofColor("#f39c12").cssClass());
        assertThrows(IllegalArgumentException.class, () -> Legend.ofColor("#000000"));
    }

    @Test
    void eachDevicesBarsGoOutAsSoonAsTheNextDeviceBegins() {
        List<String> seen = new ArrayList<>();
        CalendarAssembler.Sink sink = berlin.sink(Neighbours.none(), event -> seen.add(event.resourceId() + " " + event.start()));
        sink.accept(CalendarRow.of(closed("AA:BB:CC:DD:EE:01", "2025-08-01T12:00:00", "2025-08-01T13:00:00")));
        sink.accept(CalendarRow.of(closed("AA:BB:CC:DD:EE:01", "2025-08-01T09:00:00", "2025-08-01T10:00:00")));
        assertEquals(List.of(), seen);
        sink.accept(CalendarRow.of(closed("AA:BB:CC:DD:EE:02", "2025-08-01T08:00:00", "2025-08-01T09:00:00")));
        assertEquals(List.of("AA:BB:CC:DD:EE:01 2025-08-01T11:00:00", "AA:BB:CC:DD:EE:01 2025-08-01T14:00:00"), seen);
        sink.finish();
        assertEquals(List.of("AA:BB:CC:DD:EE:01 2025-08-01T11:00:00", "AA:BB:CC:DD:EE:01 2025-08-01T14:00:00",
                "AA:BB:CC:DD:EE:02 2025-08-01T10:00:00"), seen);
    }

    @Test
    void aSinkRefusesADeviceThatComesOutOfMacOrder() {
        CalendarAssembler.Sink sink = berlin.sink(Neighbours.none(), event -> { });
        sink.accept(CalendarRow.of(closed("AA:BB:CC:DD:EE:02", "2025-08-01T12:00:00", "2025-08-01T13:00:00")));
        CalendarRow earlier = CalendarRow.of(closed("AA:BB:CC:DD:EE:01", "2025-08-01T09:00:00", "2025-08-01T10:00:00"));
        assertThrows(IllegalArgumentException.class, () -> sink.accept(earlier));
    }

    @Test
    void onlyMissingSessionsAskForNeighbours() {
        List<String> asked = new ArrayList<>();
        Neighbours counting = new Neighbours() {
            @Override
            public Instant earlierDisconnection(String mac, Instant before) {
                asked.add("earlier " + mac + " " + before);
                return null;
            }

            @Override
            public Instant laterConnection(String mac, Instant after) {
                asked.add("later " + mac + " " + after);
                return null;
            }
        };
        Session open = Session.open(MacAddress.parse(MAC), IpAddress.parse("10.0.0.7"), "", utc("2025-08-03T07:00:00"), EventType.of("Connected"));
        Session missing = Session.missingConnection(MacAddress.parse(MAC), IpAddress.parse("10.0.0.7"), "", utc("2025-08-02T12:00:00"), EventType.of("Disconnected"));
        berlin.events(rows(closed(MAC, "2025-08-01T08:00:00", "2025-08-01T09:00:00"), open, missing,
                missingDisconnection(MAC, "2025-08-01T20:00:00")), counting);
        assertEquals(List.of("earlier " + MAC + " 2025-08-02T12:00:00Z", "later " + MAC + " 2025-08-01T20:00:00Z"), asked);
    }
}

package net.presence.calendar.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import net.presence.values.DisplayFormat;

/**
 * Turns sessions into calendar bars (docs/API.md §8). A bar always has both ends, even where the session
 * lacks one: an open session runs to now; a missing connection starts at the device's previous
 * disconnection, else an hour before its end; a missing disconnection ends at the device's next
 * connection, else an hour after its start. Bars are ordered by MAC, then by where they start.
 * <p>
 * Rows go in one device after the other ({@link #sink}) and each device's bars come out as soon as
 * its rows are complete, so that only one device's bars are ever held: a week of every device is
 * written while it is read, in constant memory.
 */
public final class CalendarAssembler {

    /** The stand-in length of a missing session that has no neighbour to borrow a time from. */
    static final Duration STAND_IN = Duration.ofHours(1);

    /** A bar's start may come before its session's (a borrowed start), so a device's own order is not the bars'. */
    private static final Comparator<Bar> BY_START = Comparator.comparing(Bar::start);

    private final DisplayFormat format;
    private final Instant now;

    public CalendarAssembler(DisplayFormat format, Instant now) {
        this.format = format;
        this.now = now;
    }

    /** The bars of rows in any order, as one list: for a caller that keeps them all anyway. */
    public List<CalendarEvent> events(List<CalendarRow> rows, Neighbours neighbours) {
        List<CalendarEvent> events = new ArrayList<>(rows.size());
        Sink sink = sink(neighbours, events::add);
        // stable: a device's rows keep their order among themselves, as a database's ORDER BY mac would leave them
        rows.stream().sorted(Comparator.comparing(CalendarRow::mac)).forEach(sink);
        sink.finish();
        return events;
    }

    /**
     * Where rows go one at a time, all of a device's together and the devices in order of MAC (as
     * {@code ORDER BY mac} reads them); each bar goes to {@code out} in the calendar's order. Call
     * {@link Sink#finish} after the last row, for the last device's bars.
     */
    public Sink sink(Neighbours neighbours, Consumer<? super CalendarEvent> out) {
        return new Sink(neighbours, out);
    }

    /**
     * Where a bar starts, from a session's stored times: its connection; when that is missing, the
     * device's previous disconnection ({@code earlierDisconnection}, null when there is none), else
     * an hour before the session's end. Public so that every count of connected time (presence,
     * occupancy) stands in for a missing end exactly as the calendar draws it.
     */
    public static Instant barStart(Instant connection, Instant disconnection, Instant earlierDisconnection) {
        if (connection != null) {
            return connection;
        }
        return earlierDisconnection != null ? earlierDisconnection : disconnection.minus(STAND_IN);
    }

    /**
     * Where a bar ends: now while open; its disconnection; when that is missing, the device's next
     * connection ({@code laterConnection}, null when there is none), else an hour after its start.
     */
    public static Instant barEnd(boolean open, Instant connection, Instant disconnection, Instant laterConnection, Instant now) {
        if (open) {
            return now;
        }
        if (disconnection != null) {
            return disconnection;
        }
        return laterConnection != null ? laterConnection : connection.plus(STAND_IN);
    }

    /** Holds one device's bars until the next device begins, then sorts them and hands them on. */
    public final class Sink implements Consumer<CalendarRow> {

        private final Neighbours neighbours;
        private final Consumer<? super CalendarEvent> out;
        private final List<Bar> device = new ArrayList<>();
        private String mac;

        private Sink(Neighbours neighbours, Consumer<? super CalendarEvent> out) {
            this.neighbours = neighbours;
            this.out = out;
        }

        @Override
        public void accept(CalendarRow row) {
            if (mac != null && !mac.equals(row.mac())) {
                // a device seen again later would get two runs of bars, out of the calendar's order
                if (row.mac().compareTo(mac) < 0) {
                    throw new IllegalArgumentException("Rows must come ordered by MAC: " + row.mac() + " after " + mac);
                }
                flush();
            }
            mac = row.mac();
            device.add(new Bar(row, start(row), end(row)));
        }

        /** Hands on the last device's bars. */
        public void finish() {
            flush();
            mac = null;
        }

        private void flush() {
            device.sort(BY_START);
            for (Bar bar : device) {
                out.accept(event(bar));
            }
            device.clear();
        }

        private Instant start(CalendarRow row) {
            return barStart(row.connection(), row.disconnection(),
                    row.isMissingConnection() ? neighbours.earlierDisconnection(row.mac(), row.disconnection()) : null);
        }

        private Instant end(CalendarRow row) {
            return barEnd(row.open(), row.connection(), row.disconnection(),
                    row.isMissingDisconnection() ? neighbours.laterConnection(row.mac(), row.connection()) : null, now);
        }
    }

    private CalendarEvent event(Bar bar) {
        CalendarRow row = bar.row;
        return new CalendarEvent(row.mac(), "", "no-border", row.legend().color(),
                format.wall(bar.start), format.wall(bar.end), tooltip(row));
    }

    private String tooltip(CalendarRow row) {
        String connection = row.isMissingConnection() ? DisplayFormat.MISSING : format.display(row.connection());
        String disconnection = row.open() ? DisplayFormat.STILL_CONNECTED
                : row.isMissingDisconnection() ? DisplayFormat.MISSING : format.display(row.disconnection());
        return "Connection: " + connection + "\nDisconnection: " + disconnection + "\nIP: " + row.ip();
    }

    private record Bar(CalendarRow row, Instant start, Instant end) {
    }
}

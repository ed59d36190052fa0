package net.presence.sessions.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.util.ArrayList;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.HashMap;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Logger;
import net.presence.platform.Transactions;
import net.presence.problems.ApiProblem;
import net.presence.security.Roles;
import net.presence.sessions.control.ImportTrack;
import net.presence.sessions.control.ImportedDevice;
import net.presence.sessions.control.ImportedEvent;
import net.presence.sessions.control.ImportRows;
import net.presence.sessions.control.ImportedSession;
import net.presence.sessions.control.Ledger;
import net.presence.sessions.control.ReferenceDatabase;
import net.presence.sessions.control.ReferenceDatabase.Row;
import net.presence.sessions.control.SpanIndex;
import net.presence.sessions.entity.Device;
import net.presence.sessions.entity.Event;
import net.presence.sessions.entity.Session;
import net.presence.values.DisplayFormat;
import net.presence.values.InvalidValueException;
import net.presence.values.MacAddress;
import net.presence.values.Span;

/**
 * Moving in from the reference scanner: its SQLite database, uploaded whole. The body goes to a
 * temporary file first (the database cannot be read from a stream) and is opened read-only, its
 * tables checked before anything is written. Its rows are then read table by table, sessions and
 * events in order of time, in chunks of {@value #CHUNK_ROWS} rows.
 * <p>
 * In {@code strict} mode (the default) a first pass checks every row, and every session's overlaps
 * with the device's other sessions (those stored here included), and stores nothing: a row that
 * contradicts the contract refuses the whole import. Only then does the second pass store, each
 * chunk in a transaction of its own that locks the chunk's devices, checks its rows again under
 * the locks and writes them through the {@link Ledger} in JDBC batches. {@code skip} makes the one
 * storing pass and lists what it left out. A row is never mended.
 * <p>
 * A chunk is all or nothing; the import is not. When it is cut short (the server stops, the client
 * goes away), the chunks already committed stay, and sending the same database again completes
 * it: what is already stored exactly so is counted as present and left alone. So a second import
 * changes nothing, and an interrupted one is finished by the next.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReferenceImports {

    /** The largest database accepted: years of a home network's history fit many times over. */
    public static final long MAX_BYTES = 2L * 1024 * 1024 * 1024;
    /**
     * Rows a chunk holds before it is stored: some 20 MB of heap, a transaction that a retry can run
     * again in seconds, and few enough chunks that their own cost (locks, range queries) is noise.
     */
    static final int CHUNK_ROWS = 50_000;
    static final int MAX_PROBLEMS = 100;
    static final long PROGRESS_FROM = 100_000;
    private static final Logger LOG = Logger.getLogger(ReferenceImports.class.getName());
    private static final List<String> TABLE_ORDER = List.of(ReferenceDatabase.DEVICES, ReferenceDatabase.SESSIONS,
            ReferenceDatabase.EVENTS);

    /** What happens to rows that contradict the contract. */
    public enum Mode {
        STRICT, SKIP;

        public static final String ACCEPTED = "strict or skip";

        public static Mode parse(String text) {
            for (Mode mode : values()) {
                if (mode.name().equalsIgnoreCase(text)) {
                    return mode;
                }
            }
            throw new InvalidValueException(ACCEPTED);
        }

        public String text() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Inject
    Ledger ledger;

    @EJB
    Transactions transactions;

    public MovedIn importDatabase(InputStream body, ZoneId zone, Mode mode) {
        long began = System.nanoTime();
        Path file = spool(body);
        try (ReferenceDatabase database = ReferenceDatabase.open(file)) {
            long rows = database.count(ReferenceDatabase.DEVICES) + database.count(ReferenceDatabase.SESSIONS)
                    + database.count(ReferenceDatabase.EVENTS);
            if (mode == Mode.STRICT) {
                Pass check = new Pass(database, zone, mode, false, rows);
                check.run();
                if (check.total.problemRows > 0) {
                    throw check.refusal("nothing was imported");
                }
            }
            Pass store = new Pass(database, zone, mode, true, rows);
            store.run();
            Tally total = store.total;
            if (total.sessions.imported + total.events.imported > 0) {
                // the live stream's clients: one reload for the whole import (its chunks send nothing)
                transactions.retrying(() -> {
                    ledger.imported(total.sessions.imported);
                    return null;
                });
            }
            long millis = (System.nanoTime() - began) / 1_000_000;
            LOG.info(() -> "Import from the reference scanner: " + total.sessions.imported + " sessions, "
                    + total.events.imported + " events, " + total.importedDevices + " new devices in " + millis + " ms");
            long untouched = total.devices - total.presentDevices - total.importedDevices;
            return MovedIn.of(mode, zone, total.sessions.counts(), total.events.counts(),
                    new MovedIn.Counts(total.importedDevices, total.invalidDevices + untouched, total.presentDevices),
                    new MovedIn.Dst(store.dst.gap(), store.dst.repeated()), millis, total.sortedProblems());
        } finally {
            delete(file);
        }
    }

    private static Path spool(InputStream body) {
        Path file = null;
        try {
            file = Files.createTempFile("sessions-reference-", ".db");
            Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException | RuntimeException e) {
            delete(file);
            throw e instanceof IOException io ? new UncheckedIOException("Cannot keep the uploaded database", io)
                    : (RuntimeException) e;
        }
    }

    private static void delete(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a temporary file left behind; the system's cleaning takes it
        }
    }

    /** Imported, skipped and already present, of one table. */
    private static final class Counts {
        long imported;
        long skipped;
        long present;

        void add(Counts other) {
            imported += other.imported;
            skipped += other.skipped;
            present += other.present;
        }

        MovedIn.Counts counts() {
            return new MovedIn.Counts(imported, skipped, present);
        }
    }

    /** What a chunk, or a whole pass, found and did. A chunk's own is added to the pass's once it committed. */
    private static final class Tally {
        final Counts sessions = new Counts();
        final Counts events = new Counts();
        final List<ApiProblem.Detail> problems = new ArrayList<>();
        long problemRows;
        long invalidDevices;
        /** Devices with a valid MAC, and of them those known here before and those the import gave something. */
        long devices;
        long presentDevices;
        long importedDevices;

        void add(Tally chunk) {
            sessions.add(chunk.sessions);
            events.add(chunk.events);
            for (ApiProblem.Detail detail : chunk.problems) {
                if (problems.size() < MAX_PROBLEMS) {
                    problems.add(detail);
                }
            }
            problemRows += chunk.problemRows;
            invalidDevices += chunk.invalidDevices;
            devices += chunk.devices;
            presentDevices += chunk.presentDevices;
            importedDevices += chunk.importedDevices;
        }

        void refuse(List<ApiProblem.Detail> details) {
            problemRows++;
            for (ApiProblem.Detail detail : details) {
                if (problems.size() < MAX_PROBLEMS) {
                    problems.add(detail);
                }
            }
        }

        /** In the order of the tables and their rows, whatever order the devices were read in. */
        List<ApiProblem.Detail> sortedProblems() {
            List<ApiProblem.Detail> sorted = new ArrayList<>(problems);
            sorted.sort(Comparator.comparing((ApiProblem.Detail d) -> TABLE_ORDER.indexOf(d.table()))
                    .thenComparing(d -> d.rowid() == null ? 0L : d.rowid()));
            return sorted;
        }
    }

    /** What an import knows of one device across a pass: a few numbers, however many rows it has. */
    private static final class DeviceState {
        /** The first and last instants of its sessions and of its events stored before the import, or null. */
        final long[] storedSessions;
        final long[] storedEvents;
        final boolean present;
        final ImportTrack track;
        boolean given;

        DeviceState(long[] storedSessions, long[] storedEvents, boolean present, ImportTrack track) {
            this.storedSessions = storedSessions;
            this.storedEvents = storedEvents;
            this.present = present;
            this.track = track;
        }

        DeviceState copy() {
            DeviceState copy = new DeviceState(storedSessions, storedEvents, present, track.copy());
            copy.given = given;
            return copy;
        }

        /** Whether the stored range (or null) meets the one from the first to the last instant. */
        static boolean meets(long[] range, long from, long to) {
            return range != null && from <= range[1] && to >= range[0];
        }
    }

    /**
     * A chunk's new rows, written once all its rows are checked, in order of time (as they were
     * read): the indexes by time then grow at their end.
     */
    private final class Writes {
        final List<Session> sessions = new ArrayList<>();
        final List<Event> events = new ArrayList<>();

        void store() {
            try (ImportRows rows = ledger.importRows()) {
                sessions.forEach(rows::session);
                events.forEach(rows::event);
            }
        }
    }

    /** One reading of the whole database: the check ({@code storing} false) or the storing pass. */
    private final class Pass {
        final ReferenceDatabase database;
        final ZoneId zone;
        final Mode mode;
        final boolean storing;
        final long rows;
        final DisplayFormat format;
        final ReferenceDatabase.DstCount dst = new ReferenceDatabase.DstCount();
        final Tally total = new Tally();
        /** Every device met so far, by MAC: one small entry each, whatever its history. */
        final Map<MacAddress, DeviceState> states = new HashMap<>();
        long done;
        int reportedTenths;

        Pass(ReferenceDatabase database, ZoneId zone, Mode mode, boolean storing, long rows) {
            this.database = database;
            this.zone = zone;
            this.mode = mode;
            this.storing = storing;
            this.rows = rows;
            this.format = new DisplayFormat(zone);
        }

        void run() {
            try (ReferenceDatabase.Reading reading = database.reading(zone, dst)) {
                if (reading.devices() != null) {
                    drain(reading.devices(), ImportedDevice::mac, this::devices);
                }
                drain(reading.sessions(), ImportedSession::mac, this::sessions);
                drain(reading.events(), ImportedEvent::mac, this::events);
            }
        }

        /** A chunk's rows, checked (and stored) inside its transaction. */
        private interface ChunkWork<T> {
            void run(List<Row<T>> rows, Tally tally, Writes writes, Map<MacAddress, ImportTrack> noted);
        }

        private <T> void drain(ReferenceDatabase.Cursor<T> cursor, Function<T, MacAddress> macOf, ChunkWork<T> work) {
            List<Row<T>> chunk = new ArrayList<>();
            while (cursor.key() != null) {
                chunk.add(cursor.take());
                progress();
                if (chunk.size() == CHUNK_ROWS) {
                    apply(chunk, macOf, work);
                    chunk = new ArrayList<>();
                }
            }
            if (!chunk.isEmpty()) {
                apply(chunk, macOf, work);
            }
        }

        /**
         * Checks (and stores) the chunk in a transaction of its own, tried again after a passing
         * conflict; each attempt starts from the devices' states as they were before the first.
         */
        private <T> void apply(List<Row<T>> chunk, Function<T, MacAddress> macOf, ChunkWork<T> work) {
            List<MacAddress> macs = chunk.stream().filter(Row::valid).map(row -> macOf.apply(row.value())).distinct().toList();
            Map<MacAddress, DeviceState> before = new HashMap<>();
            macs.stream().filter(states::containsKey).forEach(mac -> before.put(mac, states.get(mac).copy()));
            Tally tally = transactions.retrying(() -> {
                macs.forEach(mac -> {
                    DeviceState known = before.get(mac);
                    if (known == null) {
                        states.remove(mac);
                    } else {
                        states.put(mac, known.copy());
                    }
                });
                return chunk(chunk, macs, work);
            });
            total.add(tally);
        }

        private <T> Tally chunk(List<Row<T>> chunk, List<MacAddress> macs, ChunkWork<T> work) {
            Tally tally = new Tally();
            Map<MacAddress, Device> devices = storing ? ledger.lock(macs) : ledger.devices(macs);
            List<MacAddress> fresh = macs.stream().filter(mac -> !states.containsKey(mac)).toList();
            Map<MacAddress, long[]> ranges = fresh.isEmpty() ? Map.of() : ledger.storedRanges(fresh);
            for (MacAddress mac : fresh) {
                Device device = devices.get(mac);
                boolean present = device != null && (device.wasSeen() || device.name() != null);
                states.put(mac, new DeviceState(ranges.get(mac), device == null ? null : device.eventRange(), present,
                        new ImportTrack(null)));
                tally.devices++;
                if (present) {
                    tally.presentDevices++;
                }
            }
            Writes writes = storing ? new Writes() : null;
            Map<MacAddress, ImportTrack> noted = new HashMap<>();
            work.run(chunk, tally, writes, noted);
            if (writes != null) {
                writes.store();
                noted.forEach((mac, track) -> ledger.recordEvents(mac, track.firstEvent(), track.lastEvent(), track.lastIp()));
            }
            if (storing && mode == Mode.STRICT && tally.problemRows > 0) {
                // the check found nothing, so another writer changed these devices since: this chunk rolls back
                total.add(tally);
                throw refusal("the rows before this chunk were imported; send the database again to go on");
            }
            return tally;
        }

        private void devices(List<Row<ImportedDevice>> chunk, Tally tally, Writes writes, Map<MacAddress, ImportTrack> noted) {
            for (Row<ImportedDevice> row : chunk) {
                if (!row.valid()) {
                    tally.invalidDevices++;
                    tally.refuse(row.problems());
                    continue;
                }
                ImportedDevice device = row.value();
                if (writes != null && device.name() != null && ledger.name(device.mac(), device.name())) {
                    given(device.mac(), tally);
                }
            }
        }

        private void sessions(List<Row<ImportedSession>> chunk, Tally tally, Writes writes,
                Map<MacAddress, ImportTrack> noted) {
            Map<MacAddress, SpanIndex<Session>> stored = storedSessions(chunk);
            for (Row<ImportedSession> row : chunk) {
                if (!row.valid()) {
                    tally.sessions.skipped++;
                    tally.refuse(row.problems());
                    continue;
                }
                ImportedSession found = row.value();
                Session session = Ledger.sessionOf(found);
                Span span = session.span();
                SpanIndex<Session> near = stored.get(found.mac());
                List<SpanIndex.Match<Session>> matches = near == null ? List.of() : near.overlapping(span);
                if (matches.stream().anyMatch(match -> found.sameAs(match.value()))) {
                    tally.sessions.present++;
                    continue;
                }
                if (!matches.isEmpty()) {
                    overlap(row, "the session of " + found.mac() + " " + described(matches.get(0).value()), tally);
                    continue;
                }
                ImportTrack track = states.get(found.mac()).track;
                boolean inOrder = track.inOrder(span);
                if (inOrder ? track.collidesWithEarlierLine(span) : collidesOutOfOrder(found, span, writes)) {
                    overlap(row, "an earlier session of " + found.mac() + " in this database", tally);
                    continue;
                }
                if (inOrder) {
                    track.add(span);
                }
                if (writes == null) {
                    continue;
                }
                writes.sessions.add(session);
                tally.sessions.imported++;
                given(found.mac(), tally);
                ImportTrack note = noted.computeIfAbsent(found.mac(), mac -> new ImportTrack(null));
                if (found.connection() != null) {
                    note.event(found.connection(), found.ip());
                }
                if (found.disconnection() != null) {
                    note.event(found.disconnection(), found.ip());
                }
            }
        }

        /**
         * A session that SQLite sorted before one it starts earlier than (a time written in a way its
         * date functions do not read): checked against what this import stored of the device, in the
         * database and in the chunk's pending rows. The checking pass has stored nothing, so there
         * it is checked only against the sessions stored before; the storing pass checks it again.
         */
        private boolean collidesOutOfOrder(ImportedSession found, Span span, Writes writes) {
            if (writes == null) {
                return false;
            }
            return ledger.near(found.mac(), span).stream().anyMatch(s -> s.span().overlaps(span))
                    || writes.sessions.stream().anyMatch(s -> s.mac().equals(found.mac()) && s.span().overlaps(span));
        }

        /** For each device, its sessions stored before the import that the chunk's sessions may meet. */
        private Map<MacAddress, SpanIndex<Session>> storedSessions(List<Row<ImportedSession>> chunk) {
            Map<MacAddress, long[]> windows = new HashMap<>();
            for (Row<ImportedSession> row : chunk) {
                if (row.valid() && states.get(row.value().mac()).storedSessions != null) {
                    Span span = row.value().span();
                    long from = span.start().toEpochMilli();
                    long to = span.end() == null ? Session.OPEN : span.end().toEpochMilli();
                    windows.merge(row.value().mac(), new long[] {from, to},
                            (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
                }
            }
            Map<MacAddress, SpanIndex<Session>> stored = new HashMap<>();
            windows.forEach((mac, window) -> {
                long[] range = states.get(mac).storedSessions;
                if (DeviceState.meets(range, window[0], window[1])) {
                    long from = Math.max(window[0], range[0]);
                    long to = Math.min(window[1], range[1]);
                    Span near = new Span(Instant.ofEpochMilli(from), to == Session.OPEN ? null : Instant.ofEpochMilli(to));
                    SpanIndex<Session> index = new SpanIndex<>();
                    ledger.near(mac, near).forEach(session -> index.add(session.span(), session));
                    stored.put(mac, index);
                }
            });
            return stored;
        }

        private void events(List<Row<ImportedEvent>> chunk, Tally tally, Writes writes, Map<MacAddress, ImportTrack> noted) {
            Map<MacAddress, long[]> windows = new HashMap<>();
            for (Row<ImportedEvent> row : chunk) {
                if (row.valid() && states.get(row.value().mac()).storedEvents != null) {
                    long at = row.value().at().toEpochMilli();
                    windows.merge(row.value().mac(), new long[] {at, at},
                            (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
                }
            }
            Map<MacAddress, Set<String>> stored = new HashMap<>();
            windows.forEach((mac, window) -> {
                long[] range = states.get(mac).storedEvents;
                if (DeviceState.meets(range, window[0], window[1])) {
                    stored.put(mac, ledger.storedEventKeys(mac, Math.max(window[0], range[0]), Math.min(window[1], range[1])));
                }
            });
            for (Row<ImportedEvent> row : chunk) {
                if (!row.valid()) {
                    tally.events.skipped++;
                    tally.refuse(row.problems());
                    continue;
                }
                ImportedEvent found = row.value();
                Event event = Ledger.eventOf(found);
                if (stored.getOrDefault(found.mac(), Set.of())
                        .contains(Ledger.eventKey(event.at().toEpochMilli(), event.type(), event.voided(), event.ip()))) {
                    tally.events.present++;
                    continue;
                }
                if (writes == null) {
                    continue;
                }
                writes.events.add(event);
                tally.events.imported++;
                given(found.mac(), tally);
                noted.computeIfAbsent(found.mac(), mac -> new ImportTrack(null)).event(found.at(), found.ip());
            }
        }

        private void given(MacAddress mac, Tally tally) {
            DeviceState state = states.get(mac);
            if (!state.given) {
                state.given = true;
                if (!state.present) {
                    tally.importedDevices++;
                }
            }
        }

        private String described(Session session) {
            String from = session.connection() == null ? "<missing event>" : format.display(session.connection());
            String to = session.isOpen() ? "<still connected>"
                    : session.disconnection() == null ? "<missing event>" : format.display(session.disconnection());
            return "stored here, from " + from + " to " + to;
        }

        private void overlap(Row<ImportedSession> row, String other, Tally tally) {
            tally.sessions.skipped++;
            String field = row.value().connection() != null ? "ses_DateTimeConnection" : "ses_DateTimeDisconnection";
            tally.refuse(List.of(ApiProblem.Detail.atRow(row.table(), row.rowid(), field,
                    "The session overlaps " + other + ": sessions of one device never overlap")));
        }

        ApiProblem refusal(String outcome) {
            List<ApiProblem.Detail> problems = total.sortedProblems();
            ApiProblem.Detail first = problems.get(0);
            long count = total.problemRows;
            return new ApiProblem(422, "The database has " + count + " row" + (count == 1 ? "" : "s")
                    + " that contradict the contract (first: " + first.table() + " row " + first.rowid() + ": "
                    + first.message() + "); " + outcome, problems);
        }

        /** A line in the log at every tenth of the rows: a big history takes minutes, a small one needs none. */
        private void progress() {
            done++;
            if (rows < PROGRESS_FROM) {
                return;
            }
            int tenths = (int) (done * 10 / Math.max(1, rows));
            if (tenths > reportedTenths) {
                reportedTenths = tenths;
                String what = storing ? "storing" : "checking";
                LOG.info(() -> "Import from the reference scanner, " + what + ": " + tenths * 10 + " % (" + done
                        + " of " + rows + " rows)");
            }
        }
    }
}

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
import java.util.Objects;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Pattern;
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
 * tables checked before anything is written. Its rows are then read one device at a time (SQLite
 * sorts each table by device), in chunks of about {@value #CHUNK_ROWS} rows that end between
 * devices; a device with more rows than that spans several chunks.
 * <p>
 * In {@code strict} mode (the default) a first pass checks every row and every session's overlaps
 * with the device's other sessions, those stored here included, and stores nothing: a row that
 * contradicts the contract refuses the whole import. Only then does the second pass store, each
 * chunk in a transaction of its own that locks its devices, checks the rows again under the locks
 * and writes through the {@link Ledger} in JDBC batches. {@code skip} makes the one storing pass
 * and lists what it left out. A row is never mended.
 * <p>
 * A chunk is all or nothing, and the import is not: when it is interrupted (the server stops, the
 * client goes away), the chunks already committed stay. Sending the same database again completes
 * it: what is already stored exactly so is counted as present and left alone, so a second import
 * changes nothing, and an interrupted one is finished by the next.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReferenceImports {

    /** The largest database accepted: years of a home network's history fit many times over. */
    public static final long MAX_BYTES = 2L * 1024 * 1024 * 1024;
    /**
     * Rows a chunk holds before it is stored: a few megabytes of heap, a transaction that a retry can
     * run again in a moment, and few enough chunks that their own cost (locks, range queries) is noise.
     */
    static final int CHUNK_ROWS = 50_000;
    static final int MAX_PROBLEMS = 100;
    static final long PROGRESS_FROM = 100_000;
    private static final Logger LOG = Logger.getLogger(ReferenceImports.class.getName());
    private static final Pattern CANONICAL_KEY = Pattern.compile("[0-9A-F]{12}");
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

    /** What an import knows of one device while its rows are read: a few numbers and its own sessions' spans. */
    private static final class DeviceState {
        final MacAddress mac;
        /** The first and last instants of its sessions and of its events stored before the import, or null. */
        final long[] storedSessions;
        final long[] storedEvents;
        final boolean present;
        final SpanIndex<Void> lines;
        boolean given;

        DeviceState(MacAddress mac, long[] storedSessions, long[] storedEvents, boolean present, SpanIndex<Void> lines) {
            this.mac = mac;
            this.storedSessions = storedSessions;
            this.storedEvents = storedEvents;
            this.present = present;
            this.lines = lines;
        }

        DeviceState copy() {
            DeviceState copy = new DeviceState(mac, storedSessions, storedEvents, present, lines.copy());
            copy.given = given;
            return copy;
        }
    }

    /** One device's rows in a chunk; {@code continued} when its earlier rows were in the chunk before. */
    private static final class Group {
        final String key;
        final MacAddress mac;
        final boolean continued;
        final List<Row<ImportedDevice>> devices = new ArrayList<>(1);
        final List<Row<ImportedSession>> sessions = new ArrayList<>();
        final List<Row<ImportedEvent>> events = new ArrayList<>();

        Group(String key, boolean continued) {
            this.key = key;
            this.mac = CANONICAL_KEY.matcher(key).matches() ? MacAddress.parse(key) : null;
            this.continued = continued;
        }
    }

    /**
     * A chunk's new rows, written when all its devices are checked, in order of time rather than of
     * device: the indexes by time then grow in one sweep per chunk, instead of one jump per row
     * across the whole history, which had Derby reading and evicting index pages for most rows.
     */
    private final class Writes {
        final List<Session> sessions = new ArrayList<>();
        final List<Event> events = new ArrayList<>();

        void store() {
            sessions.sort(Comparator.comparing(Session::first));
            events.sort(Comparator.comparing(Event::at));
            try (ImportRows rows = ledger.importRows()) {
                sessions.forEach(rows::session);
                events.forEach(rows::event);
            }
        }
    }

    /** A chunk's work, and the state of its last device when that one goes on in the next chunk. */
    private record Done(Tally tally, DeviceState carried) {
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
        List<Group> chunk = new ArrayList<>();
        int chunkRows;
        DeviceState carried;
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
                String key;
                while ((key = reading.nextKey()) != null) {
                    Group group = new Group(key, false);
                    chunk.add(group);
                    ReferenceDatabase.Cursor<ImportedDevice> devices = reading.devices();
                    while (devices != null && devices.at(key)) {
                        group.devices.add(taken(devices.take()));
                    }
                    while (reading.sessions().at(key)) {
                        group.sessions.add(taken(reading.sessions().take()));
                        group = full(reading, key, group);
                    }
                    while (reading.events().at(key)) {
                        group.events.add(taken(reading.events().take()));
                        group = full(reading, key, group);
                    }
                    if (chunkRows >= CHUNK_ROWS) {
                        apply(false);
                    }
                }
            }
            if (!chunk.isEmpty()) {
                apply(false);
            }
        }

        private <T> Row<T> taken(Row<T> row) {
            chunkRows++;
            progress();
            return row;
        }

        /** The group to go on with: this one, or its continuation in a new chunk when this one is full. */
        private Group full(ReferenceDatabase.Reading reading, String key, Group group) {
            if (chunkRows < CHUNK_ROWS || !(reading.sessions().at(key) || reading.events().at(key))) {
                return group;
            }
            apply(true);
            Group next = new Group(key, true);
            chunk.add(next);
            return next;
        }

        /** Stores (or checks) the chunk in a transaction of its own, tried again after a passing conflict. */
        private void apply(boolean endsWithinDevice) {
            List<Group> groups = chunk;
            DeviceState before = carried;
            Done result = transactions.retrying(() -> work(groups, before == null ? null : before.copy(), endsWithinDevice));
            total.add(result.tally());
            carried = result.carried();
            chunk = new ArrayList<>();
            chunkRows = 0;
        }

        private Done work(List<Group> groups, DeviceState continuing, boolean endsWithinDevice) {
            Tally tally = new Tally();
            List<MacAddress> macs = groups.stream().map(g -> g.mac).filter(Objects::nonNull).distinct().toList();
            Map<MacAddress, Device> devices = storing ? ledger.lock(macs) : ledger.devices(macs);
            List<MacAddress> fresh = groups.stream().filter(g -> !g.continued && g.mac != null).map(g -> g.mac).toList();
            Map<MacAddress, long[]> ranges = ledger.storedRanges(fresh);
            DeviceState state = null;
            Writes writes = storing ? new Writes() : null;
            for (Group group : groups) {
                if (group.continued) {
                    state = continuing;
                } else if (group.mac != null) {
                    Device device = devices.get(group.mac);
                    boolean present = device != null && (device.wasSeen() || device.name() != null);
                    state = new DeviceState(group.mac, ranges.get(group.mac), device == null ? null : device.eventRange(),
                            present, new SpanIndex<>());
                    tally.devices++;
                    if (present) {
                        tally.presentDevices++;
                    }
                } else {
                    state = null;
                }
                new DeviceWork(tally, group, state, writes).run();
            }
            if (writes != null) {
                writes.store();
            }
            if (storing && mode == Mode.STRICT && tally.problemRows > 0) {
                // the check found nothing, so another writer changed these devices since: this chunk rolls back
                total.add(tally);
                throw refusal("the devices before it were imported; send the database again to go on");
            }
            return new Done(tally, endsWithinDevice ? state : null);
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

        /** One device's rows of one chunk, inside the chunk's transaction. */
        private final class DeviceWork {
            final Tally tally;
            final Group group;
            final DeviceState state;
            final Writes writer;
            final ImportTrack noted = new ImportTrack(null);

            DeviceWork(Tally tally, Group group, DeviceState state, Writes writer) {
                this.tally = tally;
                this.group = group;
                this.state = state;
                this.writer = writer;
            }

            void run() {
                group.devices.forEach(this::device);
                SpanIndex<Session> stored = storedSessions();
                group.sessions.forEach(row -> session(row, stored));
                Set<String> storedEvents = storedEvents();
                group.events.forEach(row -> event(row, storedEvents));
                if (writer != null && noted.firstEvent() != null) {
                    ledger.recordEvents(state.mac, noted.firstEvent(), noted.lastEvent(), noted.lastIp());
                }
            }

            void device(Row<ImportedDevice> row) {
                if (!row.valid()) {
                    tally.invalidDevices++;
                    refuse(row.problems());
                    return;
                }
                ImportedDevice device = row.value();
                if (writer != null && device.name() != null && ledger.name(device.mac(), device.name())) {
                    given();
                }
            }

            /** The device's sessions stored before the import that the chunk's sessions may meet. */
            SpanIndex<Session> storedSessions() {
                SpanIndex<Session> index = new SpanIndex<>();
                if (state == null || state.storedSessions == null) {
                    return index;
                }
                long from = Long.MAX_VALUE;
                long to = Long.MIN_VALUE;
                for (Row<ImportedSession> row : group.sessions) {
                    if (row.valid()) {
                        Span span = row.value().span();
                        from = Math.min(from, span.start().toEpochMilli());
                        to = Math.max(to, span.end() == null ? Session.OPEN : span.end().toEpochMilli());
                    }
                }
                from = Math.max(from, state.storedSessions[0]);
                to = Math.min(to, state.storedSessions[1]);
                if (from <= to) {
                    Span range = new Span(Instant.ofEpochMilli(from), to == Session.OPEN ? null : Instant.ofEpochMilli(to));
                    for (Session session : ledger.near(state.mac, range)) {
                        index.add(session.span(), session);
                    }
                }
                return index;
            }

            Set<String> storedEvents() {
                if (state == null || state.storedEvents == null) {
                    return Set.of();
                }
                long from = Long.MAX_VALUE;
                long to = Long.MIN_VALUE;
                for (Row<ImportedEvent> row : group.events) {
                    if (row.valid()) {
                        long at = row.value().at().toEpochMilli();
                        from = Math.min(from, at);
                        to = Math.max(to, at);
                    }
                }
                from = Math.max(from, state.storedEvents[0]);
                to = Math.min(to, state.storedEvents[1]);
                return from <= to ? ledger.storedEventKeys(state.mac, from, to) : Set.of();
            }

            void session(Row<ImportedSession> row, SpanIndex<Session> stored) {
                if (!row.valid()) {
                    tally.sessions.skipped++;
                    refuse(row.problems());
                    return;
                }
                ImportedSession found = row.value();
                Session session = Ledger.sessionOf(found);
                Span span = session.span();
                List<SpanIndex.Match<Session>> near = stored.overlapping(span);
                if (near.stream().anyMatch(match -> found.sameAs(match.value()))) {
                    tally.sessions.present++;
                    return;
                }
                if (!near.isEmpty()) {
                    overlap(row, "the session of " + found.mac() + " " + described(near.get(0).value()));
                    return;
                }
                if (!state.lines.overlapping(span).isEmpty()) {
                    overlap(row, "an earlier session of " + found.mac() + " in this database");
                    return;
                }
                state.lines.add(span, null);
                if (writer == null) {
                    return;
                }
                writer.sessions.add(session);
                tally.sessions.imported++;
                given();
                if (found.connection() != null) {
                    noted.event(found.connection(), found.ip());
                }
                if (found.disconnection() != null) {
                    noted.event(found.disconnection(), found.ip());
                }
            }

            void event(Row<ImportedEvent> row, Set<String> stored) {
                if (!row.valid()) {
                    tally.events.skipped++;
                    refuse(row.problems());
                    return;
                }
                ImportedEvent found = row.value();
                Event event = Ledger.eventOf(found);
                if (stored.contains(Ledger.eventKey(event.at().toEpochMilli(), event.type(), event.voided(), event.ip()))) {
                    tally.events.present++;
                    return;
                }
                if (writer == null) {
                    return;
                }
                writer.events.add(event);
                tally.events.imported++;
                given();
                noted.event(found.at(), found.ip());
            }

            private void given() {
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

            private void overlap(Row<ImportedSession> row, String other) {
                tally.sessions.skipped++;
                String field = row.value().connection() != null ? "ses_DateTimeConnection" : "ses_DateTimeDisconnection";
                refuse(List.of(ApiProblem.Detail.atRow(row.table(), row.rowid(), field,
                        "The session overlaps " + other + ": sessions of one device never overlap")));
            }

            private void refuse(List<ApiProblem.Detail> details) {
                tally.refuse(details);
            }
        }
    }
}

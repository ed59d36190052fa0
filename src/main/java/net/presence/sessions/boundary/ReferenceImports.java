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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import net.presence.platform.Transactions;
import net.presence.problems.ApiProblem;
import net.presence.security.Roles;
import net.presence.sessions.control.ImportTrack;
import net.presence.sessions.control.ImportedDevice;
import net.presence.sessions.control.ImportedEvent;
import net.presence.sessions.control.ImportedSession;
import net.presence.sessions.control.Ledger;
import net.presence.sessions.control.ReferenceDatabase;
import net.presence.sessions.control.ReferenceDatabase.Row;
import net.presence.sessions.entity.Device;
import net.presence.sessions.entity.Session;
import net.presence.values.DisplayFormat;
import net.presence.values.InvalidValueException;
import net.presence.values.MacAddress;
import net.presence.values.Span;

/**
 * Moving in from the reference scanner: its SQLite database, uploaded whole. The body goes to a
 * temporary file first (the database cannot be read from a stream) and is opened read-only, its
 * tables checked before anything is written; then one transaction locks every device the database
 * names (one SQL question to it, so its rows are read only once, inside the transaction), checks
 * each row and each session for overlaps with the device's other sessions, those stored here
 * included, and stores through the {@link Ledger} in batches, so memory holds one batch.
 * <p>
 * A row that contradicts the contract is never mended: {@code strict} stops storing at the first
 * one, checks the rest and refuses the whole import (the transaction rolls back); {@code skip}
 * imports the rest and lists what it left out. What is already stored exactly so (a
 * second import of the same database) is counted as present and left alone.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReferenceImports {

    /** The largest database accepted: years of a home network's history fit many times over. */
    public static final long MAX_BYTES = 2L * 1024 * 1024 * 1024;
    static final int BATCH = 1000;
    static final int MAX_PROBLEMS = 100;
    static final long PROGRESS_FROM = 100_000;
    private static final Logger LOG = Logger.getLogger(ReferenceImports.class.getName());

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
            Set<MacAddress> macs = database.macs();
            long rows = database.count(ReferenceDatabase.DEVICES) + database.count(ReferenceDatabase.SESSIONS)
                    + database.count(ReferenceDatabase.EVENTS);
            Run run = transactions.retrying(() -> new Run(database, zone, mode, macs, rows).store());
            long millis = (System.nanoTime() - began) / 1_000_000;
            LOG.info(() -> "Import from the reference scanner: " + run.sessions.imported + " sessions, "
                    + run.events.imported + " events, " + run.imported.size() + " devices in " + millis + " ms");
            return MovedIn.of(mode, zone, run.sessions.counts(), run.events.counts(), run.deviceCounts(),
                    new MovedIn.Dst(run.dst.gap(), run.dst.repeated()), millis, run.problems);
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
    private static final class Tally {
        long imported;
        long skipped;
        long present;

        MovedIn.Counts counts() {
            return new MovedIn.Counts(imported, skipped, present);
        }
    }

    /** One attempt of the transaction: everything it decides is its own, so a retry starts clean. */
    private final class Run {
        final ReferenceDatabase database;
        final ZoneId zone;
        final Mode mode;
        final Set<MacAddress> macs;
        final long rows;
        final DisplayFormat format;
        final ReferenceDatabase.DstCount dst = new ReferenceDatabase.DstCount();
        final Tally sessions = new Tally();
        final Tally events = new Tally();
        final List<ApiProblem.Detail> problems = new ArrayList<>();
        long problemRows;
        long invalidDevices;
        final Set<MacAddress> present = new HashSet<>();
        final Set<MacAddress> imported = new HashSet<>();
        final Map<MacAddress, long[]> storedEvents = new HashMap<>();
        final Map<MacAddress, ImportTrack> tracks = new HashMap<>();
        final Map<MacAddress, ImportTrack> noted = new HashMap<>();
        boolean storing;
        long pending;
        long done;
        int reportedTenths;

        Run(ReferenceDatabase database, ZoneId zone, Mode mode, Set<MacAddress> macs, long rows) {
            this.database = database;
            this.zone = zone;
            this.mode = mode;
            this.macs = macs;
            this.rows = rows;
            this.format = new DisplayFormat(zone);
            this.storing = true;
        }

        Run store() {
            Map<MacAddress, Device> locked = ledger.lock(macs);
            locked.forEach((mac, device) -> {
                if (device.wasSeen() || device.name() != null) {
                    present.add(mac);
                }
                long[] range = device.eventRange();
                if (range != null) {
                    storedEvents.put(mac, range);
                }
            });
            database.devices(this::device);
            database.sessions(zone, dst, this::session);
            database.events(zone, dst, this::event);
            if (mode == Mode.STRICT && problemRows > 0) {
                ApiProblem.Detail first = problems.get(0);
                throw new ApiProblem(422, "The database has " + problemRows + " row" + (problemRows == 1 ? "" : "s")
                        + " that contradict the contract (first: " + first.table() + " row " + first.rowid() + ": "
                        + first.message() + "); nothing was imported", problems);
            }
            ledger.endBatch();
            noted.forEach((mac, track) -> ledger.recordEvents(mac, track.firstEvent(), track.lastEvent(), track.lastIp()));
            return this;
        }

        void device(Row<ImportedDevice> row) {
            progress();
            if (!row.valid()) {
                invalidDevices++;
                refuse(row.problems());
                return;
            }
            ImportedDevice device = row.value();
            if (storing && device.name() != null && ledger.name(device.mac(), device.name())) {
                imported.add(device.mac());
                written();
            }
        }

        void session(Row<ImportedSession> row) {
            progress();
            if (!row.valid()) {
                sessions.skipped++;
                refuse(row.problems());
                return;
            }
            ImportedSession found = row.value();
            ImportTrack track = tracks.computeIfAbsent(found.mac(), mac -> new ImportTrack(ledger.storedRange(mac)));
            Span span = found.span();
            boolean inOrder = track.inOrder(span);
            if (!inOrder || track.nearStored(span)) {
                List<Session> near = ledger.near(found.mac(), span);
                if (near.stream().anyMatch(found::sameAs)) {
                    sessions.present++;
                    return;
                }
                Optional<Session> clash = near.stream().filter(s -> s.span().overlaps(span)).findFirst();
                if (clash.isPresent()) {
                    overlap(row, "the session of " + found.mac() + " " + described(clash.get()));
                    return;
                }
            }
            if (inOrder && track.collidesWithEarlierLine(span)) {
                overlap(row, "an earlier session of " + found.mac() + " in this database");
                return;
            }
            if (inOrder) {
                track.add(span);
            }
            if (!storing) {
                return;
            }
            ledger.storeFound(found);
            sessions.imported++;
            imported.add(found.mac());
            ImportTrack note = noted(found.mac());
            if (found.connection() != null) {
                note.event(found.connection(), found.ip());
            }
            if (found.disconnection() != null) {
                note.event(found.disconnection(), found.ip());
            }
            written();
        }

        void event(Row<ImportedEvent> row) {
            progress();
            if (!row.valid()) {
                events.skipped++;
                refuse(row.problems());
                return;
            }
            ImportedEvent found = row.value();
            long[] range = storedEvents.get(found.mac());
            long at = found.at().toEpochMilli();
            if (range != null && at >= range[0] && at <= range[1] && ledger.hasEvent(found)) {
                events.present++;
                return;
            }
            if (!storing) {
                return;
            }
            ledger.storeEvent(found);
            events.imported++;
            imported.add(found.mac());
            noted(found.mac()).event(found.at(), found.ip());
            written();
        }

        private ImportTrack noted(MacAddress mac) {
            return noted.computeIfAbsent(mac, m -> new ImportTrack(null));
        }

        private String described(Session session) {
            String from = session.connection() == null ? "<missing event>" : format.display(session.connection());
            String to = session.isOpen() ? "<still connected>"
                    : session.disconnection() == null ? "<missing event>" : format.display(session.disconnection());
            return "stored here, from " + from + " to " + to;
        }

        private void overlap(Row<ImportedSession> row, String other) {
            sessions.skipped++;
            String field = row.value().connection() != null ? "ses_DateTimeConnection" : "ses_DateTimeDisconnection";
            refuse(List.of(ApiProblem.Detail.atRow(row.table(), row.rowid(), field,
                    "The session overlaps " + other + ": sessions of one device never overlap")));
        }

        private void refuse(List<ApiProblem.Detail> details) {
            problemRows++;
            for (ApiProblem.Detail detail : details) {
                if (problems.size() < MAX_PROBLEMS) {
                    problems.add(detail);
                }
            }
            if (mode == Mode.STRICT) {
                storing = false;
            }
        }

        private void written() {
            if (++pending == BATCH) {
                ledger.endBatch();
                pending = 0;
            }
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
                LOG.info(() -> "Import from the reference scanner: " + tenths * 10 + " % (" + done + " of "
                        + rows + " rows)");
            }
        }

        MovedIn.Counts deviceCounts() {
            long present = this.present.size();
            long importedHere = imported.stream().filter(mac -> !this.present.contains(mac)).count();
            long untouched = macs.size() - present - importedHere;
            return new MovedIn.Counts(importedHere, invalidDevices + untouched, present);
        }
    }
}

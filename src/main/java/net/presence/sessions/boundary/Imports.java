package net.presence.sessions.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.Reader;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.presence.platform.Transactions;
import net.presence.problems.ApiProblem;
import net.presence.security.Roles;
import net.presence.sessions.control.ImportTrack;
import net.presence.sessions.control.Ledger;
import net.presence.sessions.control.NewSession;
import net.presence.sessions.entity.Session;
import net.presence.values.DisplayFormat;
import net.presence.values.MacAddress;
import net.presence.values.Span;

/**
 * Bulk import of sessions: every line obeys the rules of create, and the whole upload is one
 * transaction, so a single bad line stores nothing. The upload is first read and checked line by
 * line into a temporary file ({@link ImportSpool}); then one transaction locks every device it
 * names, checks each line for overlaps ({@link ImportTrack}) and stores it through the
 * {@link Ledger} in batches, so memory holds one batch, never the upload.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Imports {

    static final int BATCH = 1000;

    @Inject
    Ledger ledger;

    @EJB
    Transactions transactions;

    public long importLines(Reader upload, ZoneId zone) {
        try (ImportSpool spool = ImportSpool.read(upload, zone, Instant.now())) {
            return transactions.retrying(() -> store(spool, new DisplayFormat(zone)));
        }
    }

    private long store(ImportSpool spool, DisplayFormat format) {
        ledger.lock(spool.macs());
        Map<MacAddress, ImportTrack> tracks = new HashMap<>();
        List<ApiProblem.Detail> problems = new ArrayList<>(spool.problems());
        long[] counts = {spool.problemCount(), 0, 0}; // problems, stored, pending in the batch
        spool.forEach((line, wanted) -> {
            ImportTrack track = tracks.computeIfAbsent(wanted.mac(), mac -> new ImportTrack(ledger.storedRange(mac)));
            String overlap = overlap(wanted, track, format);
            if (overlap != null) {
                counts[0]++;
                problems.add(ApiProblem.Detail.atLine(line, null, overlap));
                return;
            }
            if (counts[0] > 0) {
                return; // nothing more is stored, but every line is still checked
            }
            ledger.store(wanted);
            track.event(wanted.start(), wanted.ip());
            if (wanted.end() != null) {
                track.event(wanted.end(), wanted.ip());
            }
            counts[1]++;
            if (++counts[2] == BATCH) {
                ledger.endBatch();
                counts[2] = 0;
            }
        });
        if (counts[0] > 0) {
            problems.sort(Comparator.comparing(ApiProblem.Detail::line));
            List<ApiProblem.Detail> first = problems.subList(0, Math.min(ImportSpool.MAX_PROBLEMS, problems.size()));
            throw new ApiProblem(422, "The import has " + counts[0] + " problem" + (counts[0] == 1 ? "" : "s")
                    + " (first: line " + first.get(0).line() + ": " + first.get(0).message() + "); nothing was stored",
                    first);
        }
        ledger.endBatch();
        tracks.forEach((mac, track) -> {
            if (track.firstEvent() != null) {
                ledger.recordEvents(mac, track.firstEvent(), track.lastEvent(), track.lastIp());
            }
        });
        return counts[1];
    }

    /** Why the session cannot be stored, or null. */
    private String overlap(NewSession wanted, ImportTrack track, DisplayFormat format) {
        Span span = wanted.span();
        boolean inOrder = track.inOrder(span);
        if (inOrder && track.collidesWithEarlierLine(span)) {
            return "The session overlaps a session of " + wanted.mac() + " on an earlier line";
        }
        if (!inOrder || track.nearStored(span)) {
            for (Session existing : ledger.near(wanted.mac(), span)) {
                if (existing.span().overlaps(span)) {
                    return "The session overlaps a session of " + wanted.mac() + " that starts "
                            + format.display(existing.first());
                }
            }
        }
        if (inOrder) {
            track.add(span);
        }
        return null;
    }
}

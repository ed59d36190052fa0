package net.presence.sessions.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Reader;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.presence.platform.JsonBody;
import net.presence.problems.ApiProblem;
import net.presence.security.Roles;
import net.presence.values.DisplayFormat;
import net.presence.sessions.control.NewSession;
import net.presence.values.Span;
import net.presence.sessions.entity.Device;
import net.presence.sessions.entity.Event;
import net.presence.sessions.entity.Session;

/**
 * Bulk import of sessions: every line obeys the rules of create, and the whole upload is one
 * transaction, so a single bad line stores nothing. Memory holds one batch of entities and a few
 * numbers per device, never the upload: rows are flushed in batches and the persistence context
 * cleared after each.
 * <p>
 * Overlaps are found cheaply when a device's lines come in order of start time (as any export
 * writes them): each line then only needs comparing with the device's previous line, and with the
 * database only where the device already had sessions in that time range. A line out of order is
 * checked against the database, which by then holds the lines before it.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class Imports {

    static final int BATCH = 1000;
    static final int MAX_PROBLEMS = 100;

    @PersistenceContext
    EntityManager em;

    @EJB
    Devices devices;

    /** What the import knows of one device; a few numbers, however many lines it has. */
    private static final class Track {
        final long storedStart;
        final long storedEnd;
        /** Of the lines in order so far: the latest start, the interval reaching furthest, the latest instant. */
        Instant lastStart;
        Span reach;
        Span lastPoint;
        Instant firstEvent;
        Instant lastEvent;
        String lastIp;

        Track(long storedStart, long storedEnd) {
            this.storedStart = storedStart;
            this.storedEnd = storedEnd;
        }

        /** Lines in order of start are disjoint; a new one can only collide with these two. */
        boolean collides(Span span) {
            return reach != null && reach.overlaps(span) || lastPoint != null && lastPoint.overlaps(span);
        }

        void add(Span span) {
            lastStart = span.start();
            if (span.isPoint()) {
                lastPoint = span;
            } else if (reach == null || reach.end() != null && (span.end() == null || span.end().isAfter(reach.end()))) {
                reach = span;
            }
        }

        void event(Instant at, String ip) {
            if (firstEvent == null || at.isBefore(firstEvent)) {
                firstEvent = at;
            }
            if (lastEvent == null || !at.isBefore(lastEvent)) {
                lastEvent = at;
                lastIp = ip;
            }
        }
    }

    public long importLines(Reader upload, ZoneId zone) {
        Instant now = Instant.now();
        DisplayFormat format = new DisplayFormat(zone);
        ImportLines lines = new ImportLines(upload);
        Map<String, Track> tracks = new HashMap<>();
        List<ApiProblem.Detail> problems = new ArrayList<>();
        long problemCount = 0;
        long imported = 0;
        int pending = 0;
        for (String line = lines.next(); line != null; line = lines.next()) {
            if (line.isBlank()) {
                continue;
            }
            long number = lines.number();
            List<ApiProblem.Detail> found = new ArrayList<>();
            NewSession wanted = parse(line, number, zone, now, found);
            if (wanted != null) {
                Track track = tracks.computeIfAbsent(wanted.mac(), this::track);
                String overlap = overlap(wanted, track, format);
                if (overlap != null) {
                    found.add(ApiProblem.Detail.atLine(number, null, overlap));
                } else if (problemCount == 0 && found.isEmpty()) {
                    // after the first problem nothing more is stored, but every line is still checked
                    store(wanted, track);
                    imported++;
                    if (++pending == BATCH) {
                        em.flush();
                        em.clear();
                        pending = 0;
                    }
                }
            }
            problemCount += found.size();
            found.stream().limit(MAX_PROBLEMS - problems.size()).forEach(problems::add);
        }
        if (problemCount > 0) {
            throw new ApiProblem(422, "The import has " + problemCount + " problem" + (problemCount == 1 ? "" : "s")
                    + " (first: line " + problems.get(0).line() + ": " + problems.get(0).message() + "); nothing was stored",
                    problems);
        }
        em.flush();
        em.clear();
        tracks.forEach((mac, track) -> {
            Device device = em.find(Device.class, mac);
            device.recordEvent(track.firstEvent, track.lastIp);
            device.recordEvent(track.lastEvent, track.lastIp);
        });
        return imported;
    }

    private static NewSession parse(String line, long number, ZoneId zone, Instant now, List<ApiProblem.Detail> found) {
        if (line == ImportLines.TOO_LONG) {
            found.add(ApiProblem.Detail.atLine(number, null, "The line is longer than " + ImportLines.MAX_LINE + " characters"));
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(line))) {
            JsonObject object = reader.readObject();
            return NewSessionReader.read(JsonBody.of(object), zone, now);
        } catch (JsonException | IllegalStateException notAnObject) {
            found.add(ApiProblem.Detail.atLine(number, null, "The line is not a JSON object"));
        } catch (ApiProblem invalid) {
            invalid.details().forEach(d -> found.add(ApiProblem.Detail.atLine(number, d.field(), d.message())));
        }
        return null;
    }

    /** Locks the device for the rest of the import and notes where its stored sessions lie. */
    private Track track(String mac) {
        devices.lock(mac);
        Object[] range = em.createQuery("SELECT MIN(s.spanStart), MAX(s.spanEnd) FROM Session s WHERE s.mac = :mac",
                Object[].class).setParameter("mac", mac).getSingleResult();
        return range[0] == null ? new Track(Long.MAX_VALUE, Long.MIN_VALUE)
                : new Track((Long) range[0], (Long) range[1]);
    }

    /** Why the session cannot be stored, or null. */
    private String overlap(NewSession wanted, Track track, DisplayFormat format) {
        Span span = wanted.span();
        boolean inOrder = track.lastStart == null || !span.start().isBefore(track.lastStart);
        if (inOrder && track.collides(span)) {
            return "The session overlaps a session of " + wanted.mac() + " on an earlier line";
        }
        long from = span.start().toEpochMilli();
        long to = span.end() == null ? Session.OPEN : span.end().toEpochMilli();
        boolean nearStored = from <= track.storedEnd && to >= track.storedStart;
        if (!inOrder || nearStored) {
            em.flush();
            for (Session existing : em.createNamedQuery("Session.near", Session.class).setParameter("mac", wanted.mac())
                    .setParameter("from", from).setParameter("to", to).getResultList()) {
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

    private void store(NewSession wanted, Track track) {
        em.persist(wanted.end() == null
                ? Session.open(wanted.mac(), wanted.ip(), wanted.info(), wanted.start(), wanted.connectionType())
                : Session.closed(wanted.mac(), wanted.ip(), wanted.info(), wanted.start(), wanted.connectionType(),
                        wanted.end(), wanted.disconnectionType()));
        em.persist(new Event(wanted.mac(), wanted.ip(), wanted.start(), wanted.connectionType(), wanted.info()));
        track.event(wanted.start(), wanted.ip());
        if (wanted.end() != null) {
            em.persist(new Event(wanted.mac(), wanted.ip(), wanted.end(), wanted.disconnectionType(), ""));
            track.event(wanted.end(), wanted.ip());
        }
    }
}

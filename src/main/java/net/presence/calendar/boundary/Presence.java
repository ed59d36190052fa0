package net.presence.calendar.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import net.presence.calendar.control.Occupancy;
import net.presence.calendar.control.Uptime;
import net.presence.security.Roles;
import net.presence.sessions.entity.Device;
import net.presence.sessions.entity.Session;
import net.presence.values.MacAddress;

/**
 * Presence figures from the calendar's bars: one device's uptime and habits, and the whole
 * network's occupancy. One read-only transaction each; the counting is done by the pure classes
 * {@link Uptime} and {@link Occupancy}.
 */
@Stateless
@RolesAllowed(Roles.READ)
public class Presence {

    @PersistenceContext
    EntityManager em;

    /** One device over {@code [from, until)} (until at most now); an unknown device has zeros and nulls. */
    public Report presence(MacAddress mac, Instant from, Instant until, ZoneId zone, Instant now) {
        Device device = em.find(Device.class, mac.toString());
        if (device == null || !device.wasSeen()) {
            return new Report(Uptime.unknown(from, until), false);
        }
        Uptime uptime = Uptime.of(from.isBefore(until) ? Bars.of(em, from, until, mac, now) : List.of(), from, until, zone);
        boolean connectedNow = !em.createNamedQuery("Session.openOf", Session.class)
                .setParameter("mac", mac.toString())
                .setParameter("open", Session.OPEN)
                .setMaxResults(1).getResultList().isEmpty();
        return new Report(uptime, connectedNow);
    }

    /** Every device's bars over the steps' window, counted per step. */
    public List<Occupancy.Point> occupancy(List<Instant> bounds, Instant now) {
        if (bounds.size() < 2) {
            return List.of();
        }
        return Occupancy.of(bounds, Bars.of(em, bounds.get(0), bounds.get(bounds.size() - 1), null, now));
    }

    public record Report(Uptime uptime, boolean connectedNow) {
    }
}

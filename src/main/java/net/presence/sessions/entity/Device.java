package net.presence.sessions.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import net.presence.values.IpAddress;
import net.presence.values.MacAddress;

/**
 * A device's row is the lock every write for that device takes first (SELECT ... FOR UPDATE), so
 * that two requests, or two servers on one database, can never interleave their overlap checks.
 * Rows are never deleted, so the lock is always there to take. It also remembers what the presence
 * engine needs: whether and when the device was seen.
 */
@Entity
@NamedQuery(name = "Device.ofMacs", query = "SELECT d FROM Device d WHERE d.mac IN :macs")
@Table(name = "DEVICES")
public class Device {

    @Id
    @Column(name = "MAC", length = 17)
    private String mac;

    /** Null until the device has a session or an event: a bare row is only a lock. */
    @Column(name = "FIRST_SEEN_AT")
    private Long firstSeenAt;

    @Column(name = "LAST_EVENT_AT")
    private Long lastEventAt;

    @Column(name = "LAST_OBSERVED_AT")
    private Long lastObservedAt;

    @Column(name = "LAST_IP", length = 45)
    private String lastIp;

    /** The name another scanner gave the device, kept since the move; null when it had none. */
    @Column(name = "NAME", length = 250)
    private String name;

    /** Whether {@link #name} was given by hand (PUT /sessions/devices/{mac}): then no scanner's name replaces it. */
    @Column(name = "NAME_BY_HAND", nullable = false)
    private boolean nameByHand;

    protected Device() {
    }

    public Device(MacAddress mac) {
        this.mac = mac.toString();
    }

    public MacAddress mac() {
        return MacAddress.stored(mac);
    }

    public boolean wasSeen() {
        return firstSeenAt != null;
    }

    /** Something about the device happened at this time: an event, a session's end. */
    public void recordEvent(Instant at, IpAddress ip) {
        long time = at.toEpochMilli();
        if (firstSeenAt == null || time < firstSeenAt) {
            firstSeenAt = time;
        }
        if (lastEventAt == null || time >= lastEventAt) {
            lastEventAt = time;
            lastIp = ip.toString();
        }
    }

    /** The scanner reported the device, whether or not anything changed. */
    public void observe(Instant at, IpAddress ip) {
        long time = at.toEpochMilli();
        if (lastObservedAt == null || time > lastObservedAt) {
            lastObservedAt = time;
        }
        lastIp = ip.toString();
    }

    /** Everything about the device was deleted; the row stays, as the device's lock. */
    public void forget() {
        firstSeenAt = null;
        lastEventAt = null;
        lastObservedAt = null;
        lastIp = null;
    }

    /** A name, unless the device already has one: a name given here is never overwritten. */
    public boolean nameIfUnnamed(String given) {
        if (name != null || given == null) {
            return false;
        }
        name = given;
        return true;
    }

    public String name() {
        return name;
    }

    /** A name given by hand wins over every name a scanner reports; null clears it, and scanners may name the device again. */
    public void nameByHand(String given) {
        name = given;
        nameByHand = given != null;
    }

    /** A name a scanner reported: the device's name, unless one was given by hand; the latest report wins. */
    public boolean nameObserved(String given) {
        if (nameByHand || given == null || given.equals(name)) {
            return false;
        }
        name = given;
        return true;
    }

    /** The first and last instants of the device's events, or null when it has none. */
    public long[] eventRange() {
        return firstSeenAt == null || lastEventAt == null ? null : new long[] {firstSeenAt, lastEventAt};
    }

    public Instant lastEvent() {
        return lastEventAt == null ? null : Instant.ofEpochMilli(lastEventAt);
    }

    /** Null when the device was never seen, or everything about it was deleted. */
    public IpAddress lastIp() {
        return lastIp == null ? null : IpAddress.stored(lastIp);
    }
}

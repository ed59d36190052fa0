package net.presence.sessions.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One observed connection or disconnection of a device (or an IP change, a voided flap...). */
@Entity
@NamedQuery(name = "Event.deleteOfDevice", query = "DELETE FROM Event e WHERE e.mac = :mac")
@NamedQuery(name = "Event.ofDeviceAt", query = "SELECT e FROM Event e WHERE e.mac = :mac AND e.occurredAt = :at"
        + " AND e.eventType = :type ORDER BY e.id DESC")
@Table(name = "EVENTS", indexes = {
        // the type beside the time: counting one type of event in a period reads only the index
        @Index(name = "EVENTS_AT_TYPE", columnList = "OCCURRED_AT, EVENT_TYPE"),
        @Index(name = "EVENTS_MAC_AT", columnList = "MAC, OCCURRED_AT")})
public class Event {

    public static final String CONNECTED = "Connected";
    public static final String DISCONNECTED = "Disconnected";
    public static final String NEW_DEVICE = "New Device";
    public static final String DEVICE_DOWN = "Device Down";
    public static final String DOWN_RECONNECTED = "Down Reconnected";
    public static final String IP_CHANGED = "IP Changed";
    public static final String VOIDED = "VOIDED - ";

    @Id
    @SequenceGenerator(name = "EVENT_IDS", sequenceName = "EVENT_IDS", allocationSize = 500)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "EVENT_IDS")
    private Long id;

    @Column(name = "MAC", length = 17, nullable = false)
    private String mac;

    @Column(name = "IP", length = 45, nullable = false)
    private String ip;

    @Column(name = "OCCURRED_AT", nullable = false)
    private long occurredAt;

    @Column(name = "EVENT_TYPE", length = 80, nullable = false)
    private String eventType;

    @Column(name = "INFO", length = 500, nullable = false)
    private String info;

    protected Event() {
    }

    public Event(String mac, String ip, Instant at, String type, String info) {
        this.mac = mac;
        this.ip = ip;
        this.occurredAt = at.toEpochMilli();
        this.eventType = type;
        this.info = info == null ? "" : info;
    }

    /** A flap: this event did not really happen, but is kept for the record. */
    public void markVoided() {
        if (!eventType.startsWith(VOIDED)) {
            eventType = VOIDED + eventType;
        }
    }

    public String mac() {
        return mac;
    }

    public String ip() {
        return ip;
    }

    public Instant at() {
        return Instant.ofEpochMilli(occurredAt);
    }

    public String type() {
        return eventType;
    }

    public String info() {
        return info;
    }
}

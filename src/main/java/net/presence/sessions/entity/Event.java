package net.presence.sessions.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import net.presence.values.IpAddress;
import net.presence.values.MacAddress;

/**
 * One observed connection or disconnection of a device, or an IP change. A flap's events stay on
 * record, marked {@link #voided()}: the API shows their type as {@code VOIDED - <type>}.
 */
@Entity
@NamedQuery(name = "Event.deleteOfDevice", query = "DELETE FROM Event e WHERE e.mac = :mac")
@NamedQuery(name = "Event.disconnectionOf", query = "SELECT e FROM Event e WHERE e.mac = :mac AND e.occurredAt = :at"
        + " AND e.kind = :kind AND e.custom IS NULL AND e.voided = FALSE ORDER BY e.id DESC")
@Table(name = "EVENTS", indexes = {
        // the listings' order, with kind and voided beside it: pages and counts read only the index
        @Index(name = "EVENTS_AT_ID", columnList = "OCCURRED_AT DESC, ID DESC, KIND, VOIDED"),
        @Index(name = "EVENTS_MAC_AT", columnList = "MAC, OCCURRED_AT")})
public class Event {

    /** The prefix the contract shows before the type of a voided event. */
    public static final String VOIDED_PREFIX = "VOIDED - ";

    /** A row as {@link #bindInsert} fills it: a bulk import writes by plain JDBC batches, past the entity manager. */
    public static final String INSERT = "INSERT INTO EVENTS (ID, MAC, IP, OCCURRED_AT, KIND, CUSTOM_TYPE, VOIDED, INFO)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

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

    @Convert(converter = EventKindColumn.class)
    @Column(name = "KIND", length = 20, nullable = false)
    private EventKind kind;

    @Column(name = "CUSTOM_TYPE", length = 80)
    private String custom;

    @Column(name = "VOIDED", nullable = false)
    private boolean voided;

    @Column(name = "INFO", length = 500, nullable = false)
    private String info;

    protected Event() {
    }

    /** The parameters of {@link #INSERT}: the columns this entity maps, in one place with them. */
    public void bindInsert(PreparedStatement insert, long newId) throws SQLException {
        insert.setLong(1, newId);
        insert.setString(2, mac);
        insert.setString(3, ip);
        insert.setLong(4, occurredAt);
        insert.setString(5, new EventKindColumn().convertToDatabaseColumn(kind));
        insert.setString(6, custom);
        insert.setBoolean(7, voided);
        insert.setString(8, info);
    }

    /**
     * An event of this type. A client's own type text that starts with {@code VOIDED} counts as
     * voided from the start, as the contract defines voided events by their shown type.
     */
    public Event(MacAddress mac, IpAddress ip, Instant at, EventType type, String info) {
        this.mac = mac.toString();
        this.ip = ip.toString();
        this.occurredAt = at.toEpochMilli();
        this.kind = type.kind();
        this.custom = type.custom();
        this.voided = custom != null && custom.startsWith("VOIDED");
        this.info = info == null ? "" : info;
    }

    /** A flap: this event did not really happen, but is kept for the record. */
    public void markVoided() {
        voided = true;
    }

    public MacAddress mac() {
        return MacAddress.stored(mac);
    }

    public IpAddress ip() {
        return IpAddress.stored(ip);
    }

    public Instant at() {
        return Instant.ofEpochMilli(occurredAt);
    }

    public EventType type() {
        return EventType.stored(kind, custom);
    }

    public boolean voided() {
        return voided;
    }

    /** The type as the API shows it, {@code VOIDED - Disconnected} for a voided disconnection. */
    public String shownType() {
        return voided && custom == null ? VOIDED_PREFIX + kind.text() : type().text();
    }

    public String info() {
        return info;
    }
}

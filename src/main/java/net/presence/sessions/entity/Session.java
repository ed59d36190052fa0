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
import java.sql.Types;
import java.time.Instant;
import net.presence.values.IpAddress;
import net.presence.values.MacAddress;
import net.presence.values.Span;

/**
 * One interval during which one device was connected. Times are epoch milliseconds in UTC, so no
 * JDBC driver or JVM zone can shift them. A connection or disconnection that was never observed is
 * stored as no value: no time and no type.
 * <p>
 * {@code spanStart} and {@code spanEnd} make every overlap question one index range test: spanStart
 * is the first known instant (the connection, or the disconnection when the connection is missing)
 * and spanEnd the exclusive end, at least one millisecond after spanStart, so that a session that is
 * a single instant is found like any other. An open session, and only an open one, reaches to
 * {@link #OPEN}: that is what tells it from a session whose disconnection is missing.
 */
@Entity
@NamedQuery(name = "Session.near", query = "SELECT s FROM Session s WHERE s.mac = :mac"
        + " AND s.spanStart <= :to AND s.spanEnd >= :from ORDER BY s.spanStart")
@NamedQuery(name = "Session.deleteOfDevice", query = "DELETE FROM Session s WHERE s.mac = :mac")
@NamedQuery(name = "Session.openOf", query = "SELECT s FROM Session s WHERE s.mac = :mac AND s.spanEnd = :open")
@Table(name = "SESSIONS", indexes = {
        @Index(name = "SESSIONS_MAC_START", columnList = "MAC, SPAN_START"),
        @Index(name = "SESSIONS_START", columnList = "SPAN_START"),
        @Index(name = "SESSIONS_START_ID", columnList = "SPAN_START DESC, ID DESC"),
        // what tells an overlapping and a missing session apart: counted from the index alone
        @Index(name = "SESSIONS_END_COVER", columnList = "SPAN_END, SPAN_START, CONNECTED_AT, DISCONNECTED_AT")})
public class Session {

    /** spanEnd of an open session. */
    public static final long OPEN = Long.MAX_VALUE;

    /** A row as {@link #bindInsert} fills it: a bulk import writes by plain JDBC batches, past the entity manager. */
    public static final String INSERT = "INSERT INTO SESSIONS (ID, MAC, IP, INFO, CONNECTED_AT, CONNECTION_KIND,"
            + " CONNECTION_CUSTOM, DISCONNECTED_AT, DISCONNECTION_KIND, DISCONNECTION_CUSTOM, SPAN_START, SPAN_END)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    @Id
    @SequenceGenerator(name = "SESSION_IDS", sequenceName = "SESSION_IDS", allocationSize = 500)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "SESSION_IDS")
    private Long id;

    @Column(name = "MAC", length = 17, nullable = false)
    private String mac;

    @Column(name = "IP", length = 45, nullable = false)
    private String ip;

    @Column(name = "INFO", length = 500, nullable = false)
    private String info;

    @Column(name = "CONNECTED_AT")
    private Long connectedAt;

    @Convert(converter = EventKindColumn.class)
    @Column(name = "CONNECTION_KIND", length = 20)
    private EventKind connectionKind;

    @Column(name = "CONNECTION_CUSTOM", length = 80)
    private String connectionCustom;

    @Column(name = "DISCONNECTED_AT")
    private Long disconnectedAt;

    @Convert(converter = EventKindColumn.class)
    @Column(name = "DISCONNECTION_KIND", length = 20)
    private EventKind disconnectionKind;

    @Column(name = "DISCONNECTION_CUSTOM", length = 80)
    private String disconnectionCustom;

    @Column(name = "SPAN_START", nullable = false)
    private long spanStart;

    @Column(name = "SPAN_END", nullable = false)
    private long spanEnd;

    protected Session() {
    }

    /** The parameters of {@link #INSERT}: the columns this entity maps, in one place with them. */
    public void bindInsert(PreparedStatement insert, long newId) throws SQLException {
        EventKindColumn kinds = new EventKindColumn();
        insert.setLong(1, newId);
        insert.setString(2, mac);
        insert.setString(3, ip);
        insert.setString(4, info);
        setLong(insert, 5, connectedAt);
        insert.setString(6, kinds.convertToDatabaseColumn(connectionKind));
        insert.setString(7, connectionCustom);
        setLong(insert, 8, disconnectedAt);
        insert.setString(9, kinds.convertToDatabaseColumn(disconnectionKind));
        insert.setString(10, disconnectionCustom);
        insert.setLong(11, spanStart);
        insert.setLong(12, spanEnd);
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    private Session(MacAddress mac, IpAddress ip, String info, Instant connected, EventType connectionType) {
        this.mac = mac.toString();
        this.ip = ip.toString();
        this.info = info == null ? "" : info;
        this.connectedAt = millis(connected);
        setConnectionType(connectionType);
    }

    public static Session open(MacAddress mac, IpAddress ip, String info, Instant connected, EventType type) {
        Session session = new Session(mac, ip, info, connected, type);
        session.reopen();
        return session;
    }

    public static Session closed(MacAddress mac, IpAddress ip, String info, Instant connected,
            EventType connectionType, Instant disconnected, EventType disconnectionType) {
        Session session = new Session(mac, ip, info, connected, connectionType);
        session.close(disconnected, disconnectionType);
        return session;
    }

    /** A session known only by its end: the device was seen leaving but never seen arriving. */
    public static Session missingConnection(MacAddress mac, IpAddress ip, String info, Instant disconnected,
            EventType type) {
        Session session = new Session(mac, ip, info, null, null);
        session.close(disconnected, type);
        return session;
    }

    /** A session whose disconnection was never observed: it began, and then nothing more is known. */
    public static Session missingDisconnection(MacAddress mac, IpAddress ip, String info, Instant connected,
            EventType type) {
        Session session = new Session(mac, ip, info, connected, type);
        session.loseDisconnection();
        return session;
    }

    public void close(Instant disconnected, EventType type) {
        if (connectedAt != null && disconnected.toEpochMilli() < connectedAt) {
            throw new IllegalArgumentException("A session cannot end before it starts");
        }
        this.disconnectedAt = disconnected.toEpochMilli();
        setDisconnectionType(type);
        spanStart = connectedAt != null ? connectedAt : disconnectedAt;
        spanEnd = Math.max(disconnectedAt, spanStart + 1);
    }

    /** The device stopped being observed: the session ended, but nobody saw when. */
    public void loseDisconnection() {
        this.disconnectedAt = null;
        setDisconnectionType(null);
        spanStart = connectedAt;
        spanEnd = spanStart + 1;
    }

    /** Open, or open again: a disconnection that turned out to be a flap is undone. */
    public void reopen() {
        this.disconnectedAt = null;
        setDisconnectionType(null);
        spanStart = connectedAt;
        spanEnd = OPEN;
    }

    private void setConnectionType(EventType type) {
        connectionKind = type == null ? null : type.kind();
        connectionCustom = type == null ? null : type.custom();
    }

    private void setDisconnectionType(EventType type) {
        disconnectionKind = type == null ? null : type.kind();
        disconnectionCustom = type == null ? null : type.custom();
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    /** The row's key, given when the session is persisted; what another server re-reads it by. */
    public Long id() {
        return id;
    }

    public MacAddress mac() {
        return MacAddress.stored(mac);
    }

    public IpAddress ip() {
        return IpAddress.stored(ip);
    }

    public String info() {
        return info;
    }

    /** Null when the connection is missing. */
    public Instant connection() {
        return instant(connectedAt);
    }

    /** Null when the connection is missing. */
    public EventType connectionType() {
        return EventType.stored(connectionKind, connectionCustom);
    }

    /** Null while open and when the disconnection is missing. */
    public Instant disconnection() {
        return instant(disconnectedAt);
    }

    /** Null while open and when the disconnection is missing. */
    public EventType disconnectionType() {
        return EventType.stored(disconnectionKind, disconnectionCustom);
    }

    public boolean isOpen() {
        return spanEnd == OPEN;
    }

    public boolean isMissingConnection() {
        return connectedAt == null;
    }

    public boolean isMissingDisconnection() {
        return !isOpen() && disconnectedAt == null;
    }

    /** Missing means one of the two orange kinds; an open session is not missing. */
    public boolean isMissing() {
        return isMissingConnection() || isMissingDisconnection();
    }

    /** The first known instant: the order of every listing. */
    public Instant first() {
        return Instant.ofEpochMilli(spanStart);
    }

    /** The time the session occupies, for overlap rules. */
    public Span span() {
        if (isOpen()) {
            return Span.open(connection());
        }
        if (isMissing()) {
            return Span.at(first());
        }
        return new Span(connection(), disconnection());
    }
}

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
import net.presence.values.Span;

/**
 * One interval during which one device was connected. Times are epoch milliseconds in UTC, so no
 * JDBC driver or JVM zone can shift them.
 * <p>
 * {@code spanStart} and {@code spanEnd} make every overlap question one index range test: spanStart
 * is the first known instant (the connection, or the disconnection when the connection is missing)
 * and spanEnd the exclusive end, at least one millisecond after spanStart, so that a session that is
 * a single instant is found like any other; an open session reaches to {@link #OPEN}.
 */
@Entity
@NamedQuery(name = "Session.near", query = "SELECT s FROM Session s WHERE s.mac = :mac"
        + " AND s.spanStart <= :to AND s.spanEnd >= :from ORDER BY s.spanStart")
@NamedQuery(name = "Session.deleteOfDevice", query = "DELETE FROM Session s WHERE s.mac = :mac")
@NamedQuery(name = "Session.openOf", query = "SELECT s FROM Session s WHERE s.mac = :mac AND s.spanEnd = :open")
@NamedQuery(name = "Session.allOpen", query = "SELECT s FROM Session s WHERE s.spanEnd = :open")
@NamedQuery(name = "Session.latestOf", query = "SELECT s FROM Session s WHERE s.mac = :mac"
        + " ORDER BY s.spanStart DESC, s.id DESC")
@NamedQuery(name = "Session.stale", query = "SELECT s FROM Session s, Device d WHERE s.spanEnd = :open"
        + " AND d.mac = s.mac AND d.lastObservedAt < :cutoff AND s.spanStart < :cutoff")
@Table(name = "SESSIONS", indexes = {
        @Index(name = "SESSIONS_MAC_START", columnList = "MAC, SPAN_START"),
        @Index(name = "SESSIONS_START", columnList = "SPAN_START"),
        @Index(name = "SESSIONS_END", columnList = "SPAN_END")})
public class Session {

    /** The type shown for a connection or disconnection that was never observed. */
    public static final String MISSING = "<missing event>";
    /** spanEnd of an open session. */
    public static final long OPEN = Long.MAX_VALUE;

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

    @Column(name = "CONNECTION_TYPE", length = 80, nullable = false)
    private String connectionType;

    @Column(name = "DISCONNECTED_AT")
    private Long disconnectedAt;

    /** Null while the session is open; {@link #MISSING} when the disconnection was never observed. */
    @Column(name = "DISCONNECTION_TYPE", length = 80)
    private String disconnectionType;

    @Column(name = "SPAN_START", nullable = false)
    private long spanStart;

    @Column(name = "SPAN_END", nullable = false)
    private long spanEnd;

    protected Session() {
    }

    private Session(String mac, String ip, String info, Instant connected, String connectionType,
            Instant disconnected, String disconnectionType) {
        this.mac = mac;
        this.ip = ip;
        this.info = info == null ? "" : info;
        this.connectedAt = millis(connected);
        this.connectionType = connected == null ? MISSING : connectionType;
        this.disconnectedAt = millis(disconnected);
        this.disconnectionType = disconnectionType;
        if (connected != null && disconnected != null && disconnected.isBefore(connected)) {
            throw new IllegalArgumentException("A session cannot end before it starts");
        }
        updateSpan();
    }

    public static Session open(String mac, String ip, String info, Instant connected, String type) {
        return new Session(mac, ip, info, connected, type, null, null);
    }

    public static Session closed(String mac, String ip, String info, Instant connected, String connectionType,
            Instant disconnected, String disconnectionType) {
        return new Session(mac, ip, info, connected, connectionType, disconnected, disconnectionType);
    }

    /** A session known only by its end: the device was seen leaving but never seen arriving. */
    public static Session missingConnection(String mac, String ip, String info, Instant disconnected, String type) {
        return new Session(mac, ip, info, null, MISSING, disconnected, type);
    }

    public void close(Instant disconnected, String type) {
        if (disconnected.isBefore(connection())) {
            throw new IllegalArgumentException("A session cannot end before it starts");
        }
        this.disconnectedAt = disconnected.toEpochMilli();
        this.disconnectionType = type;
        updateSpan();
    }

    /** The device stopped being observed: the session ended, but nobody saw when. */
    public void loseDisconnection() {
        this.disconnectedAt = null;
        this.disconnectionType = MISSING;
        updateSpan();
    }

    /** Undo a disconnection that turned out to be a flap: the session is open again. */
    public void reopen() {
        this.disconnectedAt = null;
        this.disconnectionType = null;
        updateSpan();
    }

    private void updateSpan() {
        Instant first = connectedAt != null ? connection() : disconnection();
        spanStart = first.toEpochMilli();
        if (isOpen()) {
            spanEnd = OPEN;
        } else {
            long last = disconnectedAt != null ? disconnectedAt : spanStart;
            spanEnd = Math.max(last, spanStart + 1);
        }
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    public Long id() {
        return id;
    }

    public String mac() {
        return mac;
    }

    public String ip() {
        return ip;
    }

    public String info() {
        return info;
    }

    /** Null when the connection is missing. */
    public Instant connection() {
        return instant(connectedAt);
    }

    public String connectionType() {
        return connectionType;
    }

    /** Null while open and when the disconnection is missing. */
    public Instant disconnection() {
        return instant(disconnectedAt);
    }

    /** Null while open. */
    public String disconnectionType() {
        return disconnectionType;
    }

    public boolean isOpen() {
        return disconnectedAt == null && disconnectionType == null;
    }

    public boolean isMissingConnection() {
        return connectedAt == null;
    }

    public boolean isMissingDisconnection() {
        return disconnectedAt == null && MISSING.equals(disconnectionType);
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

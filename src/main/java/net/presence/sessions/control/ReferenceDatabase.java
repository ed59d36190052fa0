package net.presence.sessions.control;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;
import java.util.function.Consumer;
import java.util.function.Function;
import net.presence.problems.ApiProblem;
import net.presence.sessions.entity.EventKind;
import net.presence.sessions.entity.EventType;
import net.presence.values.InvalidValueException;
import net.presence.values.IpAddress;
import net.presence.values.MacAddress;
import net.presence.values.WallTime;
import org.sqlite.SQLiteConfig;

/**
 * The SQLite database of the reference scanner (or of the older scanner it was forked from: their
 * {@code Sessions} and {@code Events} tables have the same columns), opened read-only, its rows
 * read one at a time into the contract's terms. A row that contradicts the contract comes with its
 * problems and no value: it is reported, never mended.
 * <p>
 * Times are the reference's naive wall times, read in the zone the caller names ({@link WallTime});
 * every one that fell in a DST gap or a repeated hour is counted in the {@link DstCount} given.
 */
public final class ReferenceDatabase implements AutoCloseable {

    public static final String SESSIONS = "Sessions";
    public static final String EVENTS = "Events";
    public static final String DEVICES = "Devices";
    /** How the reference writes the type of an end it never saw. */
    public static final String MISSING = "<missing event>";
    /** The reference's name of a device nobody named. */
    static final String UNNAMED = "(unknown)";
    static final int MAX_TYPE = 30;
    static final int MAX_INFO = 250;
    static final int MAX_NAME = 250;

    static final List<String> SESSION_COLUMNS = List.of("ses_MAC", "ses_IP", "ses_EventTypeConnection",
            "ses_DateTimeConnection", "ses_EventTypeDisconnection", "ses_DateTimeDisconnection", "ses_StillConnected",
            "ses_AdditionalInfo");
    static final List<String> EVENT_COLUMNS = List.of("eve_MAC", "eve_IP", "eve_DateTime", "eve_EventType",
            "eve_AdditionalInfo");
    /** The reference's device columns, then the older scanner's. */
    static final List<List<String>> DEVICE_COLUMNS = List.of(List.of("devMac", "devName"), List.of("dev_MAC", "dev_Name"));

    /** A row read: its value, or the reasons it has none. */
    public record Row<T>(String table, long rowid, T value, List<ApiProblem.Detail> problems) {

        public boolean valid() {
            return value != null;
        }
    }

    /** How many wall times the zone's DST rules moved (gap) or had to choose an occurrence for. */
    public static final class DstCount {
        private long gap;
        private long repeated;

        void count(WallTime time) {
            switch (time.shift()) {
                case GAP -> gap++;
                case REPEATED -> repeated++;
                default -> { }
            }
        }

        public long gap() {
            return gap;
        }

        public long repeated() {
            return repeated;
        }
    }

    private final Connection connection;
    private final Map<String, String> tables;
    private final List<String> deviceColumns;

    private ReferenceDatabase(Connection connection, Map<String, String> tables, List<String> deviceColumns) {
        this.connection = connection;
        this.tables = tables;
        this.deviceColumns = deviceColumns;
    }

    /**
     * The database in the file, opened read-only, once its tables are known to be the reference's;
     * else a 422 naming everything missing.
     */
    public static ReferenceDatabase open(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        Connection connection;
        try {
            // immutable: the file is ours and never changes, so SQLite needs no lock and no WAL side files
            connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath().toUri() + "?immutable=1");
        } catch (SQLException e) {
            throw notADatabase(e);
        }
        try {
            Map<String, String> tables = new LinkedHashMap<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")) {
                while (rs.next()) {
                    tables.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(1));
                }
            }
            List<ApiProblem.Detail> missing = new ArrayList<>();
            required(connection, tables, SESSIONS, SESSION_COLUMNS, missing);
            required(connection, tables, EVENTS, EVENT_COLUMNS, missing);
            if (!missing.isEmpty()) {
                throw new ApiProblem(422, "The body is not a database of the reference scanner: "
                        + String.join("; ", missing.stream().map(ApiProblem.Detail::message).toList()), missing);
            }
            List<String> deviceColumns = null;
            if (tables.containsKey(DEVICES.toLowerCase(Locale.ROOT))) {
                List<String> present = columns(connection, tables.get(DEVICES.toLowerCase(Locale.ROOT)));
                deviceColumns = DEVICE_COLUMNS.stream()
                        .filter(wanted -> wanted.stream().allMatch(c -> present.contains(c.toLowerCase(Locale.ROOT))))
                        .findFirst().orElse(null);
            }
            return new ReferenceDatabase(connection, tables, deviceColumns);
        } catch (SQLException e) {
            close(connection);
            throw notADatabase(e);
        } catch (RuntimeException e) {
            close(connection);
            throw e;
        }
    }

    private static void required(Connection connection, Map<String, String> tables, String table, List<String> wanted,
            List<ApiProblem.Detail> missing) throws SQLException {
        String actual = tables.get(table.toLowerCase(Locale.ROOT));
        if (actual == null) {
            missing.add(new ApiProblem.Detail(table, null, null, null, "table " + table + " not found"));
            return;
        }
        List<String> present = columns(connection, actual);
        for (String column : wanted) {
            if (!present.contains(column.toLowerCase(Locale.ROOT))) {
                missing.add(new ApiProblem.Detail(table, null, column, null,
                        "column " + column + " not found in table " + table));
            }
        }
    }

    private static List<String> columns(Connection connection, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("PRAGMA table_info(" + quoted(table) + ")")) {
            while (rs.next()) {
                names.add(rs.getString("name").toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    private static ApiProblem notADatabase(SQLException e) {
        return new ApiProblem(422, "The body is not an SQLite database (" + e.getMessage() + ")");
    }

    /** Whether the database names its devices, in a table the reference or its ancestor would have. */
    public boolean hasDeviceNames() {
        return deviceColumns != null;
    }

    public long count(String table) {
        if (DEVICES.equals(table) && deviceColumns == null) {
            return 0;
        }
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + quoted(actual(table)))) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw failed(table, e);
        }
    }

    /**
     * Every session, earliest first (by the text of its first known time), so that an import's
     * overlap checks meet each device's sessions in order.
     */
    public void sessions(ZoneId zone, DstCount dst, Consumer<Row<ImportedSession>> action) {
        String sql = "SELECT rowid, " + String.join(", ", SESSION_COLUMNS) + " FROM " + quoted(actual(SESSIONS))
                + " ORDER BY COALESCE(ses_DateTimeConnection, ses_DateTimeDisconnection), rowid";
        read(SESSIONS, sql, rs -> session(rs, 0, zone, dst), action);
    }

    public void events(ZoneId zone, DstCount dst, Consumer<Row<ImportedEvent>> action) {
        String sql = "SELECT rowid, " + String.join(", ", EVENT_COLUMNS) + " FROM " + quoted(actual(EVENTS));
        read(EVENTS, sql, rs -> event(rs, 0, zone, dst), action);
    }

    public void devices(Consumer<Row<ImportedDevice>> action) {
        if (deviceColumns == null) {
            return;
        }
        String sql = "SELECT rowid, " + String.join(", ", deviceColumns) + " FROM " + quoted(actual(DEVICES));
        read(DEVICES, sql, rs -> device(rs, 0), action);
    }

    /**
     * The rows of the three tables, one table after the other: devices by rowid, sessions and events
     * in order of time (then of rowid), sorted by SQLite itself, outside the Java heap. In that order
     * each device's sessions come as the overlap checks want them, and a bulk insert grows the
     * indexes by time at their end (by device, they would be written all over, page by page).
     * Each row also carries its MAC's {@link #deviceKey}.
     */
    public Reading reading(ZoneId zone, DstCount dst) {
        List<Cursor<?>> opened = new ArrayList<>(3);
        try {
            Cursor<ImportedDevice> devices = deviceColumns == null ? null
                    : new Cursor<>(DEVICES, "SELECT " + deviceKey(deviceColumns.get(0)) + ", rowid, "
                            + String.join(", ", deviceColumns) + " FROM " + quoted(actual(DEVICES)) + " ORDER BY rowid",
                            rs -> device(rs, 1));
            if (devices != null) {
                opened.add(devices);
            }
            Cursor<ImportedSession> sessions = new Cursor<>(SESSIONS, "SELECT " + deviceKey("ses_MAC") + ", rowid, "
                    + String.join(", ", SESSION_COLUMNS) + " FROM " + quoted(actual(SESSIONS))
                    + " ORDER BY julianday(trim(COALESCE(ses_DateTimeConnection, ses_DateTimeDisconnection))),"
                    + " COALESCE(ses_DateTimeConnection, ses_DateTimeDisconnection), rowid",
                    rs -> session(rs, 1, zone, dst));
            opened.add(sessions);
            Cursor<ImportedEvent> events = new Cursor<>(EVENTS, "SELECT " + deviceKey("eve_MAC") + ", rowid, "
                    + String.join(", ", EVENT_COLUMNS) + " FROM " + quoted(actual(EVENTS))
                    + " ORDER BY julianday(trim(eve_DateTime)), eve_DateTime, rowid",
                    rs -> event(rs, 1, zone, dst));
            opened.add(events);
            return new Reading(devices, sessions, events);
        } catch (RuntimeException e) {
            opened.forEach(Cursor::close);
            throw e;
        }
    }

    /**
     * SQL for the text that puts a device's rows together: the MAC's hex digits in upper case,
     * whichever of the accepted spellings a row uses (equal for equal {@link MacAddress}es).
     */
    static String deviceKey(String column) {
        return "upper(replace(replace(" + column + ", ':', ''), '-', ''))";
    }

    /** The three tables' cursors. */
    public static final class Reading implements AutoCloseable {
        private final Cursor<ImportedDevice> devices;
        private final Cursor<ImportedSession> sessions;
        private final Cursor<ImportedEvent> events;

        Reading(Cursor<ImportedDevice> devices, Cursor<ImportedSession> sessions, Cursor<ImportedEvent> events) {
            this.devices = devices;
            this.sessions = sessions;
            this.events = events;
        }

        /** Null when the database names no devices. */
        public Cursor<ImportedDevice> devices() {
            return devices;
        }

        public Cursor<ImportedSession> sessions() {
            return sessions;
        }

        public Cursor<ImportedEvent> events() {
            return events;
        }

        @Override
        public void close() {
            if (devices != null) {
                devices.close();
            }
            sessions.close();
            events.close();
        }
    }

    /** One table's rows in device order: the next row's device key, and the row when it is taken. */
    public final class Cursor<T> implements AutoCloseable {
        private final String table;
        private final PreparedStatement statement;
        private final ResultSet rs;
        private final RowReader<T> reader;
        private String key;
        private boolean done;

        Cursor(String table, String sql, RowReader<T> reader) {
            this.table = table;
            this.reader = reader;
            try {
                statement = connection.prepareStatement(sql);
                statement.setFetchSize(1000);
                rs = statement.executeQuery();
            } catch (SQLException e) {
                throw failed(table, e);
            }
            advance();
        }

        /** The device key of the next row (empty for a row without a MAC), or null when none is left. */
        public String key() {
            return done ? null : key;
        }

        /** Whether the next row belongs to the device with this key. */
        public boolean at(String device) {
            return !done && key.equals(device);
        }

        /** The next row, read into the contract's terms; the cursor moves on. */
        public Row<T> take() {
            try {
                Row<T> row = reader.read(rs);
                advance();
                return row;
            } catch (SQLException e) {
                throw failed(table, e);
            }
        }

        private void advance() {
            try {
                done = !rs.next();
                if (!done) {
                    String text = rs.getString(1);
                    key = text == null ? "" : text;
                }
            } catch (SQLException e) {
                throw failed(table, e);
            }
        }

        @Override
        public void close() {
            try {
                statement.close();
            } catch (SQLException e) {
                // read-only: nothing is lost
            }
        }
    }

    private interface RowReader<T> {
        Row<T> read(ResultSet rs) throws SQLException;
    }

    private <T> void read(String table, String sql, RowReader<T> reader, Consumer<Row<T>> action) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(1000);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    action.accept(reader.read(rs));
                }
            }
        } catch (SQLException e) {
            throw failed(table, e);
        }
    }

    private Row<ImportedSession> session(ResultSet rs, int o, ZoneId zone, DstCount dst) throws SQLException {
        Fields f = new Fields(SESSIONS, rs.getLong(o + 1));
        MacAddress mac = f.value("ses_MAC", rs.getString(o + 2), MacAddress::parse, MacAddress.ACCEPTED);
        IpAddress ip = f.value("ses_IP", rs.getString(o + 3), IpAddress::parse, IpAddress.ACCEPTED);
        String connectionText = rs.getString(o + 4);
        String connectionTime = rs.getString(o + 5);
        String disconnectionText = rs.getString(o + 6);
        String disconnectionTime = rs.getString(o + 7);
        Boolean still = f.flag("ses_StillConnected", rs.getString(o + 8));
        String info = f.info("ses_AdditionalInfo", rs.getString(o + 9));

        boolean open = Boolean.TRUE.equals(still);
        boolean connectionMissing = connectionTime == null || MISSING.equalsIgnoreCase(connectionText);
        boolean disconnectionMissing = !open && (disconnectionTime == null || MISSING.equalsIgnoreCase(disconnectionText));
        if (connectionTime != null && MISSING.equalsIgnoreCase(connectionText)) {
            f.problem("ses_DateTimeConnection", "has a time although the connection's type is " + MISSING);
        }
        if (disconnectionTime != null && MISSING.equalsIgnoreCase(disconnectionText)) {
            f.problem("ses_DateTimeDisconnection", "has a time although the disconnection's type is " + MISSING);
        }
        if (open && disconnectionTime != null) {
            f.problem("ses_StillConnected", "is 1 although the session has a disconnection time");
        }
        if (open && connectionMissing) {
            f.problem("ses_StillConnected", "is 1 although the session has no connection");
        }
        if (connectionMissing && disconnectionMissing && !open) {
            f.problem("ses_DateTimeConnection", "is missing, and so is ses_DateTimeDisconnection: the session has no time at all");
        }
        Instant connection = null;
        EventType connectionType = null;
        if (!connectionMissing) {
            connection = f.time("ses_DateTimeConnection", connectionTime, zone, dst);
            connectionType = f.type("ses_EventTypeConnection", connectionText);
        }
        Instant disconnection = null;
        EventType disconnectionType = null;
        if (!open && !disconnectionMissing) {
            disconnection = f.time("ses_DateTimeDisconnection", disconnectionTime, zone, dst);
            disconnectionType = f.type("ses_EventTypeDisconnection", disconnectionText);
        }
        if (connection != null && disconnection != null && disconnection.isBefore(connection)) {
            f.problem("ses_DateTimeDisconnection", "(" + disconnectionTime + ") is before ses_DateTimeConnection ("
                    + connectionTime + "): a session cannot end before it starts");
        }
        return f.row(new ImportedSession(mac, ip, connection, connectionType, disconnection, disconnectionType, open, info));
    }

    private Row<ImportedEvent> event(ResultSet rs, int o, ZoneId zone, DstCount dst) throws SQLException {
        Fields f = new Fields(EVENTS, rs.getLong(o + 1));
        MacAddress mac = f.value("eve_MAC", rs.getString(o + 2), MacAddress::parse, MacAddress.ACCEPTED);
        IpAddress ip = f.value("eve_IP", rs.getString(o + 3), IpAddress::parse, IpAddress.ACCEPTED);
        Instant at = f.time("eve_DateTime", rs.getString(o + 4), zone, dst);
        String text = rs.getString(o + 5);
        String info = f.info("eve_AdditionalInfo", rs.getString(o + 6));
        EventType type = f.type("eve_EventType", text);
        // a flap's event is its own kind marked voided, as the presence engine stores it; any other
        // type that starts with VOIDED is voided too, as the Event entity decides for a client's text
        boolean voided = type != null && type.is(EventKind.OTHER) && type.custom().startsWith("VOIDED");
        String prefix = "VOIDED - ";
        if (voided && text.startsWith(prefix)) {
            EventType base = typeOf(text.substring(prefix.length()));
            if (!base.is(EventKind.OTHER)) {
                type = base;
            }
        }
        return f.row(new ImportedEvent(mac, ip, at, type, voided, info));
    }

    private Row<ImportedDevice> device(ResultSet rs, int o) throws SQLException {
        Fields f = new Fields(DEVICES, rs.getLong(o + 1));
        MacAddress mac = f.value(deviceColumns.get(0), rs.getString(o + 2), MacAddress::parse, MacAddress.ACCEPTED);
        String name = rs.getString(o + 3) == null ? null : rs.getString(o + 3).strip();
        if (name != null && (name.isEmpty() || UNNAMED.equals(name))) {
            name = null;
        }
        if (name != null && name.codePointCount(0, name.length()) > MAX_NAME) {
            f.problem(deviceColumns.get(1), "is longer than " + MAX_NAME + " characters");
        }
        return f.row(new ImportedDevice(mac, name));
    }

    /** The type a text names; the reference compares types without regard to case, and so do we. */
    static EventType typeOf(String text) {
        for (EventKind kind : EventKind.values()) {
            if (kind.text() != null && kind.text().equalsIgnoreCase(text)) {
                return new EventType(kind, null);
            }
        }
        return EventType.of(text);
    }

    /** One row's fields as they are read, and every problem met on the way. */
    private static final class Fields {
        private final String table;
        private final long rowid;
        private final List<ApiProblem.Detail> problems = new ArrayList<>(0);

        Fields(String table, long rowid) {
            this.table = table;
            this.rowid = rowid;
        }

        void problem(String field, String why) {
            problems.add(ApiProblem.Detail.atRow(table, rowid, field, field + " " + why));
        }

        <T> T value(String field, String text, Function<String, T> parser, String accepted) {
            if (text == null) {
                problem(field, "is missing: expected " + accepted);
                return null;
            }
            try {
                return parser.apply(text);
            } catch (InvalidValueException e) {
                problem(field, "is invalid (" + shortened(text) + "): expected " + accepted);
                return null;
            }
        }

        Instant time(String field, String text, ZoneId zone, DstCount dst) {
            WallTime time = value(field, text, t -> WallTime.parse(t, zone), WallTime.ACCEPTED);
            if (time == null) {
                return null;
            }
            dst.count(time);
            return time.instant();
        }

        EventType type(String field, String text) {
            if (text == null || text.isBlank()) {
                problem(field, "is empty: expected the type of the event, 1 to " + MAX_TYPE + " characters");
                return null;
            }
            if (text.codePointCount(0, text.length()) > MAX_TYPE) {
                problem(field, "is longer than " + MAX_TYPE + " characters");
                return null;
            }
            return typeOf(text);
        }

        String info(String field, String text) {
            String info = text == null ? "" : text;
            if (info.codePointCount(0, info.length()) > MAX_INFO) {
                problem(field, "is longer than " + MAX_INFO + " characters");
            }
            return info;
        }

        Boolean flag(String field, String text) {
            if (text == null || text.equals("0") || text.equalsIgnoreCase("false")) {
                return false;
            }
            if (text.equals("1") || text.equalsIgnoreCase("true")) {
                return true;
            }
            problem(field, "is invalid (" + shortened(text) + "): expected 0 or 1");
            return null;
        }

        /** The row's value, or none when a field had a problem (the value is then half-made). */
        <T> Row<T> row(T value) {
            return problems.isEmpty() ? new Row<>(table, rowid, value, List.of())
                    : new Row<>(table, rowid, null, List.copyOf(problems));
        }

        private static String shortened(String text) {
            return "'" + (text.length() > 60 ? text.substring(0, 60) + "…" : text) + "'";
        }
    }

    private String actual(String table) {
        return tables.get(table.toLowerCase(Locale.ROOT));
    }

    private static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** A database whose header was sound but whose pages are not: the client's file, so a 422. */
    private static ApiProblem failed(String table, SQLException e) {
        return new ApiProblem(422, "Table " + table + " of the uploaded database cannot be read (" + e.getMessage() + ")");
    }

    @Override
    public void close() {
        close(connection);
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // read-only: nothing is lost
        }
    }
}

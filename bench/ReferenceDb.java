import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A big history in the reference scanner's format, for POST /sessions/import/netalertx: the
 * tables are made by the fixture's own CREATE statements (read from a copy of it), then filled
 * with devices whose sessions follow each other without overlap, each session a connection and
 * a disconnection event as the reference records them. Times are naive wall times in UTC, so
 * the import runs with tz=UTC and meets no DST decision.
 *
 *   java -cp sqlite-jdbc.jar bench/ReferenceDb.java <fixture copy> <out.db> [devices] [sessionsPerDevice] [seed]
 */
public class ReferenceDb {

    static final DateTimeFormatter WALL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public static void main(String[] args) throws Exception {
        Path fixture = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int devices = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int perDevice = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 42;
        Files.deleteIfExists(out);
        List<String> schema = new ArrayList<>();
        try (Connection source = DriverManager.getConnection("jdbc:sqlite:" + fixture);
                Statement st = source.createStatement();
                ResultSet rs = st.executeQuery("SELECT sql FROM sqlite_master WHERE type = 'table'"
                        + " AND name IN ('Devices', 'Events', 'Sessions')")) {
            while (rs.next()) {
                schema.add(rs.getString(1));
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        LocalDateTime end = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS).minusDays(1);
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + out)) {
            try (Statement st = db.createStatement()) {
                for (String create : schema) {
                    st.execute(create);
                }
                st.execute("PRAGMA journal_mode = OFF");
                st.execute("PRAGMA synchronous = OFF");
            }
            db.setAutoCommit(false);
            try (PreparedStatement device = db.prepareStatement("INSERT INTO Devices (devMac, devName, devFirstConnection,"
                    + " devLastConnection, devLastIP) VALUES (?, ?, ?, ?, ?)");
                    PreparedStatement session = db.prepareStatement("INSERT INTO Sessions VALUES (?, ?, ?, ?, ?, ?, 0, '')");
                    PreparedStatement event = db.prepareStatement("INSERT INTO Events (eve_MAC, eve_IP, eve_DateTime,"
                            + " eve_EventType, eve_AdditionalInfo, eve_PendingAlertEmail) VALUES (?, ?, ?, ?, '', 0)")) {
                for (int d = 0; d < devices; d++) {
                    String mac = String.format("02:00:%02X:%02X:%02X:%02X", (d >> 24) & 255, (d >> 16) & 255, (d >> 8) & 255, d & 255);
                    String ip = "10." + (d >> 16 & 255) + "." + (d >> 8 & 255) + "." + (d & 255);
                    // sessions of 1 minute to 8 hours with gaps of 1 minute to 8 hours, back from the end
                    LocalDateTime[] starts = new LocalDateTime[perDevice];
                    LocalDateTime[] ends = new LocalDateTime[perDevice];
                    LocalDateTime t = end;
                    for (int s = perDevice - 1; s >= 0; s--) {
                        t = t.minusSeconds(60 + random.nextInt(8 * 3600));
                        ends[s] = t;
                        t = t.minusSeconds(60 + random.nextInt(8 * 3600));
                        starts[s] = t;
                    }
                    for (int s = 0; s < perDevice; s++) {
                        String connectionType = s == 0 ? "New Device" : "Connected";
                        String disconnectionType = random.nextInt(20) == 0 ? "Device Down" : "Disconnected";
                        session.setString(1, mac);
                        session.setString(2, ip);
                        session.setString(3, connectionType);
                        session.setString(4, WALL.format(starts[s]));
                        session.setString(5, disconnectionType);
                        session.setString(6, WALL.format(ends[s]));
                        session.addBatch();
                        event(event, mac, ip, starts[s], connectionType);
                        event(event, mac, ip, ends[s], disconnectionType);
                    }
                    device.setString(1, mac);
                    device.setString(2, d % 3 == 0 ? "(unknown)" : "Device-" + d);
                    device.setString(3, WALL.format(starts[0]));
                    device.setString(4, WALL.format(ends[perDevice - 1]));
                    device.setString(5, ip);
                    device.addBatch();
                    session.executeBatch();
                    event.executeBatch();
                }
                device.executeBatch();
            }
            db.commit();
        }
        System.out.println("Wrote " + out + ": " + devices + " devices, " + (long) devices * perDevice + " sessions, "
                + 2L * devices * perDevice + " events (" + Files.size(out) / (1024 * 1024) + " MB)");
    }

    static void event(PreparedStatement event, String mac, String ip, LocalDateTime at, String type) throws Exception {
        event.setString(1, mac);
        event.setString(2, ip);
        event.setString(3, WALL.format(at));
        event.setString(4, type);
        event.addBatch();
    }
}

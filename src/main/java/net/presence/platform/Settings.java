package net.presence.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import net.presence.values.Zones;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The server's configuration, read through MicroProfile Config, which both servers ship: a system
 * property ({@code sessions.data.dir}) wins over its environment variable ({@code SESSIONS_DATA_DIR},
 * MicroProfile's standard mapping of the name), which wins over the WAR's
 * META-INF/microprofile-config.properties. A blank value counts as absent.
 */
@ApplicationScoped
public class Settings {

    public static final String DATA_DIR = "sessions.data.dir";

    /** PostgreSQL instead of the embedded Derby: a jdbc:postgresql:// URL, with its user and password. */
    public static final String DB_URL = "sessions.db.url";
    public static final String DB_USER = "sessions.db.user";
    public static final String DB_PASSWORD = "sessions.db.password";

    /**
     * One setting. The WAR's own class loader names the configuration: the caller may run on a
     * server thread (the connection pool's, a timer's) whose context class loader is not the WAR's.
     */
    public static Optional<String> read(String key) {
        Optional<String> value;
        try {
            value = ConfigProvider.getConfig(Settings.class.getClassLoader()).getOptionalValue(key, String.class);
        } catch (IllegalStateException noImplementation) {
            // outside a server (unit tests): the same two sources, in the same order, read directly
            value = Optional.ofNullable(System.getProperty(key))
                    .or(() -> Optional.ofNullable(System.getenv(key.toUpperCase(Locale.ROOT).replace('.', '_'))));
        }
        return value.map(String::strip).filter(text -> !text.isEmpty());
    }

    public Path dataDir() {
        return Path.of(read(DATA_DIR).orElse("data")).toAbsolutePath();
    }

    /** The display zone: SESSIONS_TIMEZONE, else the JVM's zone. */
    public ZoneId zone() {
        return read("sessions.timezone").map(Zones::parse).orElse(ZoneId.systemDefault());
    }

    /** The zone a request asked for with {@code tz=}, else the display zone. */
    public ZoneId zone(String tz) {
        ZoneId asked = Values.optional("tz", tz, Zones::parse);
        return asked == null ? zone() : asked;
    }

    public Optional<String> adminToken() {
        return read("sessions.admin.token");
    }

    public Optional<String> readToken() {
        return read("sessions.read.token");
    }

    /** Flap voiding: a reconnection within this time of the last disconnection undoes it. Zero is off. */
    public Duration gracePeriod() {
        return duration("sessions.grace.seconds");
    }

    /** Stale sessions: open sessions of devices unobserved this long lose their end. Zero is off. */
    public Duration staleAfter() {
        return duration("sessions.stale.seconds");
    }

    /**
     * How often the stale-session timer looks: SESSIONS_STALE_CHECK_SECONDS, else a tenth of the
     * stale limit, between one second and one minute (a session goes stale at most that much late).
     */
    public Duration staleCheckEvery() {
        Duration every = duration("sessions.stale.check.seconds");
        if (!every.isZero()) {
            return every;
        }
        Duration tenth = staleAfter().dividedBy(10);
        return tenth.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1)
                : tenth.compareTo(Duration.ofMinutes(1)) > 0 ? Duration.ofMinutes(1) : tenth;
    }

    private static Duration duration(String key) {
        return read(key).map(text -> {
            try {
                long seconds = Long.parseLong(text);
                if (seconds < 0) {
                    throw new NumberFormatException();
                }
                return Duration.ofSeconds(seconds);
            } catch (NumberFormatException e) {
                throw new IllegalStateException(key + " must be a whole number of seconds, not '" + text + "'");
            }
        }).orElse(Duration.ZERO);
    }
}

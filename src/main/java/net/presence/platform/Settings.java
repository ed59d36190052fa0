package net.presence.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import net.presence.values.Zones;

/**
 * The server's configuration. Each setting is read from a system property ({@code sessions.data.dir})
 * or, when that is absent, from its environment variable ({@code SESSIONS_DATA_DIR}), which needs no
 * MicroProfile and so works alike on every server.
 */
@ApplicationScoped
public class Settings {

    public static final String DATA_DIR = "sessions.data.dir";

    public static Optional<String> read(String key) {
        String value = System.getProperty(key);
        if (value == null || value.isBlank()) {
            value = System.getenv(key.toUpperCase(Locale.ROOT).replace('.', '_'));
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
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

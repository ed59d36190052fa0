package net.presence.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.io.BufferedWriter;
import java.time.Instant;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.presence.platform.Settings;

/**
 * The access log: {@code <data dir>/access.log}, one line per request, appended, when
 * SESSIONS_ACCESS_LOG is true. A line: time, method, route template, status, duration in ms, bytes
 * of the body sent, and the caller's role ({@code admin}, {@code read} or {@code -}). Nothing of the
 * request's headers, query or body is written, so no token can reach it.
 */
final class AccessLog {

    static final String SETTING = "sessions.access.log";
    static final String FILE = "access.log";

    private static final Logger LOG = Logger.getLogger(AccessLog.class.getName());
    private static final AccessLog OFF = new AccessLog(null);

    private final BufferedWriter out;

    private AccessLog(BufferedWriter out) {
        this.out = out;
    }

    static AccessLog fromSettings() {
        boolean on = Settings.read(SETTING).map(value -> value.toLowerCase(Locale.ROOT))
                .map(value -> value.equals("true") || value.equals("on") || value.equals("1")).orElse(false);
        if (!on) {
            return OFF;
        }
        Path file = new Settings().dataDir().resolve(FILE);
        try {
            Files.createDirectories(file.getParent());
            LOG.info(() -> "Access log: " + file);
            return new AccessLog(Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND));
        } catch (IOException e) {
            throw new UncheckedIOException("The access log " + file + " cannot be opened", e);
        }
    }

    boolean on() {
        return out != null;
    }

    /** Flushed per line, so that a crash loses no line and a tail -f sees each request at once. */
    synchronized void write(String route, int status, long nanos, long bytes, String role) {
        try {
            out.write(Instant.now() + " " + route + " " + status + " " + String.format(Locale.ROOT, "%.1f", nanos / 1e6)
                    + "ms " + bytes + "B " + role);
            out.newLine();
            out.flush();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "An access log line was lost", e);
        }
    }

    synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "The access log did not close cleanly", e);
            }
        }
    }
}

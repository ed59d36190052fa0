package net.presence.sessions.boundary;

import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import net.presence.platform.JsonBody;
import net.presence.problems.ApiProblem;
import net.presence.sessions.control.NewSession;
import net.presence.sessions.entity.EventType;
import net.presence.values.IpAddress;
import net.presence.values.MacAddress;

/**
 * The first pass of an import: every line read and checked on its own, the valid ones kept in a
 * temporary file in a compact form, with the set of devices they name. The database is not touched
 * until the whole upload has arrived; then the second pass can lock every device at once, in the
 * one order all writers use, and can be run again from the file if the database asks for a retry.
 */
final class ImportSpool implements AutoCloseable {

    static final int MAX_PROBLEMS = 100;

    private final Path file;
    private final Set<MacAddress> macs = new HashSet<>();
    private final List<ApiProblem.Detail> problems = new ArrayList<>();
    private long problemCount;
    private long lines;

    private ImportSpool(Path file) {
        this.file = file;
    }

    static ImportSpool read(Reader upload, ZoneId zone, Instant now) {
        Path file;
        try {
            file = Files.createTempFile("sessions-import-", ".spool");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make a temporary file for the import", e);
        }
        ImportSpool spool = new ImportSpool(file);
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            ImportLines lines = new ImportLines(upload);
            for (String line = lines.next(); line != null; line = lines.next()) {
                if (!line.isBlank()) {
                    spool.take(lines.number(), line, zone, now, out);
                }
            }
        } catch (IOException | RuntimeException e) {
            spool.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
        return spool;
    }

    private void take(long number, String line, ZoneId zone, Instant now, DataOutputStream out) throws IOException {
        NewSession wanted = parse(number, line, zone, now);
        if (wanted == null) {
            return;
        }
        macs.add(wanted.mac());
        out.writeLong(number);
        out.writeUTF(wanted.mac().toString());
        out.writeUTF(wanted.ip().toString());
        out.writeLong(wanted.start().toEpochMilli());
        out.writeBoolean(wanted.end() != null);
        out.writeLong(wanted.end() == null ? 0 : wanted.end().toEpochMilli());
        out.writeUTF(wanted.connectionType().text());
        out.writeUTF(wanted.end() == null ? "" : wanted.disconnectionType().text());
        out.writeUTF(wanted.info());
        lines++;
    }

    private NewSession parse(long number, String line, ZoneId zone, Instant now) {
        if (line == ImportLines.TOO_LONG) {
            problem(ApiProblem.Detail.atLine(number, null, "The line is longer than " + ImportLines.MAX_LINE + " characters"));
            return null;
        }
        try (JsonReader reader = JsonBody.reader(new StringReader(line))) {
            return NewSessionReader.read(JsonBody.of(reader.readObject()), zone, now);
        } catch (JsonException | IllegalStateException notAnObject) {
            problem(ApiProblem.Detail.atLine(number, null, "The line is not a JSON object"));
        } catch (ApiProblem invalid) {
            invalid.details().forEach(d -> problem(ApiProblem.Detail.atLine(number, d.field(), d.message())));
        }
        return null;
    }

    private void problem(ApiProblem.Detail detail) {
        problemCount++;
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(detail);
        }
    }

    /** The devices the valid lines name. */
    Set<MacAddress> macs() {
        return macs;
    }

    /** The first problems of the lines on their own, in line order. */
    List<ApiProblem.Detail> problems() {
        return problems;
    }

    long problemCount() {
        return problemCount;
    }

    /** Every valid line again, in upload order, with its line number. */
    void forEach(BiConsumer<Long, NewSession> action) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            for (long i = 0; i < lines; i++) {
                long number = in.readLong();
                MacAddress mac = MacAddress.stored(in.readUTF());
                IpAddress ip = IpAddress.stored(in.readUTF());
                Instant start = Instant.ofEpochMilli(in.readLong());
                boolean ended = in.readBoolean();
                long end = in.readLong();
                EventType connection = EventType.of(in.readUTF());
                String disconnection = in.readUTF();
                String info = in.readUTF();
                action.accept(number, new NewSession(mac, ip, start, ended ? Instant.ofEpochMilli(end) : null, connection,
                        ended ? EventType.of(disconnection) : null, info));
            }
        } catch (EOFException e) {
            throw new IllegalStateException("The import's temporary file " + file + " ended early", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file left behind; the system's cleaning takes it
        }
    }
}

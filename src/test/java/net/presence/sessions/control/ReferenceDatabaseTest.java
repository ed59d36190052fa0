package net.presence.sessions.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import net.presence.problems.ApiProblem;
import net.presence.sessions.entity.EventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading the reference scanner's database: its fixture, and files that are not one. */
class ReferenceDatabaseTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final Path FIXTURE = Path.of(System.getProperty("netalertx.fixture", "../shared/fixtures/netalertx/app.db"));

    @TempDir
    Path dir;

    /** The fixture is read-only and shared: every test reads its own copy. */
    Path copy() throws IOException {
        return Files.copy(FIXTURE, dir.resolve("app.db"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void readsEveryRowOfTheFixtureInTheContractsTerms() throws IOException {
        List<ReferenceDatabase.Row<ImportedSession>> sessions = new ArrayList<>();
        List<ReferenceDatabase.Row<ImportedEvent>> events = new ArrayList<>();
        List<ReferenceDatabase.Row<ImportedDevice>> devices = new ArrayList<>();
        ReferenceDatabase.DstCount dst = new ReferenceDatabase.DstCount();
        try (ReferenceDatabase db = ReferenceDatabase.open(copy())) {
            assertEquals(2400, db.count(ReferenceDatabase.SESSIONS));
            db.sessions(BERLIN, dst, sessions::add);
            db.events(BERLIN, dst, events::add);
            db.devices(devices::add);
        }
        assertEquals(2400, sessions.size());
        assertEquals(4748, events.size());
        assertEquals(24, devices.size());
        assertTrue(sessions.stream().allMatch(ReferenceDatabase.Row::valid), () -> sessions.stream()
                .filter(r -> !r.valid()).findFirst().map(r -> r.problems().toString()).orElse(""));
        assertTrue(events.stream().allMatch(ReferenceDatabase.Row::valid));
        assertEquals(2, sessions.stream().filter(r -> r.value().open()).count());
        assertEquals(26, sessions.stream().filter(r -> r.value().isMissingConnection()).count());
        assertEquals(24, sessions.stream().filter(r -> r.value().isMissingDisconnection()).count());
        assertEquals(0, dst.gap());
        // the fixture has events in the hour repeated on 2026-10-25, each counted wherever it is read
        assertTrue(dst.repeated() >= 6, "repeated: " + dst.repeated());
        assertTrue(devices.stream().allMatch(r -> r.value().name() != null));
        // sessions come earliest first
        Instant previous = Instant.EPOCH;
        for (var row : sessions) {
            Instant first = row.value().span().start();
            assertFalse(first.isBefore(previous.minusSeconds(3600)), "out of order: " + row);
            previous = first;
        }
    }

    @Test
    void aRepeatedHourIsTakenAtItsFirstOccurrence() throws IOException {
        try (ReferenceDatabase db = ReferenceDatabase.open(copy())) {
            List<ImportedEvent> repeated = new ArrayList<>();
            db.events(BERLIN, new ReferenceDatabase.DstCount(), row -> {
                if (row.value().at().equals(Instant.parse("2026-10-25T00:02:54Z"))) {
                    repeated.add(row.value());
                }
            });
            assertEquals(1, repeated.size(), "2026-10-25 02:02:54 is 00:02:54Z, its first (summer) occurrence");
        }
    }

    @Test
    void anythingElseIsRefusedNamingWhatIsMissing() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "certainly not a database ".repeat(100));
        ApiProblem notSqlite = assertThrows(ApiProblem.class, () -> ReferenceDatabase.open(text));
        assertEquals(422, notSqlite.status());
        assertTrue(notSqlite.getMessage().contains("not an SQLite database"), notSqlite.getMessage());

        Path empty = Files.write(dir.resolve("empty.db"), new byte[0]);
        ApiProblem noTables = assertThrows(ApiProblem.class, () -> ReferenceDatabase.open(empty));
        assertEquals(422, noTables.status());
        assertTrue(noTables.getMessage().contains("table Sessions not found"), noTables.getMessage());
        assertTrue(noTables.getMessage().contains("table Events not found"), noTables.getMessage());
    }

    @Test
    void typesAreTheServicesKindsWithoutRegardToCase() {
        assertEquals(EventType.DEVICE_DOWN, ReferenceDatabase.typeOf("device down"));
        assertEquals(EventType.of("Plugged in"), ReferenceDatabase.typeOf("Plugged in"));
        assertNull(EventType.DEVICE_DOWN.custom());
    }
}

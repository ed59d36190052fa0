package net.presence.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.DerbyDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A database written by the first release (src/test/resources/upgrade/v1, made with commit 92f9b93)
 * is upgraded in place by today's WAR with nothing lost: the server answers exactly what the first
 * release answered about it. And a database from a newer release is refused.
 * <p>
 * Each test runs Payara Micro as a child process on a free loopback port, on its own copy of the
 * fixture, so that the server starts on the file exactly as the old release left it.
 */
class UpgradeIT {

    private static final String FIXTURE = "/upgrade/v1/";
    private static final String ADMIN = "upgrade-admin-token-0123456789";
    private static final Duration START_LIMIT = Duration.ofSeconds(180);
    private static final String REFUSAL = "refusing to start on it";

    /** The answers the first release gave, saved as files beside the fixture. */
    private static final Map<String, String> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("list.json", "/sessions/list?limit=10000&tz=UTC");
        for (String type : List.of("all", "sessions", "missing", "voided", "new", "down")) {
            EXPECTED.put("session-events-" + type + ".json",
                    "/sessions/session-events?type=" + type + "&period=" + encode("100 years") + "&limit=10000&tz=UTC");
        }
        EXPECTED.put("totals.json", "/sessions/totals?period=" + encode("100 years") + "&tz=UTC");
        EXPECTED.put("calendar.json", "/sessions/calendar?start=2025-01-01&end=2025-12-31&tz=UTC");
    }

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private Process server;
    private Path log;

    @AfterEach
    void stopServer() throws InterruptedException {
        if (server == null) {
            return;
        }
        List<ProcessHandle> children = server.descendants().toList();
        server.destroy();
        if (!server.waitFor(30, TimeUnit.SECONDS)) {
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        children.forEach(ProcessHandle::destroyForcibly);
        server = null;
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aFirstReleaseDatabaseIsUpgradedInPlaceWithNothingLost() throws Exception {
        Path data = fixtureCopy("upgrade-it/v1-upgrade");
        URI base = start(data);
        awaitApi(base);

        for (Map.Entry<String, String> expected : EXPECTED.entrySet()) {
            JsonValue was = readJson(resource(expected.getKey()));
            HttpResponse<String> now = get(base, expected.getValue());
            assertEquals(200, now.statusCode(), expected.getValue() + " answered " + now.body());
            JsonValue is = readJson(now.body());
            if (expected.getKey().equals("calendar.json")) {
                // this release adds the devices' names beside the bars: every MAC of the bars, none named in the first release
                JsonObject answer = is.asJsonObject();
                JsonObjectBuilder unnamed = Json.createObjectBuilder();
                answer.getJsonArray("sessions").stream().map(bar -> bar.asJsonObject().getString("resourceId")).distinct()
                        .forEach(unnamed::addNull);
                assertEquals(unnamed.build(), answer.getJsonObject("devices"));
                is = Json.createObjectBuilder(answer).remove("devices").build();
            }
            assertEquals(withoutNow(was), withoutNow(is),
                    expected.getKey() + " differs from the first release's answer for " + expected.getValue());
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aDatabaseFromANewerReleaseIsRefused() throws Exception {
        Path data = fixtureCopy("upgrade-it/v1-newer");
        writtenByANewerRelease(data.resolve("derby"));
        URI base = start(data);

        Instant limit = Instant.now().plus(START_LIMIT);
        String output = "";
        while (Instant.now().isBefore(limit)) {
            output = Files.readString(log, StandardCharsets.ISO_8859_1);
            if (output.contains("Payara Micro") && output.contains(" ready in ") || !server.isAlive()) {
                break;
            }
            Thread.sleep(500);
        }
        output = Files.readString(log, StandardCharsets.ISO_8859_1);
        assertTrue(output.lines().anyMatch(line -> line.contains(REFUSAL) && line.contains("3-from-a-newer-release")),
                "the log names the unknown changeset and refuses; log ends with:\n" + tail(output));
        if (server.isAlive()) {
            HttpResponse<String> answer = get(base, "/sessions/totals");
            assertNotEquals(200, answer.statusCode(), "the API must not be served on a newer database: " + answer.body());
            assertTrue(answer.body() == null || !answer.body().contains("\"totals\""), answer.body());
        }
    }

    // ---- the fixture ----

    /** A fresh copy of the fixture's Derby directory under target/: the fixture itself is never touched. */
    private static Path fixtureCopy(String name) throws IOException {
        Path dir = Path.of(System.getProperty("it.data.dir", "target/it-data")).getParent().resolve(name);
        deleteTree(dir);
        Files.createDirectories(dir);
        try (ZipInputStream zip = new ZipInputStream(resourceStream("derby.zip"))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                Path target = dir.resolve(entry.getName()).normalize();
                if (!target.startsWith(dir)) {
                    throw new IOException("Zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target);
                }
            }
        }
        assertTrue(Files.isDirectory(dir.resolve("derby/seg0")), "the fixture holds a Derby directory");
        return dir;
    }

    /**
     * What a newer release leaves behind: this release's changesets applied, and one more it does
     * not know. Done here with Liquibase and embedded Derby in the test JVM, then Derby is shut down
     * so the server can boot the database.
     */
    private static void writtenByANewerRelease(Path derby) throws Exception {
        String url = "jdbc:derby:" + derby.toAbsolutePath();
        // the test JVM's own Derby logs beside the copy, not in the working directory
        System.setProperty("derby.stream.error.file", derby.resolveSibling("derby-test-jvm.log").toString());
        try (Connection connection = DriverManager.getConnection(url)) {
            Map<String, Object> scope = Map.of(Scope.Attr.classLoader.name(), UpgradeIT.class.getClassLoader(),
                    "liquibase.analytics.enabled", false);
            Scope.child(scope, () -> {
                Database database = DatabaseFactory.getInstance()
                        .findCorrectDatabaseImplementation(new JdbcConnection(connection));
                ((DerbyDatabase) database).setShutdownEmbeddedDerby(false);
                new Liquibase("db/changelog.xml", new ClassLoaderResourceAccessor(UpgradeIT.class.getClassLoader()),
                        database).update(new Contexts(), new LabelExpression());
            });
            connection.setAutoCommit(true);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO DATABASECHANGELOG"
                    + " (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, EXECTYPE, MD5SUM, DESCRIPTION, LIQUIBASE)"
                    + " VALUES ('3-from-a-newer-release', 'sessions', 'db/changelog.xml', CURRENT_TIMESTAMP,"
                    + " 3, 'EXECUTED', '9:00000000000000000000000000000000', 'a change of the future', '4.33.0')")) {
                assertEquals(1, insert.executeUpdate());
            }
        }
        try {
            DriverManager.getConnection(url + ";shutdown=true").close();
        } catch (SQLException expected) {
            // Derby reports a clean database shutdown as SQL state 08006
            assertEquals("08006", expected.getSQLState(), expected.toString());
        }
    }

    // ---- the server ----

    private URI start(Path data) throws IOException {
        int port = FreePort.pick();
        log = data.resolve("server.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String configDir = System.getProperty("server.config.dir", "server-config");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m",
                "-Dsessions.admin.token=" + ADMIN,
                "-Dsessions.timezone=Europe/Berlin",
                "-Dsessions.data.dir=" + data.toAbsolutePath(),
                // flaps as in the other tests; no stale limit, so no open session of the fixture goes
                // missing while the test runs
                "-Dsessions.grace.seconds=60",
                "-jar", required("payara.microJar"),
                "--deploy", required("sessions.war"), "--contextroot", "/",
                "--port", String.valueOf(port), "--nohazelcast",
                "--prebootcommandfile", Path.of(configDir, "payara-micro", "pre-boot-commands.asadmin").toString()));
        server = new ProcessBuilder(command).directory(data.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return URI.create("http://127.0.0.1:" + port);
    }

    private void awaitApi(URI base) throws Exception {
        Instant limit = Instant.now().plus(START_LIMIT);
        while (Instant.now().isBefore(limit)) {
            if (!server.isAlive()) {
                fail("The server stopped at start; its log ends with:\n" + tail(Files.readString(log, StandardCharsets.ISO_8859_1)));
            }
            try {
                // the application answers, or Micro has finished booting (then the comparison tells
                // what is wrong); other answers while it deploys are not final
                if (get(base, "/sessions/totals").statusCode() == 200
                        || Files.readString(log, StandardCharsets.ISO_8859_1).contains(" ready in ")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        fail("The API did not answer within " + START_LIMIT.toSeconds() + " s; the log ends with:\n"
                + tail(Files.readString(log, StandardCharsets.ISO_8859_1)));
    }

    private HttpResponse<String> get(URI base, String pathAndQuery) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + ADMIN).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    // ---- answers ----

    /**
     * The answer without what depends on "now": an open session's duration grows, and its calendar
     * bar ends at now. Everything else must be equal, value for value.
     */
    static JsonValue withoutNow(JsonValue value) {
        switch (value.getValueType()) {
            case OBJECT -> {
                JsonObject object = value.asJsonObject();
                boolean open = object.getBoolean("ses_StillConnected", false);
                boolean openBar = object.containsKey("tooltip")
                        && object.getString("tooltip", "").contains("<still connected>");
                Set<String> skip = open ? Set.of("ses_Duration", "ses_DurationSeconds") : openBar ? Set.of("end") : Set.of();
                JsonObjectBuilder copy = Json.createObjectBuilder();
                object.forEach((key, field) -> {
                    if (!skip.contains(key)) {
                        copy.add(key, withoutNow(field));
                    }
                });
                return copy.build();
            }
            case ARRAY -> {
                JsonArrayBuilder copy = Json.createArrayBuilder();
                for (JsonValue item : (JsonArray) value) {
                    copy.add(withoutNow(item));
                }
                return copy.build();
            }
            default -> {
                return value;
            }
        }
    }

    private static JsonValue readJson(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = resourceStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static InputStream resourceStream(String name) throws IOException {
        InputStream in = UpgradeIT.class.getResourceAsStream(FIXTURE + name);
        if (in == null) {
            throw new IOException("Missing test resource " + FIXTURE + name);
        }
        return in;
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || !Files.isRegularFile(Path.of(value))) {
            throw new IllegalStateException("System property " + property + " must name an existing file (set by the pom): " + value);
        }
        return value;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String tail(String text) {
        return text.length() <= 6000 ? text : text.substring(text.length() - 6000);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(path);
            }
        }
    }
}

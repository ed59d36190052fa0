package net.presence.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import net.presence.it.ConcurrencyIT.Span;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Crash safety (issue 16): the server is started here as a child process (Payara Micro, the WAR Maven
 * built, its own data directory or, on a PostgreSQL pair, a schema of its own in the profile's
 * database), {@value #WRITERS} writers send creates, observations and scans, and at a moment drawn from
 * the seed ({@code -Dcrash.seed=}) the server is killed with SIGKILL. It is started again on the same
 * data, and then every write that was answered 200 must be there, nothing may be half-written (a session
 * without its events, an event without its session), no two sessions of a device may overlap and a
 * device has at most one open session. {@value #RUNS} kills; the start after one kill is the start of
 * the next run.
 *
 * <p>Each writer has devices of its own, so that what an acknowledged write left behind stays
 * checkable: created devices get closed sessions only, in 2017, in two-hour slots that never overlap;
 * observed devices get observations and scans on one clock from 2021 on, one minute per write, each
 * device always with the same IP. Nothing deletes, and flaps and stale sessions are off, so a session
 * that an acknowledged write made may later be closed, never removed.
 */
class CrashIT {

    static final long SEED = Long.getLong("crash.seed", 20261201L);
    static final int RUNS = Integer.getInteger("crash.runs", 5);
    static final int WRITERS = 8;
    static final String ADMIN = "crash-admin-token-0123456789";
    static final Duration START_LIMIT = Duration.ofSeconds(180);
    /** The kill comes this long after the writers start, at least; the seed adds up to {@link #KILL_SPREAD_MILLIS}. */
    static final long KILL_AFTER_MILLIS = 1_500;
    static final long KILL_SPREAD_MILLIS = 6_000;
    static final String SCHEMA = "crash_it";

    static final Instant CREATED_FROM = Instant.parse("2017-01-02T00:00:00Z");
    static final Instant OBSERVED_FROM = Instant.parse("2021-01-02T00:00:00Z");
    static final int CREATED_PER_WRITER = 2;
    static final int OBSERVED_PER_WRITER = 3;

    /**
     * What an acknowledged write promises. A create or an observation: the session its answer showed is
     * stored, with that connection time and, if it was closed, that disconnection time (and for a create,
     * its IP). A scan at {@code time}: as many of the observed devices' sessions begin at that instant
     * as it said it opened, and as many end there as it said it closed (no other write uses its instant).
     */
    record Expected(String mac, Instant connection, Instant disconnection, boolean open, String ip, Instant scan,
            int opened, int closed, String write) {

        static Expected session(String mac, Instant connection, Instant disconnection, boolean open, String ip, String write) {
            return new Expected(mac, connection, disconnection, open, ip, null, 0, 0, write);
        }

        static Expected scan(Instant time, int opened, int closed, String write) {
            return new Expected(null, null, null, false, null, time, opened, closed, write);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Expected> expected = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final AtomicLong clock = new AtomicLong();
    private final long[] slots = new long[WRITERS];
    private final List<String> createdMacs = new ArrayList<>();
    private final List<String> observedMacs = new ArrayList<>();
    private final Map<String, String> ipOf = new LinkedHashMap<>();
    private Path data;
    private Process server;
    private URI base;
    private int starts;
    private volatile boolean killed;

    @AfterEach
    void stopServer() throws InterruptedException {
        if (server != null) {
            server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            server = null;
        }
    }

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void everyAcknowledgedWriteSurvivesAKill() throws Exception {
        for (int writer = 0; writer < WRITERS; writer++) {
            for (int i = 0; i < CREATED_PER_WRITER; i++) {
                createdMacs.add(String.format("0C:%02X:00:00:00:%02X", writer, i));
                ipOf.put(createdMacs.get(createdMacs.size() - 1), "10.12." + writer + "." + (i + 1));
            }
            for (int i = 0; i < OBSERVED_PER_WRITER; i++) {
                observedMacs.add(String.format("0C:%02X:0B:00:00:%02X", writer, i));
                ipOf.put(observedMacs.get(observedMacs.size() - 1), "10.13." + writer + "." + (i + 1));
            }
        }
        data = Path.of(System.getProperty("it.data.dir", "target/it-data")).toAbsolutePath().getParent().resolve("crash-it");
        deleteTree(data);
        Files.createDirectories(data);
        List<String> database = database();

        Random kills = new Random(SEED);
        List<String> figures = new ArrayList<>();
        start(database);
        for (int run = 1; run <= RUNS; run++) {
            long killAfter = KILL_AFTER_MILLIS + (long) (kills.nextDouble() * KILL_SPREAD_MILLIS);
            int before = expected.size();
            int sent = write(killAfter, new Random(SEED * 31 + run));
            int acknowledged = expected.size() - before;
            start(database);
            Map<String, List<String>> findings = check();
            long lost = findings.getOrDefault(LOST, List.of()).size();
            String line = String.format("run %d: killed %d ms after the writers started; %d writes sent, %d acknowledged"
                    + " (%d acknowledged in all runs so far), found %d, lost %d", run, killAfter, sent, acknowledged,
                    expected.size(), expected.size() - lost, lost);
            figures.add(line);
            System.out.println("Crash safety: " + line);
            assertTrue(findings.isEmpty(), "after kill " + run + ": " + describe(findings));
            assertTrue(acknowledged > 0, "run " + run + " acknowledged no write before the kill: nothing was tested");
        }
        System.out.println("Crash safety: " + RUNS + " kills on " + (database.isEmpty() ? "Derby" : "PostgreSQL")
                + ", answers by status " + new TreeMap<>(statuses) + "; acknowledged writes " + expected.size()
                + ", found " + expected.size() + ", lost 0");
        assertEquals(RUNS, figures.size());
        assertEquals(List.of(), statuses.keySet().stream().filter(status -> status.matches(".* 5\\d\\d")).toList(),
                "no write may fail with a 5xx before the kill: " + statuses);
    }

    // ---- the writers ----

    /** Writes until the kill, which comes {@code killAfter} ms after they start; returns how many writes were sent. */
    private int write(long killAfter, Random plan) throws Exception {
        List<Random> plans = new ArrayList<>();
        for (int writer = 0; writer < WRITERS; writer++) {
            plans.add(new Random(plan.nextLong()));
        }
        AtomicInteger sent = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int writer = 0; writer < WRITERS; writer++) {
                int w = writer;
                running.add(pool.submit(() -> {
                    while (!killed) {
                        sent.incrementAndGet();
                        if (!writeOnce(w, plans.get(w))) {
                            return null;
                        }
                    }
                    return null;
                }));
            }
            Thread.sleep(killAfter);
            kill();
            for (Future<?> done : running) {
                done.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        return sent.get();
    }

    /** One write; false once the server is gone (no answer). */
    private boolean writeOnce(int writer, Random random) {
        int kind = random.nextInt(20);
        String path;
        String body;
        String ip = null;
        if (kind < 8) {
            String mac = createdMacs.get(writer * CREATED_PER_WRITER + random.nextInt(CREATED_PER_WRITER));
            Instant start = CREATED_FROM.plus(Duration.ofHours(2 * slots[writer]++));
            Instant end = start.plus(Duration.ofMinutes(60 + random.nextInt(50)));
            path = "/sessions/create";
            ip = ipOf.get(mac);
            body = "{\"mac\":\"" + mac + "\",\"ip\":\"" + ip + "\",\"start_time\":\"" + start
                    + "\",\"end_time\":\"" + end + "\"}";
        } else if (kind < 17) {
            // a device's observations come from its own writer only, so they arrive in time order; scans race them
            String mac = observedMacs.get(writer * OBSERVED_PER_WRITER + random.nextInt(OBSERVED_PER_WRITER));
            path = "/sessions/events";
            body = "{\"mac\":\"" + mac + "\",\"ip\":\"" + ipOf.get(mac) + "\",\"event_type\":\""
                    + (random.nextInt(5) < 3 ? "Connected" : "Disconnected") + "\",\"time\":\"" + tick() + "\"}";
        } else {
            List<String> listed = new ArrayList<>(observedMacs);
            Collections.shuffle(listed, random);
            listed = listed.subList(0, 1 + random.nextInt(listed.size() / 2));
            StringBuilder devices = new StringBuilder();
            for (String mac : listed) {
                devices.append(devices.length() == 0 ? "" : ",").append("{\"mac\":\"").append(mac).append("\",\"ip\":\"")
                        .append(ipOf.get(mac)).append("\"}");
            }
            path = "/sessions/scan";
            body = "{\"time\":\"" + tick() + "\",\"devices\":[" + devices + "]}";
        }
        HttpResponse<String> answer;
        try {
            answer = http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException gone) {
            return false;
        }
        statuses.computeIfAbsent(path + " " + answer.statusCode(), status -> new AtomicInteger()).incrementAndGet();
        if (answer.statusCode() == 200) {
            JsonObject json = json(answer.body());
            String write = path + " " + body + " -> " + answer.body();
            if (path.endsWith("/scan")) {
                JsonObject request = json(body);
                expected.add(Expected.scan(Instant.parse(request.getString("time")), json.getInt("opened"), json.getInt("closed"), write));
            } else {
                JsonObject row = json.getJsonObject("session");
                expected.add(Expected.session(row.getString("ses_MAC"), ConcurrencyIT.instant(row, "ses_DateTimeConnection"),
                        ConcurrencyIT.instant(row, "ses_DateTimeDisconnection"), row.getBoolean("ses_StillConnected"), ip, write));
            }
        }
        return true;
    }

    private Instant tick() {
        return OBSERVED_FROM.plus(Duration.ofMinutes(clock.incrementAndGet()));
    }

    // ---- the checks ----

    static final String LOST = "every acknowledged write is stored";

    private Map<String, List<String>> check() throws Exception {
        Map<String, List<String>> findings = new LinkedHashMap<>();
        Map<String, List<JsonObject>> sessions = new LinkedHashMap<>();
        List<String> all = new ArrayList<>(createdMacs);
        all.addAll(observedMacs);
        for (String mac : all) {
            sessions.put(mac, sessionsOf(mac));
        }
        List<JsonObject> events = events();
        findings.putAll(judge(new ArrayList<>(expected), sessions, events));
        return findings;
    }

    /** The judgement, apart from the server so that a unit test can judge the judge. */
    static Map<String, List<String>> judge(List<Expected> expected, Map<String, List<JsonObject>> sessions,
            List<JsonObject> events) {
        Map<String, List<String>> findings = new LinkedHashMap<>();
        for (Expected promise : expected) {
            if (promise.scan() != null) {
                long opened = sessions.values().stream().flatMap(List::stream)
                        .filter(row -> promise.scan().equals(ConcurrencyIT.instant(row, "ses_DateTimeConnection"))).count();
                long closed = sessions.values().stream().flatMap(List::stream)
                        .filter(row -> promise.scan().equals(ConcurrencyIT.instant(row, "ses_DateTimeDisconnection"))).count();
                if (opened != promise.opened() || closed != promise.closed()) {
                    finding(findings, LOST, promise.write() + ": stored " + opened + " opened, " + closed + " closed");
                }
            } else if (sessions.getOrDefault(promise.mac(), List.of()).stream().noneMatch(row -> keeps(promise, row))) {
                finding(findings, LOST, promise.write());
            }
        }
        sessions.forEach((mac, rows) -> {
            List<Span> spans = rows.stream().map(Span::of).toList();
            for (int i = 0; i < spans.size(); i++) {
                for (int j = i + 1; j < spans.size(); j++) {
                    if (spans.get(i).overlaps(spans.get(j))) {
                        finding(findings, "no two sessions of a device overlap",
                                mac + ": " + ConcurrencyIT.row(spans.get(i).row()) + " and " + ConcurrencyIT.row(spans.get(j).row()));
                    }
                }
            }
            long open = spans.stream().filter(Span::open).count();
            if (open > 1) {
                finding(findings, "at most one open session per device", mac + " has " + open);
            }
        });
        // half-written: each end of a session has its event, each event belongs to an end of a session
        Map<String, Integer> eventKeys = new LinkedHashMap<>();
        for (JsonObject event : events) {
            if (sessions.containsKey(event.getString("eve_MAC"))) {
                eventKeys.merge(eventKey(event.getString("eve_MAC"), ConcurrencyIT.instant(event, "eve_DateTime"),
                        event.getString("eve_EventType")), 1, Integer::sum);
            }
        }
        Map<String, Integer> endKeys = new LinkedHashMap<>();
        sessions.forEach((mac, rows) -> {
            for (JsonObject row : rows) {
                Instant connection = ConcurrencyIT.instant(row, "ses_DateTimeConnection");
                Instant disconnection = ConcurrencyIT.instant(row, "ses_DateTimeDisconnection");
                if (connection != null) {
                    endKeys.merge(eventKey(mac, connection, row.getString("ses_EventTypeConnection")), 1, Integer::sum);
                }
                if (disconnection != null) {
                    endKeys.merge(eventKey(mac, disconnection, row.getString("ses_EventTypeDisconnection")), 1, Integer::sum);
                }
            }
        });
        endKeys.forEach((key, count) -> {
            if (!count.equals(eventKeys.get(key))) {
                finding(findings, "every end of a session has its event", key + ": " + count + " ends, "
                        + eventKeys.getOrDefault(key, 0) + " events");
            }
        });
        eventKeys.forEach((key, count) -> {
            if (!endKeys.containsKey(key)) {
                finding(findings, "every event belongs to a session", key + ": " + count + " events, no session");
            }
        });
        return findings;
    }

    /** Whether a stored session is the one the acknowledged write answered with: a closed one stays as it was. */
    static boolean keeps(Expected promise, JsonObject row) {
        return Objects.equals(promise.connection(), ConcurrencyIT.instant(row, "ses_DateTimeConnection"))
                && (promise.open() || Objects.equals(promise.disconnection(), ConcurrencyIT.instant(row, "ses_DateTimeDisconnection")))
                && (promise.ip() == null || promise.ip().equals(row.getString("ses_IP")));
    }

    static String eventKey(String mac, Instant at, String type) {
        return mac + " " + at + " " + type;
    }

    private static void finding(Map<String, List<String>> findings, String rule, String detail) {
        findings.computeIfAbsent(rule, r -> new ArrayList<>()).add(detail);
    }

    private static String describe(Map<String, List<String>> findings) {
        StringBuilder text = new StringBuilder();
        findings.forEach((rule, details) -> text.append("\n").append(rule).append(": ").append(details.size()).append(", e.g. ")
                .append(details.subList(0, Math.min(5, details.size()))));
        return text.toString();
    }

    private List<JsonObject> sessionsOf(String mac) throws Exception {
        JsonObject answer = json(get("/sessions/list?mac=" + mac + "&limit=10000&tz=UTC"));
        assertTrue(answer.getInt("total") <= 10000, "more sessions than one page: " + answer.getInt("total"));
        return answer.getJsonArray("sessions").getValuesAs(JsonObject.class);
    }

    private List<JsonObject> events() throws Exception {
        List<JsonObject> events = new ArrayList<>();
        for (int offset = 0; ; offset += 10000) {
            JsonObject page = json(get("/sessions/session-events?type=all&period=100%20years&limit=10000&offset=" + offset + "&tz=UTC"));
            events.addAll(page.getJsonArray("data").getValuesAs(JsonObject.class));
            if (offset + 10000 >= page.getInt("total")) {
                return events;
            }
        }
    }

    private String get(String pathAndQuery) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + ADMIN).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), pathAndQuery + " answered " + answer.body());
        return answer.body();
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    // ---- the server ----

    /**
     * The server options that choose the database: none for Derby in the data directory; on a PostgreSQL
     * pair the profile's database with a schema of this test's own, made empty here, so that the other
     * tests' sessions (which this test's scans would close) stay apart.
     */
    private static List<String> database() throws Exception {
        List<String> options = Arrays.stream(System.getProperty("it.db.options", "").trim().split("\\s+"))
                .filter(option -> !option.isEmpty()).toList();
        String url = option(options, "sessions.db.url");
        if (url == null) {
            return List.of();
        }
        try (Connection connection = DriverManager.getConnection(url, option(options, "sessions.db.user"),
                option(options, "sessions.db.password")); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            statement.execute("CREATE SCHEMA " + SCHEMA);
        }
        List<String> own = new ArrayList<>();
        for (String option : options) {
            own.add(option.startsWith("-Dsessions.db.url=")
                    ? option + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA : option);
        }
        return own;
    }

    private static String option(List<String> options, String name) {
        return options.stream().filter(option -> option.startsWith("-D" + name + "="))
                .map(option -> option.substring(name.length() + 3)).findFirst().orElse(null);
    }

    private void start(List<String> database) throws Exception {
        int port = FreePort.pick();
        Path log = data.resolve("server-" + ++starts + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String configDir = System.getProperty("server.config.dir", "server-config");
        // the C1 compiler only: a server that is started six times and killed five starts faster so
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-Dsessions.admin.token=" + ADMIN, "-Dsessions.timezone=UTC",
                "-Dsessions.data.dir=" + data));
        command.addAll(database);
        command.addAll(List.of("-jar", required("payara.microJar"),
                "--deploy", required("sessions.war"), "--contextroot", "/",
                "--port", String.valueOf(port), "--nohazelcast",
                "--prebootcommandfile", Path.of(configDir, "payara-micro", "pre-boot-commands.asadmin").toString()));
        killed = false;
        server = new ProcessBuilder(command).directory(data.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        base = URI.create("http://127.0.0.1:" + port);
        Instant limit = Instant.now().plus(START_LIMIT);
        while (Instant.now().isBefore(limit)) {
            if (!server.isAlive()) {
                fail("The server stopped at start; its log ends with:\n" + tail(log));
            }
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(base.resolve("/sessions/totals"))
                        .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + ADMIN).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        fail("The API did not answer within " + START_LIMIT.toSeconds() + " s; the log ends with:\n" + tail(log));
    }

    /** SIGKILL: no shutdown hook, no flush, no clean close of the database. */
    private void kill() throws InterruptedException {
        killed = true;
        server.destroyForcibly();
        assertTrue(server.waitFor(30, TimeUnit.SECONDS), "the killed server is gone");
        server = null;
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || !Files.isRegularFile(Path.of(value))) {
            throw new IllegalStateException("System property " + property + " must name an existing file (set by the pom): " + value);
        }
        return value;
    }

    private static String tail(Path log) throws IOException {
        String text = Files.readString(log, StandardCharsets.ISO_8859_1);
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

package net.presence.it;

import static net.presence.it.Api.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Several instances on one PostgreSQL behind nginx (issue 11): two Payara Micro instances and the
 * balancer, started by server-config/cluster/run.sh. A page login made through the balancer holds
 * on both instances and a logout ends it on both; then a racing mix of every kind of write runs
 * through the balancer and directly at both instances, one instance gets kill -9 in the middle, and
 * the database must show no overlap, no second open session and every acknowledged write.
 * Runs in the payara-postgres pair only (pom.xml: it.excludes.cluster).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    static final Duration MIX = Duration.ofSeconds(30);
    static final Duration KILL_AT = Duration.ofSeconds(12);
    /** A balancer's 502 this soon after the kill is a request that was in flight at the victim. */
    static final Duration KILL_WINDOW = Duration.ofSeconds(10);
    static final int WORKERS = 6;
    static final long OPEN = Long.MAX_VALUE;

    static Cluster cluster;
    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = Cluster.start(2, Duration.ofSeconds(240));
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    // ----- the page

    @Test
    @Order(1)
    void aPageLoginThroughTheBalancerHoldsOnEveryInstanceAndLogoutEndsItEverywhere() throws Exception {
        URI balancer = cluster.balancer();
        HttpResponse<String> login = send(HttpRequest.newBuilder(balancer.resolve("/login"))
                .header("Origin", balancer.toString()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + ADMIN)));
        assertEquals(302, login.statusCode(), login.body());
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("sessions_login="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow(() -> new AssertionError("no login cookie"));

        int before = cluster.accessLog().size();
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> page = send(HttpRequest.newBuilder(balancer.resolve("/calendar.xhtml")).header("Cookie", cookie).GET());
            assertEquals(200, page.statusCode(), "calendar through the balancer, request " + i);
            assertTrue(page.body().contains("id=\"summary\""), "not the calendar: " + page.body());
        }
        // round-robin: the page requests went to both instances, and each honoured the other's login
        Set<String> answeredBy = cluster.accessLog().stream().skip(before).filter(line -> line.contains("GET /calendar.xhtml"))
                .map(line -> line.replaceAll(".* (127\\.0\\.0\\.1:\\d+) [0-9.]+$", "$1")).collect(Collectors.toSet());
        assertEquals(Set.of("127.0.0.1:" + (cluster.port + 1), "127.0.0.1:" + (cluster.port + 2)), answeredBy);
        for (int i = 1; i <= 2; i++) {
            assertEquals(200, send(HttpRequest.newBuilder(cluster.instance(i).resolve("/calendar.xhtml")).header("Cookie", cookie).GET())
                    .statusCode(), "instance " + i + " directly");
        }

        HttpResponse<String> logout = send(HttpRequest.newBuilder(balancer.resolve("/logout")).header("Cookie", cookie)
                .header("Origin", balancer.toString()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(302, logout.statusCode(), logout.body());
        for (URI server : List.of(cluster.instance(1), cluster.instance(2), balancer, balancer)) {
            HttpResponse<String> after = send(HttpRequest.newBuilder(server.resolve("/calendar.xhtml")).header("Cookie", cookie).GET());
            assertEquals(302, after.statusCode(), server + " still honoured the login after the logout");
            assertTrue(after.headers().firstValue("Location").orElse("").endsWith("/login.xhtml"), after.headers().map().toString());
        }
        System.out.println("CLUSTER: page login through the balancer honoured by " + answeredBy + "; logout ended it on both");
    }

    // ----- the racing mix

    /** One answer, or a failure to get one, with where it went and when. */
    record Answer(String target, String kind, int status, long at, String mac, JsonObject body) {
    }

    // ----- the live stream

    @Test
    @Order(2)
    void aCreateOnOneInstanceReachesTheStreamsOfTheOther() throws Exception {
        String mac = macs(1).get(0);
        try (SseClient second = SseClient.open(cluster.instance(2).resolve("/sessions/stream?tz=UTC"), Api.READ, null);
                SseClient first = SseClient.open(cluster.instance(1).resolve("/sessions/stream?tz=UTC"), Api.READ, null)) {
            second.next("ready", Duration.ofSeconds(5));
            first.next("ready", Duration.ofSeconds(5));
            long before = System.currentTimeMillis();
            HttpResponse<String> created = send(HttpRequest.newBuilder(cluster.instance(1).resolve("/sessions/create"))
                    .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"mac\":\"" + mac + "\",\"ip\":\"10.4.5.6\","
                            + "\"start_time\":\"2025-06-01T10:00\",\"end_time\":\"2025-06-01T10:45\"}")));
            assertEquals(200, created.statusCode(), created.body());
            SseClient.Received there = second.session(mac, Duration.ofSeconds(5));
            long millis = there.atMillis() - before;
            HttpResponse<String> listed = send(HttpRequest.newBuilder(cluster.instance(2).resolve("/sessions/list?tz=UTC&mac=" + mac))
                    .header("Authorization", "Bearer " + Api.READ).GET());
            JsonObject row = Json.createReader(new StringReader(listed.body())).readObject().getJsonArray("sessions").getJsonObject(0);
            assertEquals(row, there.json(), "the other instance's stream carries the row as its list shows it");
            assertEquals("2025-06-01 08:00", there.json().getString("ses_Connection"));
            assertEquals("0h 45m", there.json().getString("ses_Duration"));
            assertEquals(row, first.session(mac, Duration.ofSeconds(5)).json(), "and the instance that wrote it");

            HttpResponse<String> deleted = send(HttpRequest.newBuilder(cluster.instance(1).resolve("/sessions/delete?mac=" + mac))
                    .header("Authorization", "Bearer " + ADMIN).DELETE());
            assertEquals(200, deleted.statusCode(), deleted.body());
            JsonObject gone = second.next(event -> event.name().equals("deleted") && event.data().contains(mac), Duration.ofSeconds(5)).json();
            assertEquals(1, gone.getInt("deleted"));
            // the writer ignored its own notice: its next event of the device is the deletion, not the create again
            assertEquals("deleted", first.next(event -> !event.name().equals("comment") && event.data().contains(mac),
                    Duration.ofSeconds(5)).name());
            System.out.println("CLUSTER: a create on instance 1 reached instance 2's stream in " + millis + " ms");
        }
    }

    @Test
    @Order(3)
    void racingWritesOnTwoInstancesWithOneKilledKeepEveryDeviceConsistent() throws Exception {
        List<String> racy = macs(6);
        List<String> durable = macs(12);
        Map<String, AtomicInteger> slots = new ConcurrentHashMap<>();
        // acknowledged and unanswered durable sessions, as "mac start end" (epoch ms)
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> unanswered = ConcurrentHashMap.newKeySet();
        List<Answer> answers = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<String, URI> targets = Map.of("balancer", cluster.balancer(), "instance 1", cluster.instance(1),
                "instance 2", cluster.instance(2));

        long began = System.currentTimeMillis();
        long killAt = began + KILL_AT.toMillis();
        long end = began + MIX.toMillis();
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            workers.add(pool.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.currentTimeMillis() < end) {
                    int pick = random.nextInt(100);
                    String target = pick < 50 ? "balancer" : pick < 75 ? "instance 1" : "instance 2";
                    URI base = targets.get(target);
                    int op = random.nextInt(100);
                    if (op < 25) {
                        String mac = durable.get(random.nextInt(durable.size()));
                        long[] span = durableSlot(slots, mac);
                        String key = mac + " " + span[0] + " " + span[1];
                        Answer answer = call(base, target, "create", mac, "POST", "/sessions/create", "application/json",
                                create(mac, span[0], span[1]));
                        note(answer, key, acknowledged, unanswered);
                        answers.add(answer);
                    } else if (op < 28) {
                        // an import of three lines on durable devices: all or nothing
                        StringBuilder lines = new StringBuilder();
                        List<String> keys = new ArrayList<>();
                        for (int l = 0; l < 3; l++) {
                            String mac = durable.get(random.nextInt(durable.size()));
                            long[] span = durableSlot(slots, mac);
                            keys.add(mac + " " + span[0] + " " + span[1]);
                            lines.append(create(mac, span[0], span[1])).append('\n');
                        }
                        Answer answer = call(base, target, "import", null, "POST", "/sessions/import", "application/x-ndjson",
                                lines.toString());
                        keys.forEach(key -> note(answer, key, acknowledged, unanswered));
                        answers.add(answer);
                    } else if (op < 43) {
                        // creates on the contested devices: overlaps and second open sessions must be 409s
                        String mac = racy.get(random.nextInt(racy.size()));
                        long start = at(2021, 6, 1).plusMinutes(30L * random.nextInt(20)).toEpochSecond(java.time.ZoneOffset.UTC) * 1000;
                        long stop = random.nextInt(4) == 0 ? OPEN : start + 45 * 60_000L;
                        answers.add(call(base, target, "create", mac, "POST", "/sessions/create", "application/json",
                                create(mac, start, stop)));
                    } else if (op < 63) {
                        String mac = racy.get(random.nextInt(racy.size()));
                        String type = random.nextBoolean() ? "Connected" : "Disconnected";
                        answers.add(call(base, target, "observation", mac, "POST", "/sessions/events", "application/json",
                                "{\"mac\":\"" + mac + "\",\"ip\":\"10.11.0." + (1 + random.nextInt(9)) + "\",\"event_type\":\"" + type + "\"}"));
                    } else if (op < 73) {
                        // two scanners, each seeing part of the contested devices
                        List<String> seen = random.nextBoolean() ? racy.subList(0, 4) : racy.subList(2, 6);
                        String devices = seen.stream().map(mac -> "{\"mac\":\"" + mac + "\",\"ip\":\"10.11.1.1\"}")
                                .collect(Collectors.joining(","));
                        answers.add(call(base, target, "scan", null, "POST", "/sessions/scan", "application/json",
                                "{\"devices\":[" + devices + "]}"));
                    } else if (op < 83) {
                        String mac = racy.get(random.nextInt(racy.size()));
                        answers.add(call(base, target, "delete", mac, "DELETE", "/sessions/delete", "application/json",
                                "{\"mac\":\"" + mac + "\"}"));
                    } else {
                        String mac = racy.get(random.nextInt(racy.size()));
                        answers.add(call(base, target, "read", mac, "GET", "/sessions/list?mac=" + Api.encode(mac), null, null));
                    }
                }
                return null;
            }));
        }
        Thread.sleep(Math.max(0, killAt - System.currentTimeMillis()));
        cluster.kill(2);
        long killed = System.currentTimeMillis();
        for (Future<?> worker : workers) {
            worker.get(MIX.toSeconds() + 120, TimeUnit.SECONDS);
        }
        pool.shutdown();

        List<String> findings = new ArrayList<>();
        checkAnswers(answers, killed, findings);
        try (Connection db = DriverManager.getConnection(System.getProperty("it.db.url"), System.getProperty("it.db.user"),
                System.getProperty("it.db.password"))) {
            List<String> all = new ArrayList<>(racy);
            all.addAll(durable);
            checkStored(db, all, findings);
            checkDurable(db, durable, acknowledged, unanswered, findings);
        }
        report(answers, killed, acknowledged.size(), unanswered.size(), findings);
        assertTrue(findings.isEmpty(), String.join("\n", findings));
    }

    // ----- checks

    /** No 5xx but those the kill explains; every refusal is the API's JSON error; the contested writes did race. */
    void checkAnswers(List<Answer> answers, long killed, List<String> findings) {
        for (Answer answer : answers) {
            boolean victim = answer.target().equals("instance 2") && answer.at() >= killed - 1000;
            boolean inFlight = answer.target().equals("balancer") && answer.status() >= 502 && answer.status() <= 504
                    && answer.at() >= killed && answer.at() <= killed + KILL_WINDOW.toMillis();
            if (answer.status() < 0 && !victim) {
                findings.add("no answer from " + answer.target() + " to " + answer.kind() + " at +" + (answer.at() - killed) + " ms of the kill");
            } else if (answer.status() >= 500 && !inFlight) {
                findings.add(answer.status() + " from " + answer.target() + " to " + answer.kind() + ": " + answer.body());
            } else if (answer.status() >= 400 && answer.status() < 500) {
                JsonObject body = answer.body();
                if (body == null || body.getBoolean("success", true) || !body.containsKey("message")) {
                    findings.add(answer.status() + " to " + answer.kind() + " without the API's error body: " + body);
                }
                if (answer.status() != 409) {
                    findings.add(answer.status() + " to " + answer.kind() + ": " + body);
                }
            }
        }
        long refused = answers.stream().filter(a -> a.status() == 409).count();
        if (refused == 0) {
            findings.add("no 409 at all: the contested devices never raced");
        }
    }

    /** Contract semantics: [connection, disconnection), open to infinity; a zero-length session meets nothing. */
    static String effectiveEnd(String a) {
        return "CASE WHEN " + a + ".span_end = 9223372036854775807 THEN " + a + ".span_end WHEN " + a + ".connected_at IS NULL OR "
                + a + ".disconnected_at IS NULL THEN " + a + ".span_start ELSE " + a + ".disconnected_at END";
    }

    void checkStored(Connection db, List<String> macs, List<String> findings) throws Exception {
        String in = macs.stream().map(mac -> "'" + mac + "'").collect(Collectors.joining(","));
        try (PreparedStatement overlap = db.prepareStatement("SELECT a.mac, a.id, b.id FROM sessions a JOIN sessions b"
                + " ON a.mac = b.mac AND a.id < b.id AND a.span_start < " + effectiveEnd("b") + " AND b.span_start < " + effectiveEnd("a")
                + " WHERE a.mac IN (" + in + ")");
                ResultSet rows = overlap.executeQuery()) {
            while (rows.next()) {
                findings.add("overlapping sessions of " + rows.getString(1) + ": ids " + rows.getLong(2) + " and " + rows.getLong(3));
            }
        }
        try (PreparedStatement open = db.prepareStatement("SELECT mac, COUNT(*) FROM sessions WHERE span_end = 9223372036854775807"
                + " AND mac IN (" + in + ") GROUP BY mac HAVING COUNT(*) > 1");
                ResultSet rows = open.executeQuery()) {
            while (rows.next()) {
                findings.add(rows.getLong(2) + " open sessions of " + rows.getString(1));
            }
        }
    }

    /** Every acknowledged session of the durable devices is stored, and nothing but those and the unanswered ones. */
    void checkDurable(Connection db, List<String> durable, Set<String> acknowledged, Set<String> unanswered,
            List<String> findings) throws Exception {
        Set<String> stored = new HashSet<>();
        String in = durable.stream().map(mac -> "'" + mac + "'").collect(Collectors.joining(","));
        try (PreparedStatement query = db.prepareStatement("SELECT mac, connected_at, disconnected_at FROM sessions WHERE mac IN (" + in + ")");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                stored.add(rows.getString(1) + " " + rows.getLong(2) + " " + rows.getLong(3));
            }
        }
        for (String key : acknowledged) {
            if (!stored.contains(key)) {
                findings.add("an acknowledged session is missing: " + key);
            }
        }
        for (String key : stored) {
            if (!acknowledged.contains(key) && !unanswered.contains(key)) {
                findings.add("a session nobody wrote: " + key);
            }
        }
        if (acknowledged.isEmpty()) {
            findings.add("no durable write was acknowledged");
        }
    }

    void report(List<Answer> answers, long killed, int acknowledged, int unanswered, List<String> findings) {
        Map<String, Map<String, Long>> byTarget = new TreeMap<>();
        for (Answer answer : answers) {
            byTarget.computeIfAbsent(answer.target(), t -> new TreeMap<>())
                    .merge(answer.status() < 0 ? "no answer" : String.valueOf(answer.status()), 1L, Long::sum);
        }
        Map<String, Map<String, Long>> byKind = new TreeMap<>();
        for (Answer answer : answers) {
            byKind.computeIfAbsent(answer.kind(), t -> new TreeMap<>())
                    .merge(answer.status() < 0 ? "no answer" : String.valueOf(answer.status()), 1L, Long::sum);
        }
        System.out.println("CLUSTER: " + answers.size() + " requests in " + MIX.toSeconds() + " s, by target and status: " + byTarget);
        System.out.println("CLUSTER: by kind and status: " + byKind);
        List<Answer> failed = answers.stream().filter(a -> a.at() >= killed - 1000 && (a.status() < 0 || a.status() >= 500)).toList();
        for (String target : List.of("balancer", "instance 1", "instance 2")) {
            List<Answer> mine = failed.stream().filter(a -> a.target().equals(target)).toList();
            if (mine.isEmpty()) {
                System.out.println("CLUSTER: kill -9 of instance 2: no failed request through " + target);
            } else {
                System.out.println("CLUSTER: kill -9 of instance 2: " + mine.size() + " failed through " + target + " ("
                        + mine.stream().map(a -> a.status() < 0 ? "no answer" : String.valueOf(a.status())).distinct().toList()
                        + "), from +" + (mine.get(0).at() - killed) + " ms to +" + (mine.get(mine.size() - 1).at() - killed)
                        + " ms of the kill");
            }
        }
        System.out.println("CLUSTER: durable sessions acknowledged " + acknowledged + ", unanswered " + unanswered
                + "; invariant checks (no 5xx but the kill's, JSON errors, no overlap, one open session, every"
                + " acknowledged write, nothing unwritten): " + (findings.isEmpty() ? "all passed" : findings.size() + " findings"));
    }

    // ----- helpers

    static List<String> macs(int count) {
        List<String> macs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            macs.add(Api.randomMac());
        }
        return macs;
    }

    /** A durable device's next free hour (ten minutes of it), never used twice, so such writes never collide. */
    static long[] durableSlot(Map<String, AtomicInteger> slots, String mac) {
        int slot = slots.computeIfAbsent(mac, m -> new AtomicInteger()).getAndIncrement();
        long start = at(2020, 1, 1).plusHours(slot).toEpochSecond(java.time.ZoneOffset.UTC) * 1000;
        return new long[] {start, start + 10 * 60_000L};
    }

    static LocalDateTime at(int year, int month, int day) {
        return LocalDateTime.of(year, month, day, 0, 0);
    }

    static String create(String mac, long start, long stop) {
        return "{\"mac\":\"" + mac + "\",\"ip\":\"10.12.0.1\",\"start_time\":\"" + java.time.Instant.ofEpochMilli(start) + "\""
                + (stop == OPEN ? "" : ",\"end_time\":\"" + java.time.Instant.ofEpochMilli(stop) + "\"") + "}";
    }

    /** Where a durable write's answer puts it: acknowledged, or unanswered (it may have been applied before the instance died). */
    static void note(Answer answer, String key, Set<String> acknowledged, Set<String> unanswered) {
        if (answer.status() == 200) {
            acknowledged.add(key);
        } else if (answer.status() < 0 || answer.status() >= 500) {
            unanswered.add(key);
        }
    }

    static Answer call(URI base, String target, String kind, String mac, String method, String path, String type, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + ADMIN)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (type != null) {
            request.header("Content-Type", type);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonObject json = null;
            try {
                json = Json.createReader(new StringReader(response.body())).readObject();
            } catch (RuntimeException notJson) {
                // kept as null: the checks name it
            }
            return new Answer(target, kind, response.statusCode(), System.currentTimeMillis(), mac, json);
        } catch (java.io.IOException e) {
            return new Answer(target, kind, -1, System.currentTimeMillis(), mac, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(target, kind, -1, System.currentTimeMillis(), mac, null);
        }
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

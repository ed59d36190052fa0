package net.presence.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static net.presence.it.Api.ADMIN;
import static net.presence.it.Api.READ;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many clients at once against a few devices: valid and invalid creates, deletes, observations,
 * scans and imports, with reads in between, from {@value #THREADS} threads. What each thread sends
 * is fixed by the seed (system property {@code concurrency.seed}); the interleaving is not. Then,
 * through the API only: no 5xx, every answer JSON with {@code success}, each request answered as
 * its kind allows, no two sessions of a device overlap (docs/API.md §4), at most one open session per
 * device, and every acknowledged write is there.
 *
 * <p>The devices come in three groups, each in a year of its own, so that what they are checked
 * for stays checkable and no other test's windows see them:
 * <ul>
 * <li><b>created</b> (2017): only creates and imports of closed sessions, never deleted or observed.
 * Afterwards they hold exactly the acknowledged sessions (start, end, IP), except that a request
 * that got no answer may or may not have been stored.</li>
 * <li><b>observed</b> (2019): observations (in order, out of order, invalid) and whole scans that list
 * some of them. Every session an acknowledged observation opened (or made as a missing connection)
 * is still there.</li>
 * <li><b>deleted</b> (2018): creates and observations racing deletes. A session acknowledged before
 * a delete of its device was sent, and that delete acknowledged, is gone; a session written after every
 * delete of its device had answered is there.</li>
 * </ul>
 * Observations and scans carry times from one clock: request k of thread t is at minute
 * {@code k * THREADS + t} of its group's year, so concurrent requests are nearly but not exactly in
 * order, and some are refused as out of order (409), as they should be. Scans speak for every device
 * with an open session, so the created group never has one; a first scan with the current time
 * closes whatever other tests left open, and each device of the three groups is deleted before the
 * run, so that reruns on the same data directory start alike.
 *
 * <p>Time is bounded: nothing is sent after {@link #LOAD_DEADLINE} (at least {@value #AT_LEAST}
 * requests must have gone by then), or once {@value #STUCK} requests are overdue; a client waits
 * {@link #PATIENCE} for an answer before it goes on, and collects late answers up to
 * {@link #REQUEST_TIMEOUT}, so that a request stuck on a database lock is seen failing.
 */
class ConcurrencyIT extends DeployedWar {

    static final long SEED = Long.getLong("concurrency.seed", 20261201L);
    /**
     * For diagnosis only: kinds of request (as the summary names them, e.g. {@code scan,scan-duplicate})
     * that the plan replaces by reads, to see what the other writes do without them.
     */
    static final Set<String> SKIP = Set.of(System.getProperty("concurrency.skip", "").split(","));
    static final int THREADS = 8;
    static final int PER_THREAD = 300;
    /** The run must send at least this many requests before the deadline to judge anything. */
    static final int AT_LEAST = 2_000;
    /** No request is sent after this (on a quiet machine the whole plan takes a fraction of it). */
    static final Duration LOAD_DEADLINE = Duration.ofSeconds(150);
    /** A client waits this long for its answer, then sends its next request and collects the answer later. */
    static final Duration PATIENCE = Duration.ofSeconds(15);
    /** Longer than Derby's lock wait (60 s), so that a request stuck on a lock is seen failing, not lost. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(65);
    /** With this many requests overdue (unanswered after {@link #PATIENCE}) the server is stuck: sending stops. */
    static final int STUCK = 2 * THREADS;

    static final Instant CREATED_YEAR = Instant.parse("2017-01-02T00:00:00Z");
    static final Instant DELETED_YEAR = Instant.parse("2018-01-02T00:00:00Z");
    static final Instant OBSERVED_YEAR = Instant.parse("2019-01-02T00:00:00Z");
    /** Far more than the 5 minutes ahead that a time may be (a fixed value: the plan depends on the seed alone). */
    static final String FUTURE = "2999-01-01T00:00:00Z";
    /** Slots of two hours per created device: few enough that concurrent writes collide often. */
    static final int SLOTS = 120;

    static final Set<Integer> OK = Set.of(200);
    static final Set<Integer> OK_OR_CONFLICT = Set.of(200, 409);
    static final Set<Integer> OK_OR_INVALID = Set.of(200, 422);

    enum Group { CREATED, OBSERVED, DELETED, NONE }

    /** One request of the plan and what may answer it; {@code keys} name the sessions it would store. */
    record Planned(int thread, int index, String kind, Group group, String mac, String method, String path, String token,
            String contentType, String body, Set<Integer> expected, List<String> keys) {
    }

    /** What came back: status, or -1 for no answer within the time-out, -2 for a broken connection. */
    record Answer(Planned planned, int status, String body, JsonObject json, String contentType, long sentNanos,
            long answeredNanos) {

        boolean answered() {
            return status > 0;
        }

        boolean acknowledged() {
            return status / 100 == 2;
        }

        long millis() {
            return (answeredNanos - sentNanos) / 1_000_000;
        }
    }

    final List<String> created = new ArrayList<>();
    final List<String> observed = new ArrayList<>();
    final List<String> deleted = new ArrayList<>();

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void manyClientsKeepEveryDeviceConsistent() throws Exception {
        Random devices = new Random(SEED);
        int prefix = devices.nextInt(1 << 16);
        for (int i = 0; i < 6; i++) {
            created.add(mac(prefix, 0xC0, i));
        }
        for (int i = 0; i < 5; i++) {
            observed.add(mac(prefix, 0x0B, i));
        }
        for (int i = 0; i < 3; i++) {
            deleted.add(mac(prefix, 0xDE, i));
        }
        prepare();

        List<List<Planned>> plans = new ArrayList<>();
        for (int thread = 0; thread < THREADS; thread++) {
            plans.add(plan(thread, new Random(SEED * 31 + thread)));
        }

        long start = System.nanoTime();
        long deadline = start + LOAD_DEADLINE.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<CompletableFuture<Answer>> sent = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch ready = new CountDownLatch(THREADS);
        AtomicInteger overdue = new AtomicInteger();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (List<Planned> plan : plans) {
                running.add(pool.submit(() -> {
                    ready.countDown();
                    ready.await();
                    for (Planned planned : plan) {
                        if (System.nanoTime() > deadline || overdue.get() >= STUCK) {
                            return null;
                        }
                        CompletableFuture<Answer> answer = send(planned);
                        sent.add(answer);
                        try {
                            answer.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
                        } catch (TimeoutException slow) {
                            // collected below; this client goes on with its plan
                            overdue.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> done : running) {
                done.get(LOAD_DEADLINE.plus(PATIENCE).plusSeconds(10).toMillis(), TimeUnit.MILLISECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        List<Answer> answers = new ArrayList<>();
        for (CompletableFuture<Answer> answer : sent) {
            // every request ends by its own time-out at the latest
            answers.add(answer.get(REQUEST_TIMEOUT.plusSeconds(5).toMillis(), TimeUnit.MILLISECONDS));
        }
        long wall = (System.nanoTime() - start) / 1_000_000;

        Map<String, List<String>> findings = new LinkedHashMap<>();
        int planned = plans.stream().mapToInt(List::size).sum();
        if (overdue.get() >= STUCK) {
            finding(findings, "the server keeps answering", "sending stopped after " + answers.size() + " requests: " + overdue.get()
                    + " were unanswered after " + PATIENCE.toSeconds() + " s");
        } else if (answers.size() < AT_LEAST) {
            finding(findings, "at least " + AT_LEAST + " requests sent before the deadline of " + LOAD_DEADLINE.toSeconds() + " s",
                    answers.size() + " of " + planned + " sent: too few to judge");
        }
        checkAnswers(answers, findings);
        Map<String, List<JsonObject>> sessions = new TreeMap<>();
        for (String mac : all()) {
            Api.Reply listed = api.get("/sessions/list?mac=" + mac + "&limit=10000&tz=UTC", READ);
            if (listed.status() == 200) {
                sessions.put(mac, listed.json().getJsonArray("sessions").stream().map(JsonValue::asJsonObject).toList());
            } else {
                finding(findings, "the devices' sessions can be listed afterwards", mac + " -> " + listed);
                sessions.put(mac, List.of());
            }
        }
        checkSessions(sessions, findings);
        checkCreatedGroup(answers, sessions, findings);
        checkObservedGroup(answers, sessions, findings);
        checkDeletedGroup(answers, sessions, findings);

        summary(answers, planned, wall, sessions, findings);
        assertTrue(findings.isEmpty(), () -> "Invariants broken under concurrency (seed " + SEED + "):\n" + describe(findings));
    }

    // ----- before the run

    /** Closes what other tests left open (a scan speaks for every device), then empties the three groups. */
    void prepare() {
        Api.Reply cleared = api.post("/sessions/scan", ADMIN, "{\"devices\":[]}");
        assertEquals(200, cleared.status(), cleared.body());
        for (String mac : all()) {
            Api.Reply gone = api.delete("/sessions/delete", ADMIN, "{\"mac\":\"" + mac + "\"}");
            assertEquals(200, gone.status(), gone.body());
        }
    }

    List<String> all() {
        List<String> all = new ArrayList<>(created);
        all.addAll(observed);
        all.addAll(deleted);
        return all;
    }

    static String mac(int prefix, int group, int index) {
        return String.format("02:%02X:%02X:%02X:00:%02X", prefix >> 8, prefix & 0xFF, group, index);
    }

    // ----- the plan

    List<Planned> plan(int thread, Random random) {
        List<Planned> plan = new ArrayList<>();
        for (int k = 0; k < PER_THREAD; k++) {
            int serial = thread * PER_THREAD + k;
            Instant tick = Instant.ofEpochSecond(60L * (k * THREADS + thread));
            Plan p = new Plan(thread, k, serial, tick, random);
            int roll = random.nextInt(100);
            Planned next;
            if (roll < 22) {
                next = p.createClosed();
            } else if (roll < 25) {
                next = p.createMalformed();
            } else if (roll < 29) {
                next = p.createInvalid();
            } else if (roll < 35) {
                next = p.importSessions();
            } else if (roll < 51) {
                next = p.observe(OBSERVED_YEAR, Group.OBSERVED, observed);
            } else if (roll < 53) {
                next = p.observeInvalid();
            } else if (roll < 58) {
                next = p.scan();
            } else if (roll < 66) {
                next = p.createInDeleted();
            } else if (roll < 72) {
                next = p.observe(DELETED_YEAR, Group.DELETED, deleted);
            } else if (roll < 76) {
                next = p.delete();
            } else {
                next = p.read();
            }
            plan.add(SKIP.contains(next.kind()) ? p.read() : next);
        }
        return plan;
    }

    /** The makings of one planned request: its place in the plan, its clock tick and the seeded random source. */
    final class Plan {

        final int thread;
        final int index;
        final int serial;
        final Instant tick;
        final Random random;

        Plan(int thread, int index, int serial, Instant tick, Random random) {
            this.thread = thread;
            this.index = index;
            this.serial = serial;
            this.tick = tick;
            this.random = random;
        }

        Planned planned(String kind, Group group, String mac, String method, String path, String token, String contentType,
                String body, Set<Integer> expected, List<String> keys) {
            return new Planned(thread, index, kind, group, mac, method, path, token, contentType, body, expected, keys);
        }

        <T> T any(List<T> items) {
            return items.get(random.nextInt(items.size()));
        }

        /** An IP no other request of the run uses, so a stored session names the request that stored it. */
        String uniqueIp(int group) {
            return "10." + group + "." + serial / 250 + "." + (serial % 250 + 1);
        }

        Instant at(Instant year) {
            return year.plusSeconds(tick.getEpochSecond());
        }

        /** A closed session of a created device in one of its slots: some instants, some touching the slot's start. */
        String[] closedSession() {
            String mac = any(created);
            Instant slot = CREATED_YEAR.plus(2L * random.nextInt(SLOTS), ChronoUnit.HOURS);
            Instant start;
            Instant end;
            switch (random.nextInt(6)) {
                case 0 -> {
                    start = slot;
                    end = slot; // an instant at the slot's start: collides with nothing that starts there
                }
                case 1 -> {
                    start = slot.plus(30, ChronoUnit.MINUTES);
                    end = start; // an instant inside most sessions of the slot
                }
                default -> {
                    start = slot.plus(random.nextInt(4) * 15L, ChronoUnit.MINUTES);
                    end = start.plus(10 + random.nextInt(80), ChronoUnit.MINUTES);
                }
            }
            return new String[] {mac, uniqueIp(1), start.toString(), end.toString()};
        }

        String createBody(String mac, String ip, String start, String end) {
            return "{\"mac\":\"" + mac + "\",\"ip\":\"" + ip + "\",\"start_time\":\"" + start + "\""
                    + (end == null ? "" : ",\"end_time\":\"" + end + "\"") + "}";
        }

        String createdKey(String[] session) {
            return key(session[0], Instant.parse(session[2]), Instant.parse(session[3]), session[1]);
        }

        Planned createClosed() {
            String[] s = closedSession();
            String mac = random.nextBoolean() ? s[0] : s[0].toLowerCase().replace(':', '-');
            return planned("create", Group.CREATED, s[0], "POST", "/sessions/create", ADMIN, "application/json",
                    createBody(mac, s[1], s[2], s[3]), OK_OR_CONFLICT, List.of(createdKey(s)));
        }

        Planned createMalformed() {
            String[] s = closedSession();
            if (random.nextInt(3) == 0) {
                return planned("create-not-json", Group.CREATED, s[0], "POST", "/sessions/create", ADMIN, "text/plain",
                        createBody(s[0], s[1], s[2], s[3]), Set.of(415), List.of());
            }
            String whole = createBody(s[0], s[1], s[2], s[3]);
            return planned("create-malformed", Group.CREATED, s[0], "POST", "/sessions/create", ADMIN, "application/json",
                    whole.substring(0, 10 + random.nextInt(whole.length() - 12)), Set.of(400), List.of());
        }

        Planned createInvalid() {
            String[] s = closedSession();
            String body = switch (random.nextInt(7)) {
                case 0 -> createBody(s[0], "10.0.0", s[2], s[3]);
                case 1 -> createBody("zz:" + s[0].substring(3), s[1], s[2], s[3]);
                case 2 -> createBody(s[0], s[1], s[3], Instant.parse(s[2]).minusSeconds(60).toString());
                case 3 -> createBody(s[0], s[1], "2017-02-30T10:00:00", null);
                case 4 -> createBody(s[0], s[1], FUTURE, null);
                case 5 -> "{\"mac\":\"" + s[0] + "\",\"start_time\":\"" + s[2] + "\",\"end_time\":\"" + s[3] + "\"}";
                default -> createBody(s[0], s[1], s[2], s[3]).replace("}", ",\"info\":\"" + "x".repeat(251) + "\"}");
            };
            return planned("create-invalid", Group.CREATED, s[0], "POST", "/sessions/create", ADMIN, "application/json", body,
                    Set.of(422), List.of());
        }

        /** Two to four closed sessions of created devices; a third of the uploads has a bad line and stores nothing. */
        Planned importSessions() {
            int lines = 2 + random.nextInt(3);
            boolean bad = random.nextInt(3) == 0;
            int badLine = random.nextInt(lines);
            StringBuilder body = new StringBuilder();
            List<String> keys = new ArrayList<>();
            for (int line = 0; line < lines; line++) {
                String[] s = closedSession();
                String mac = s[0];
                String lineIp = "10." + (3 + line) + "." + (serial / 250) + "." + (serial % 250 + 1);
                if (bad && line == badLine) {
                    body.append(random.nextBoolean() ? createBody(mac, "10.0.0", s[2], s[3]) : "{\"mac\":\"" + mac + "\",");
                } else {
                    body.append(createBody(mac, lineIp, s[2], s[3]));
                    keys.add(key(mac, Instant.parse(s[2]), Instant.parse(s[3]), lineIp));
                }
                body.append('\n');
            }
            return planned(bad ? "import-bad-line" : "import", Group.CREATED, null, "POST", "/sessions/import", ADMIN,
                    "application/x-ndjson", body.toString(), bad ? Set.of(422) : OK_OR_INVALID, bad ? List.of() : keys);
        }

        /** One observation, mostly in clock order; one in eight is days late. */
        Planned observe(Instant year, Group group, List<String> macs) {
            String mac = any(macs);
            String type = any(List.of("Connected", "Connected", "Disconnected", "Device Down"));
            boolean late = random.nextInt(8) == 0;
            Instant time = at(year).minus(late ? 3 : 0, ChronoUnit.DAYS);
            String ip = group == Group.OBSERVED ? "10.20.0." + (1 + random.nextInt(3)) : uniqueIp(30);
            String body = "{\"mac\":\"" + mac + "\",\"ip\":\"" + ip + "\",\"event_type\":\"" + type + "\",\"time\":\"" + time + "\"}";
            // the session this observation would open, or make as a missing connection
            List<String> keys = type.equals("Connected") ? List.of(startKey(mac, time, ip)) : List.of(endKey(mac, time, ip));
            return planned(late ? "event-late" : "event", group, mac, "POST", "/sessions/events", ADMIN, "application/json",
                    body, OK_OR_CONFLICT, keys);
        }

        Planned observeInvalid() {
            String mac = any(observed);
            Instant time = at(OBSERVED_YEAR);
            return switch (random.nextInt(3)) {
                case 0 -> planned("event-invalid", Group.OBSERVED, mac, "POST", "/sessions/events", ADMIN, "application/json",
                        "{\"mac\":\"" + mac + "\",\"ip\":\"10.20.0.1\",\"event_type\":\"Asleep\",\"time\":\"" + time + "\"}",
                        Set.of(422), List.of());
                case 1 -> planned("event-invalid", Group.OBSERVED, mac, "POST", "/sessions/events", ADMIN, "application/json",
                        "{\"mac\":\"" + mac + "\",\"ip\":\"10.20.0.1\",\"event_type\":\"Connected\",\"time\":\"" + FUTURE + "\"}",
                        Set.of(422), List.of());
                default -> planned("event-malformed", Group.OBSERVED, mac, "POST", "/sessions/events", ADMIN, "application/json",
                        "{\"mac\":\"" + mac + "\",\"ip\":", Set.of(400), List.of());
            };
        }

        /** A whole scan listing some observed devices; one in five lists a device twice (in two spellings). */
        Planned scan() {
            List<String> listed = new ArrayList<>(observed);
            Collections.shuffle(listed, random);
            listed = new ArrayList<>(listed.subList(0, 1 + random.nextInt(observed.size() - 1)));
            boolean duplicate = random.nextInt(5) == 0;
            if (duplicate) {
                listed.add(listed.get(0).toLowerCase().replace(':', '-'));
            }
            String devices = listed.stream().map(mac -> "{\"mac\":\"" + mac + "\",\"ip\":\"10.20.0." + (1 + random.nextInt(3)) + "\"}")
                    .collect(Collectors.joining(","));
            return planned(duplicate ? "scan-duplicate" : "scan", Group.OBSERVED, null, "POST", "/sessions/scan", ADMIN,
                    "application/json", "{\"time\":\"" + at(OBSERVED_YEAR) + "\",\"devices\":[" + devices + "]}",
                    duplicate ? Set.of(422) : OK_OR_CONFLICT, List.of());
        }

        /** Open or closed, on the group's clock: it races the group's observations and deletes. */
        Planned createInDeleted() {
            String mac = any(deleted);
            Instant start = at(DELETED_YEAR);
            String ip = uniqueIp(40);
            String end = random.nextInt(3) == 0 ? null : start.plus(random.nextInt(4), ChronoUnit.MINUTES).toString();
            return planned("create-racing", Group.DELETED, mac, "POST", "/sessions/create", ADMIN, "application/json",
                    createBody(mac, ip, start.toString(), end), OK_OR_CONFLICT, List.of(startKey(mac, start, ip)));
        }

        Planned delete() {
            String mac = any(deleted);
            return random.nextBoolean()
                    ? planned("delete", Group.DELETED, mac, "DELETE", "/sessions/delete", ADMIN, "application/json",
                            "{\"mac\":\"" + mac.toLowerCase() + "\"}", OK, List.of())
                    : planned("delete", Group.DELETED, mac, "DELETE", "/sessions/delete?mac=" + mac.replace(":", ""), ADMIN,
                            null, null, OK, List.of());
        }

        Planned read() {
            List<String> everyone = all();
            String mac = any(everyone);
            String path = switch (random.nextInt(7)) {
                case 0 -> "/sessions/list?mac=" + mac + "&tz=UTC";
                case 1 -> "/sessions/list?start_date=2017-01-02&end_date=2017-01-04&limit=50";
                case 2 -> "/sessions/" + mac + "?period=10%20years";
                case 3 -> "/sessions/calendar?start=2019-01-02&end=2019-01-03";
                case 4 -> "/sessions/calendar?start=2018-01-02&end=2018-01-03&mac=" + mac;
                case 5 -> "/sessions/session-events?type=" + any(List.of("all", "sessions", "missing", "voided", "new", "down"))
                        + "&period=" + any(List.of("7%20days", "10%20years")) + "&limit=50";
                default -> "/sessions/totals?period=7%20days";
            };
            return planned("read " + path.replaceAll("\\?.*", "").replaceAll("/sessions/[0-9A-F:]{17}", "/sessions/{mac}"),
                    Group.NONE, null, "GET", path, READ, null, null, OK, List.of());
        }
    }

    // ----- sending

    CompletableFuture<Answer> send(Planned planned) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.base().resolve(planned.path())).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + planned.token())
                .method(planned.method(), planned.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(planned.body(), StandardCharsets.UTF_8));
        if (planned.contentType() != null) {
            request.header("Content-Type", planned.contentType());
        }
        long sent = System.nanoTime();
        return api.sendAsync(request).handle((reply, failed) -> {
            long answered = System.nanoTime();
            if (failed != null) {
                Throwable cause = failed instanceof CompletionException ? failed.getCause() : failed;
                return new Answer(planned, cause instanceof HttpTimeoutException ? -1 : -2, String.valueOf(cause), null, null,
                        sent, answered);
            }
            JsonObject json = null;
            try {
                json = Json.createReader(new StringReader(reply.body())).readObject();
            } catch (RuntimeException notJson) {
                // reported by checkAnswers
            }
            return new Answer(planned, reply.status(), reply.body(), json, reply.header("Content-Type"), sent, answered);
        });
    }

    // ----- the checks

    static void finding(Map<String, List<String>> findings, String invariant, String example) {
        findings.computeIfAbsent(invariant, k -> new ArrayList<>()).add(example);
    }

    static String describe(Map<String, List<String>> findings) {
        StringBuilder text = new StringBuilder();
        findings.forEach((invariant, examples) -> {
            text.append("- ").append(invariant).append(": ").append(examples.size()).append('\n');
            examples.stream().limit(5).forEach(example -> text.append("    ").append(example).append('\n'));
        });
        return text.toString();
    }

    static String brief(Answer answer) {
        String body = answer.body() == null ? "" : answer.body().replaceAll("\\s+", " ");
        return answer.planned().kind() + " " + answer.planned().method() + " " + answer.planned().path() + " -> " + answer.status()
                + " " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
    }

    void checkAnswers(List<Answer> answers, Map<String, List<String>> findings) {
        for (Answer answer : answers) {
            if (!answer.answered()) {
                finding(findings, "every request answered", brief(answer));
                continue;
            }
            if (answer.millis() > PATIENCE.toMillis()) {
                finding(findings, "every request answered within " + PATIENCE.toSeconds() + " s", answer.millis() + " ms: " + brief(answer));
            }
            if (answer.status() >= 500) {
                finding(findings, "no 5xx", brief(answer));
            }
            JsonValue success = answer.json() == null ? null : answer.json().get("success");
            if (success == null || (success.getValueType() != JsonValue.ValueType.TRUE
                    && success.getValueType() != JsonValue.ValueType.FALSE)) {
                finding(findings, "every answer a JSON object with a boolean 'success'", brief(answer));
            } else if (answer.json().getBoolean("success") != answer.acknowledged()) {
                finding(findings, "'success' true exactly when the status is 2xx", brief(answer));
            }
            if (answer.contentType() == null || !answer.contentType().startsWith("application/json")) {
                finding(findings, "every answer application/json", answer.contentType() + ": " + brief(answer));
            }
            if (answer.status() < 500 && !answer.planned().expected().contains(answer.status())) {
                finding(findings, "each request answered as its kind allows", "expected " + answer.planned().expected() + ": " + brief(answer));
            }
        }
    }

    /** A stored session as the half-open interval of docs/API.md §4; instants are points, open ones reach to the future. */
    record Span(Instant start, Instant end, boolean open, JsonObject row) {

        static Span of(JsonObject row) {
            Instant connection = instant(row, "ses_DateTimeConnection");
            Instant disconnection = instant(row, "ses_DateTimeDisconnection");
            boolean open = row.getBoolean("ses_StillConnected");
            if (open) {
                return new Span(connection, null, true, row);
            }
            if (connection == null) {
                return new Span(disconnection, disconnection, false, row);
            }
            return new Span(connection, disconnection == null ? connection : disconnection, false, row);
        }

        boolean isPoint() {
            return !open && start.equals(end);
        }

        boolean strictlyContains(Instant instant) {
            return instant.isAfter(start) && (open || instant.isBefore(end));
        }

        boolean overlaps(Span other) {
            if (isPoint() && other.isPoint()) {
                return start.equals(other.start);
            }
            if (isPoint()) {
                return other.strictlyContains(start);
            }
            if (other.isPoint()) {
                return strictlyContains(other.start);
            }
            return (other.open || start.isBefore(other.end)) && (open || other.start.isBefore(end));
        }
    }

    static Instant instant(JsonObject row, String field) {
        return row.isNull(field) ? null : OffsetDateTime.parse(row.getString(field)).toInstant();
    }

    static String key(String mac, Instant start, Instant end, String ip) {
        return mac + " [" + start + ", " + end + ") " + ip;
    }

    static String startKey(String mac, Instant start, String ip) {
        return mac + " from " + start + " " + ip;
    }

    static String endKey(String mac, Instant end, String ip) {
        return mac + " until " + end + " " + ip;
    }

    /** The keys a listed row answers to: its whole span, its start and its end. */
    static Set<String> keysOf(String mac, JsonObject row) {
        Instant connection = instant(row, "ses_DateTimeConnection");
        Instant disconnection = instant(row, "ses_DateTimeDisconnection");
        String ip = row.getString("ses_IP");
        Set<String> keys = new HashSet<>();
        if (connection != null && disconnection != null) {
            keys.add(key(mac, connection, disconnection, ip));
        }
        if (connection != null) {
            keys.add(startKey(mac, connection, ip));
        }
        if (disconnection != null) {
            keys.add(endKey(mac, disconnection, ip));
        }
        return keys;
    }

    void checkSessions(Map<String, List<JsonObject>> sessions, Map<String, List<String>> findings) {
        sessions.forEach((mac, rows) -> {
            List<Span> spans = rows.stream().map(Span::of).toList();
            for (int i = 0; i < spans.size(); i++) {
                for (int j = i + 1; j < spans.size(); j++) {
                    if (spans.get(i).overlaps(spans.get(j))) {
                        finding(findings, "no two sessions of a device overlap", mac + ": " + row(spans.get(i).row()) + " and "
                                + row(spans.get(j).row()));
                    }
                }
            }
            long open = spans.stream().filter(Span::open).count();
            if (open > 1) {
                finding(findings, "at most one open session per device", mac + " has " + open);
            }
        });
        for (String mac : created) {
            sessions.get(mac).stream().filter(row -> row.getBoolean("ses_StillConnected") || row.isNull("ses_DateTimeConnection")
                    || row.isNull("ses_DateTimeDisconnection")).forEach(row ->
                    finding(findings, "created devices hold closed sessions only", mac + ": " + row(row)));
        }
    }

    static String row(JsonObject row) {
        return "[" + row.get("ses_DateTimeConnection") + ", " + row.get("ses_DateTimeDisconnection") + ") "
                + row.get("ses_EventTypeConnection") + "/" + row.get("ses_EventTypeDisconnection") + " " + row.getString("ses_IP")
                + (row.getBoolean("ses_StillConnected") ? " open" : "");
    }

    /** Exactly the acknowledged sessions; an unanswered request may or may not have stored its own. */
    void checkCreatedGroup(List<Answer> answers, Map<String, List<JsonObject>> sessions, Map<String, List<String>> findings) {
        Set<String> acknowledged = new HashSet<>();
        Set<String> unknown = new HashSet<>();
        for (Answer answer : answers) {
            if (answer.planned().group() != Group.CREATED) {
                continue;
            }
            if (answer.acknowledged()) {
                acknowledged.addAll(answer.planned().keys());
            } else if (!answer.answered() || answer.status() >= 500) {
                unknown.addAll(answer.planned().keys());
            }
        }
        Set<String> listed = new HashSet<>();
        for (String mac : created) {
            for (JsonObject row : sessions.get(mac)) {
                if (row.isNull("ses_DateTimeConnection") || row.isNull("ses_DateTimeDisconnection")) {
                    continue; // reported by checkSessions
                }
                String key = key(mac, instant(row, "ses_DateTimeConnection"), instant(row, "ses_DateTimeDisconnection"),
                        row.getString("ses_IP"));
                listed.add(key);
                if (!acknowledged.contains(key) && !unknown.contains(key)) {
                    finding(findings, "created devices: every stored session was acknowledged", key);
                }
            }
        }
        acknowledged.stream().filter(key -> !listed.contains(key)).sorted().forEach(key ->
                finding(findings, "created devices: every acknowledged session is stored", key));
    }

    /** Observations that opened a session, or made a missing connection, are there; nothing deletes in this group. */
    void checkObservedGroup(List<Answer> answers, Map<String, List<JsonObject>> sessions, Map<String, List<String>> findings) {
        for (Answer answer : answers) {
            Planned planned = answer.planned();
            if (planned.group() != Group.OBSERVED || !answer.acknowledged() || planned.mac() == null || answer.json() == null) {
                continue;
            }
            String effect = answer.json().getString("effect", "");
            if (effect.equals("opened") || effect.equals("missing_connection")) {
                Set<String> keys = sessions.get(planned.mac()).stream().flatMap(row -> keysOf(planned.mac(), row).stream())
                        .collect(Collectors.toSet());
                if (!keys.containsAll(planned.keys())) {
                    finding(findings, "observed devices: every session an acknowledged observation made is stored",
                            effect + " " + planned.keys());
                }
            }
        }
    }

    /**
     * Deletes race the writes, so only two things are certain: a write acknowledged before an
     * acknowledged delete of its device was sent is gone, and a write sent after every delete of
     * its device had answered is stored.
     */
    void checkDeletedGroup(List<Answer> answers, Map<String, List<JsonObject>> sessions, Map<String, List<String>> findings) {
        Map<String, List<Answer>> deletes = new HashMap<>();
        for (Answer answer : answers) {
            if (answer.planned().kind().equals("delete")) {
                deletes.computeIfAbsent(answer.planned().mac(), k -> new ArrayList<>()).add(answer);
            }
        }
        for (Answer answer : answers) {
            Planned planned = answer.planned();
            if (planned.group() != Group.DELETED || planned.kind().equals("delete") || !answer.acknowledged()) {
                continue;
            }
            String effect = answer.json() == null ? "" : answer.json().getString("effect", "created");
            if (!Set.of("created", "opened", "missing_connection").contains(effect)) {
                continue;
            }
            List<Answer> ofDevice = deletes.getOrDefault(planned.mac(), List.of());
            Set<String> stored = sessions.get(planned.mac()).stream().flatMap(row -> keysOf(planned.mac(), row).stream())
                    .collect(Collectors.toSet());
            boolean present = stored.containsAll(planned.keys());
            boolean deletedAfter = ofDevice.stream().anyMatch(d -> d.acknowledged() && d.sentNanos() > answer.answeredNanos());
            boolean writtenAfterAll = ofDevice.stream().allMatch(d -> d.answered() && d.answeredNanos() < answer.sentNanos());
            if (deletedAfter && present) {
                finding(findings, "deleted devices: a session acknowledged before an acknowledged delete was sent is gone",
                        planned.kind() + " " + planned.keys());
            }
            if (writtenAfterAll && !present) {
                finding(findings, "deleted devices: a session written after every delete had answered is stored",
                        planned.kind() + " " + planned.keys());
            }
        }
    }

    // ----- the summary

    void summary(List<Answer> answers, int planned, long wall, Map<String, List<JsonObject>> sessions,
            Map<String, List<String>> findings) {
        Map<Integer, Long> byStatus = answers.stream().collect(Collectors.groupingBy(Answer::status, TreeMap::new, Collectors.counting()));
        Answer worst = answers.stream().filter(Answer::answered).max((a, b) -> Long.compare(a.millis(), b.millis())).orElse(null);
        System.out.printf("CONCURRENCY: seed %d%s, %d threads, %d requests sent of %d planned, answers by status %s (-1 = no answer"
                        + " within %d s), %d answered after more than %d s, worst latency %d ms (%s), wall time %d ms, %d sessions stored on %d devices%n",
                SEED, SKIP.equals(Set.of("")) ? "" : " without " + SKIP, THREADS, answers.size(), planned, byStatus, REQUEST_TIMEOUT.toSeconds(),
                answers.stream().filter(a -> a.answered() && a.millis() > PATIENCE.toMillis()).count(), PATIENCE.toSeconds(), worst == null ? -1 : worst.millis(),
                worst == null ? "-" : worst.planned().kind(), wall, sessions.values().stream().mapToInt(List::size).sum(),
                sessions.size());
        Map<String, Map<Integer, Long>> byKind = answers.stream().collect(Collectors.groupingBy(a -> a.planned().kind(), TreeMap::new,
                Collectors.groupingBy(Answer::status, TreeMap::new, Collectors.counting())));
        Map<String, LongSummaryStatistics> latency = answers.stream().filter(Answer::answered).collect(Collectors.groupingBy(
                a -> a.planned().kind(), Collectors.summarizingLong(Answer::millis)));
        byKind.forEach((kind, statuses) -> System.out.printf("CONCURRENCY:   %-32s %-28s mean %5.0f ms, worst %6d ms%n", kind, statuses,
                latency.containsKey(kind) ? latency.get(kind).getAverage() : 0.0, latency.containsKey(kind) ? latency.get(kind).getMax() : 0));
        Map<String, Long> failures = answers.stream().filter(a -> a.status() >= 500 || !a.answered())
                .collect(Collectors.groupingBy(a -> a.status() + " " + cause(a), TreeMap::new, Collectors.counting()));
        failures.forEach((cause, count) -> System.out.printf("CONCURRENCY:   failure %5d x %s%n", count, cause));
        if (!findings.isEmpty()) {
            System.out.print("CONCURRENCY: findings\n" + describe(findings));
        }
    }

    /** A 5xx's message with its numbers and MACs blurred, so that alike failures count together. */
    static String cause(Answer answer) {
        String message = answer.json() != null ? answer.json().getString("message", answer.body()) : String.valueOf(answer.body());
        message = message.replaceAll("[0-9A-Fa-f]{2}([:-][0-9A-Fa-f]{2}){5}", "<mac>").replaceAll("\\d+", "#");
        return answer.planned().kind() + ": " + (message.length() > 160 ? message.substring(0, 160) + "..." : message);
    }
}

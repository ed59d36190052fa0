package net.presence.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

import static net.presence.it.Api.ADMIN;
import static net.presence.it.Api.READ;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generated hostile-input suite (issue 16): thousands of wrong, malformed and hostile requests,
 * the same ones for the same seed ({@code -Dhostile.seed=}), over every route of the API and the
 * page, most of them written byte by byte on a socket so that they may lie as no HTTP client would.
 * Every answer is checked against the contract (docs/API.md §1, §2); sentinel devices planted first must
 * be unchanged at the end, and the server must still answer normally.
 */
class HostileInputIT extends DeployedWar {

    static final long SEED = Long.getLong("hostile.seed", 20261201L);
    static final int REQUESTS = Integer.getInteger("hostile.requests", 3200);
    /** A few threads in the suite: the machine is shared, and it tests answers, not throughput (bench/hostile.sh sends with 8). */
    static final int THREADS = Integer.getInteger("hostile.threads", 3);
    /** Generous: a loaded machine shared with other servers may take seconds for one answer. */
    static final int TIMEOUT_MILLIS = 60_000;

    /** Sentinels: first byte 0E, which no generated write with a valid token ever uses. */
    static final String CLOSED_SENTINEL = "0E:5E:00:00:00:01";
    static final String OPEN_SENTINEL = "0E:5E:00:00:00:02";
    static final List<String> SENTINELS = List.of(CLOSED_SENTINEL, OPEN_SENTINEL);

    static final String EMPTY_HOST = "host variant ''";
    static final String CUT_SHORT = "(cut short)";
    static final String BAD_VERSION = "bad version";

    static boolean connectorGap(Probe probe) {
        return probe.kind().equals(EMPTY_HOST) || probe.kind().startsWith("path /sessions/%");
    }

    /** Statuses the connector may answer by itself, empty-bodied, for a request the application never saw. */
    static final List<Integer> CONNECTOR = List.of(400, 414, 417, 431, 505);

    static final List<String> HOSTILE = List.of(
            "' OR '1'='1", "'; DROP TABLE SESSIONS; --", "1; SELECT * FROM SYS.SYSTABLES", "\" OR \"\"=\"",
            "#{7*7}", "${7*7}", "#{facesContext.externalContext.sessionMap}", "#{request.getSession().invalidate()}",
            "${jndi:ldap://127.0.0.1:1/x}", "${jndi:rmi://127.0.0.1:1/x}", "${env:HOME}",
            "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)",
            "a\r\nSet-Cookie: hijack=1", "a\r\n\r\nHTTP/1.1 200 OK", "%0d%0aLocation: http://127.0.0.1:1/",
            "../../../../../../etc/passwd", "..\\..\\..\\windows\\win.ini", "/WEB-INF/web.xml", "file:///etc/passwd",
            "\u0000", "a\u0000b", "\u0001\u0002\u001b[2J\u007f", "\t\n\r", "\u202eRTL", "\ufeffBOM", "\ud83d\ude00",
            "ΑΑ:ΒΒ:CC:DD:EE:FF", "ＡＡ:ＢＢ:ＣＣ:ＤＤ:ＥＥ:ＦＦ", "", " ", "null", "NaN", "-1", "1e999",
            "2025-02-30T10:00:00", "%s%s%s%n", "{{7*7}}", "<!ENTITY x SYSTEM \"file:///etc/passwd\">");

    static final List<String> DATE_TIMES = List.of(
            "0000-01-01T00:00:00", "0001-01-01T00:00", "-999999999-01-01T00:00:00", "+999999999-12-31T23:59:59",
            "9999-12-31T23:59:59", "10000-01-01T00:00", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59Z",
            "2025-02-29T00:00", "2024-02-29T12:00", "2025-13-01T00:00", "2025-08-01T24:00", "2025-08-01T10:00:60",
            "2025-08-01T10:00:00+18:00", "2025-08-01T10:00:00+19:00", "2025-08-01T10:00:00.0000000001",
            "2025-03-30T02:30:00", "2025-10-26T02:30:00", "2999-01-01T00:00:00Z", "2025-08-01", "10:00",
            "2025-08-01T10:00:00ZZ", "2025-08-01 10:00", "20250801T1000");

    static final List<String> DATES = List.of(
            "0000-01-01", "0001-01-01", "-0001-01-01", "9999-12-31", "+10000-01-01", "2025-02-29", "2024-02-29",
            "2025-00-10", "2025-12-32", "1970-01-01", "2025-08-01T00:00:00Z", "2025-8-1", "yesterday", "2025-08-01%00");

    static final List<String> PERIODS = List.of(
            "0 days", "-1 day", "1 fortnight", "999999999999999999999 years", "1000000000 years", "100000 years",
            "2147483648 minutes", "1 DAY", "7days", " 7 days ", "7 days; drop", "1 day 1 day", "1.5 days");

    static final List<String> NUMBERS = List.of("0", "-1", "10001", "2147483648", "9223372036854775808", "1e3",
            "0x10", "+5", " 5", "١٢", "NaN");

    final Random random = new Random(SEED);
    final List<Probe> probes = new ArrayList<>();
    final byte[] gzipBomb = gzipOfZeros(64 * 1024 * 1024);

    /** One generated request and what the contract says about it. */
    record Probe(int id, String kind, byte[] head, byte[] body, boolean api, boolean validToken, boolean mustRefuse) {
    }

    @Test
    void thousandsOfHostileRequestsGetTheContractsAnswersAndChangeNothingTheyShouldNot() throws Exception {
        Map<String, List<String>> before = plantSentinels();

        generate();
        assertTrue(probes.size() >= 3000, "too few requests generated: " + probes.size());

        RawHttp raw = new RawHttp(url.getHost(), url.getPort(), TIMEOUT_MILLIS);
        RawHttp.Answer[] answers = new RawHttp.Answer[probes.size()];
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Probe probe : probes) {
                // many client addresses, as in life: the failed-login throttle (20 a minute per address)
                // would otherwise answer most of the suite with 429 and leave the rest of the server untried
                String source = "127.0.0." + (2 + probe.id() % 200);
                running.add(pool.submit(() -> answers[probe.id()] = raw.from(source, probe.head(), probe.body())));
            }
            for (Future<?> each : running) {
                each.get(20, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (Probe probe : probes) {
            RawHttp.Answer answer = answers[probe.id()];
            byStatus.merge(answer.status(), 1, Integer::sum);
            String problem = check(probe, answer);
            if (problem != null) {
                failures.add("#" + probe.id() + " " + probe.kind() + ": " + problem + "\n    request: "
                        + shorten(new String(probe.head(), StandardCharsets.ISO_8859_1)) + "\n    answer: " + answer);
            }
        }
        System.out.println("Hostile input: seed " + SEED + ", " + probes.size() + " requests from " + THREADS + " threads, answers by status "
                + byStatus + " (-1 closed without an answer, -2 no answer in " + TIMEOUT_MILLIS / 1000 + " s)");

        assertEquals(before, sentinels(), "the sentinel devices changed");
        Api.Reply list = api.get("/sessions/list?limit=1", ADMIN);
        assertEquals(200, list.status(), "the server no longer answers normally: " + list);
        assertTrue(list.json().getBoolean("success"));
        assertEquals(200, api.get("/login.xhtml", null).status(), "the login page no longer answers");
        assertTrue(failures.isEmpty(), failures.size() + " answers break the contract:\n"
                + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
    }

    // ---- the checks ----

    /** The first rule of the contract the answer breaks, or null. */
    static String check(Probe probe, RawHttp.Answer answer) {
        int status = answer.status();
        String text = answer.text();
        if (status == -2) {
            return "no answer within " + TIMEOUT_MILLIS / 1000 + " s";
        }
        if (status == -1 && probe.kind().endsWith(CUT_SHORT)) {
            // the client promised more body than it sent and hung up: there is no one left to answer
            return null;
        }
        if (status == -1 && probe.kind().startsWith(BAD_VERSION)) {
            // the connector drops a request line it cannot parse: no answer is no HTML, redirect or 200
            return null;
        }
        if (status == -1) {
            return "the connection closed without an HTTP answer";
        }
        boolean connectorAnswer = CONNECTOR.contains(status) && answer.body().length == 0;
        if (connectorGap(probe) && status == 200 && answer.body().length == 0 && answer.header("Content-Type") == null) {
            // Known gap, outside the WAR's reach: Payara's request mapper fails on an empty Host ("Host
            // is not set" in its log) or a malformed percent-escape in the path, and the connector then
            // answers an empty 200. The application never ran (an unauthenticated scan would have
            // closed the open sentinel); the contract wants a 400, which the connector does not offer.
            return null;
        }

        if (status >= 500 && !(status == 505 && answer.body().length == 0)) {
            return "a server error";
        }
        for (String trace : List.of("\tat ", "at net.presence.", "at java.", "at org.", "Caused by:", "java.lang.",
                "Exception:", "jakarta.servlet.ServletException")) {
            if (text.contains(trace)) {
                return "a stack trace or exception in the answer";
            }
        }
        for (String file : List.of("root:x:0:0", "<web-app", "Manifest-Version", "<persistence", "databaseChangeLog",
                "[fonts]", "<f:metadata")) {
            if (text.contains(file)) {
                return "file content in the answer";
            }
        }
        String all = String.join("\n", answer.headers()) + "\n" + text;
        if (all.contains(ADMIN) || all.contains(READ)) {
            return "a token in the answer";
        }
        if (status >= 200 && status < 300 && !probe.validToken() && (probe.api() || probe.mustRefuse())) {
            return "a success without a valid token";
        }
        if (status >= 200 && status < 300 && probe.mustRefuse()) {
            return "a success for a request that must be refused";
        }
        if (status >= 300 && status < 400 && probe.api()) {
            return "a redirect from the API";
        }
        boolean head = new String(probe.head(), 0, 5, StandardCharsets.ISO_8859_1).startsWith("HEAD ");
        if (probe.api() && !connectorAnswer && !(head && answer.body().length == 0)) {
            JsonObject json;
            try {
                json = Json.createReader(new StringReader(text)).readObject();
            } catch (RuntimeException e) {
                return "not JSON";
            }
            String type = answer.header("Content-Type");
            boolean versionless = probe.kind().startsWith(BAD_VERSION) && new String(probe.head(), StandardCharsets.ISO_8859_1)
                    .lines().findFirst().orElse("").split(" ").length < 3;
            // a request line without a version is HTTP/0.9, whose answers the connector strips of headers
            if (!versionless && (type == null || !type.startsWith("application/json"))) {
                return "JSON without the JSON content type";
            }
            boolean success = status < 300;
            if (!json.containsKey("success") || json.get("success") != (success ? JsonValue.TRUE : JsonValue.FALSE)) {
                return "\"success\" does not say " + success;
            }
            if (!success && (!(json.get("error") instanceof jakarta.json.JsonString)
                    || !(json.get("message") instanceof jakarta.json.JsonString))) {
                return "not the error shape";
            }
        }
        return null;
    }

    // ---- the sentinels ----

    Map<String, List<String>> plantSentinels() {
        for (String mac : SENTINELS) {
            api.delete("/sessions/delete", ADMIN, "{\"mac\": \"" + mac + "\"}");
        }
        assertEquals(200, api.post("/sessions/create", ADMIN, "{\"mac\": \"" + CLOSED_SENTINEL + "\", \"ip\": \"10.9.9.1\","
                + " \"start_time\": \"2025-08-01T10:00:00\", \"end_time\": \"2025-08-01T12:00:00\", \"info\": \"sentinel\"}").status());
        assertEquals(200, api.post("/sessions/create", ADMIN, "{\"mac\": \"" + OPEN_SENTINEL + "\", \"ip\": \"10.9.9.2\","
                + " \"start_time\": \"2025-08-02T10:00:00\", \"info\": \"sentinel\"}").status());
        return sentinels();
    }

    /** What defines each sentinel: its sessions' ends, IPs, types and info (not the running duration). */
    Map<String, List<String>> sentinels() {
        Map<String, List<String>> seen = new TreeMap<>();
        for (String mac : SENTINELS) {
            Api.Reply reply = api.get("/sessions/" + mac + "?period=100%20years", ADMIN);
            assertEquals(200, reply.status(), reply.toString());
            List<String> rows = new ArrayList<>();
            for (JsonValue row : reply.array("sessions")) {
                JsonObject session = row.asJsonObject();
                rows.add(String.join("|", session.get("ses_DateTimeConnection").toString(),
                        session.get("ses_DateTimeDisconnection").toString(), session.getString("ses_IP"),
                        session.getString("ses_Info"), String.valueOf(session.getBoolean("ses_StillConnected"))));
            }
            seen.put(mac, rows);
        }
        return seen;
    }

    // ---- the generator ----

    /** The auth of one request: its header lines, whether it is valid, whether it may write. */
    record Auth(String headers, String query, boolean valid, boolean admin) {
    }

    Auth auth(boolean write) {
        int roll = random.nextInt(100);
        if (roll < 45) {
            return new Auth(header("Authorization", pick("Bearer ", "bearer ", "BEARER ") + ADMIN), "", true, true);
        }
        if (roll < 55) {
            return new Auth(header("Authorization", "Bearer " + READ), "", true, false);
        }
        return switch (random.nextInt(14)) {
            case 0 -> new Auth("", "", false, false);
            case 1 -> new Auth(header("Authorization", "Bearer"), "", false, false);
            case 2 -> new Auth(header("Authorization", "Bearer "), "", false, false);
            case 3 -> new Auth(header("Authorization", "Basic " + java.util.Base64.getEncoder()
                    .encodeToString(("admin:" + ADMIN).getBytes(StandardCharsets.UTF_8))), "", false, false);
            case 4 -> new Auth(header("Authorization", "Bearer " + ADMIN + " " + ADMIN), "", false, false);
            case 5 -> new Auth(header("Authorization", "Bearer " + ADMIN) + header("Authorization", "Bearer " + ADMIN), "", false, false);
            case 6 -> new Auth("", "access_token=" + ADMIN, false, false);
            case 7 -> new Auth(header("Authorization", "Bearer " + ADMIN.toUpperCase()), "", false, false);
            case 8 -> new Auth(header("Authorization", "Bearer " + ADMIN + "x"), "", false, false);
            case 9 -> new Auth(header("Authorization", "Token " + ADMIN), "", false, false);
            case 10 -> new Auth(header("Authorization", "Bearer " + pick(HOSTILE).replaceAll("[\r\n]", "")), "", false, false);
            case 11 -> new Auth(header("Authorization", "Bearer " + "A".repeat(20_000)), "", false, false);
            case 12 -> new Auth(header("X-Authorization", "Bearer " + ADMIN) + header("Cookie", "JSESSIONID=" + ADMIN), "", false, false);
            default -> new Auth(header("Authorization", "Bearer " + READ.substring(0, READ.length() - 1)), "", false, false);
        };
    }

    void generate() {
        List<Supplier<Void>> kinds = List.of(
                () -> jsonRoute("create"), () -> jsonRoute("events"), () -> jsonRoute("scan"),
                () -> jsonRoute("delete"), () -> importRoute(), () -> reads(), () -> reads(), () -> reads(),
                () -> framing(), () -> paths(), () -> pages(), () -> methods());
        // fixed first: the requests the issue names, so that every seed has them
        namedCases();
        while (probes.size() < REQUESTS) {
            kinds.get(random.nextInt(kinds.size())).get();
        }
    }

    void namedCases() {
        String scan = "{\"devices\": []}";
        for (String host : List.of("", "127.0.0.1:bad", "127.0.0.1 :80", "a b")) {
            add("host variant '" + host + "'", "POST", "/sessions/scan", "Host: " + host + "\r\n" + json(scan), bytes(scan),
                    true, false, true);
        }
        add("no Host in HTTP/1.1", "POST", "/sessions/scan", json(scan), bytes(scan), true, false, true, "HTTP/1.1", false);
        add("no Host in HTTP/1.0", "GET", "/sessions/list", "", null, true, false, true, "HTTP/1.0", false);
        add("two Hosts", "GET", "/sessions/list", header("Authorization", "Bearer " + ADMIN) + header("Host", "127.0.0.2"),
                null, true, true, true);
        for (String route : List.of("create", "events", "scan", "delete")) {
            String method = route.equals("delete") ? "DELETE" : "POST";
            for (int depth : new int[] {30_000, 100_000}) {
                byte[] deep = nested(depth, random.nextBoolean());
                add("JSON nested " + depth + " deep", method, "/sessions/" + route, adminAuth() + json(""), deep, true, true, false);
            }
            add("doubled identical Content-Length", method, "/sessions/" + route,
                    adminAuth() + "Content-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 2\r\n",
                    bytes("{}"), true, true, false, "HTTP/1.1", true, false);
        }
        add("JSON nested 100000 deep", "POST", "/sessions/import", adminAuth() + "Content-Type: application/x-ndjson\r\n",
                nested(100_000, false), true, true, false);
        add("OPTIONS WADL", "OPTIONS", "/sessions/application.wadl", adminAuth(), null, true, true, false);
        add("GET WADL", "GET", "/sessions/application.wadl", adminAuth(), null, true, true, false);
        add("TRACE", "TRACE", "/sessions/list", adminAuth(), null, true, true, true);
        add("TRACE page", "TRACE", "/", adminAuth(), null, false, true, true);
        add("leading double slash", "POST", "//sessions/scan", json(scan), bytes(scan), true, false, true);
        add("leading double slash with token", "POST", "//sessions/scan", adminAuth() + json("{\"devices\": [{\"mac\": \"zz\"}]}"),
                bytes("{\"devices\": [{\"mac\": \"zz\"}]}"), true, true, false);
    }

    String adminAuth() {
        return header("Authorization", "Bearer " + ADMIN);
    }

    Void jsonRoute(String route) {
        boolean write = true;
        Auth auth = auth(write);
        boolean admin = auth.valid() && auth.admin();
        Map<String, String> fields = new TreeMap<>();
        switch (route) {
            case "create" -> {
                fields.put("mac", quoted(admin ? freshMac() : sentinelOr(freshMac())));
                fields.put("ip", quoted("10." + random.nextInt(256) + ".0." + random.nextInt(256)));
                fields.put("start_time", quoted(pick(DATE_TIMES)));
                if (random.nextBoolean()) {
                    fields.put("end_time", quoted(pick(DATE_TIMES)));
                }
                fields.put("event_type_conn", quoted(pick("Connected", "x".repeat(31), "")));
                fields.put("info", quoted(pick(HOSTILE)));
            }
            case "events" -> {
                fields.put("mac", quoted(admin ? freshMac() : sentinelOr(freshMac())));
                fields.put("ip", quoted("10.1.0." + random.nextInt(256)));
                fields.put("event_type", quoted(pick("Connected", "Disconnected", "Device Down", "VOIDED - Connected", "New Device")));
                fields.put("time", quoted(pick(DATE_TIMES)));
                fields.put("info", quoted(pick(HOSTILE)));
            }
            case "scan" -> {
                // with a valid admin token a scan always has a bad device: a scan that ran would close the open sentinel
                String devices = "{\"mac\": \"" + freshMac() + "\", \"ip\": \"10.2.0.1\"}, {\"mac\": " + quoted(pick(HOSTILE))
                        + ", \"ip\": \"10.2.0.2\"}";
                fields.put("devices", "[" + devices + "]");
                fields.put("time", quoted(pick(DATE_TIMES)));
            }
            default -> fields.put("mac", quoted(admin ? freshMac() : sentinelOr(freshMac())));
        }
        mutate(fields, route.equals("scan") && admin);
        String method = route.equals("delete") ? "DELETE" : "POST";
        byte[] body = bytes(object(fields));
        String type = contentType();
        if (random.nextInt(12) == 0) {
            body = invalidUtf8(body);
        }
        String target = "/sessions/" + route + query(auth);
        addBody(route, method, target, auth, type, body);
        return null;
    }

    Void importRoute() {
        Auth auth = auth(true);
        StringBuilder lines = new StringBuilder();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            Map<String, String> fields = new TreeMap<>();
            fields.put("mac", quoted(auth.valid() && auth.admin() ? freshMac() : sentinelOr(freshMac())));
            fields.put("ip", quoted("10.3.0." + random.nextInt(256)));
            fields.put("start_time", quoted(pick(DATE_TIMES)));
            fields.put("info", quoted(pick(HOSTILE)));
            mutate(fields, false);
            lines.append(object(fields)).append(pick("\n", "\r\n", "\n\n", "\u2028"));
        }
        byte[] body = bytes(lines.toString());
        if (random.nextInt(8) == 0) {
            body = invalidUtf8(body);
        }
        addBody("import", "POST", "/sessions/import" + query(auth), auth, pick("application/x-ndjson", "application/json",
                "text/plain", null, "application/x-ndjson; charset=UTF-16"), body);
        return null;
    }

    void addBody(String route, String method, String target, Auth auth, String type, byte[] body) {
        String head = auth.headers() + (type == null ? "" : header("Content-Type", type));
        int framing = random.nextInt(10);
        boolean unterminated = random.nextBoolean();
        boolean api = true;
        if (framing == 0) {
            add(route + " body gzip bomb", method, target, head + header("Content-Encoding", "gzip"), gzipBomb, api,
                    auth.valid(), false);
        } else if (framing == 1) {
            add(route + " chunked" + (framing == 1 && unterminated ? " " + CUT_SHORT : ""), method, target, head + header("Transfer-Encoding", "chunked"), chunked(body, unterminated),
                    api, auth.valid(), false, "HTTP/1.1", true, false);
        } else if (framing == 2) {
            // a Content-Length that promises more than comes; the client then closes its side
            add(route + " short body " + CUT_SHORT, method, target, head + header("Content-Length", String.valueOf(body.length + 1 + random.nextInt(5000))),
                    body, api, auth.valid(), false, "HTTP/1.1", true, false);
        } else {
            add(route + " body", method, target, head, body, api, auth.valid(), false);
        }
    }

    /** Wrong, missing, null and hostile fields of every type, 1 MB strings, deep nesting. */
    void mutate(Map<String, String> fields, boolean keepBadDevice) {
        int changes = random.nextInt(4);
        List<String> names = new ArrayList<>(fields.keySet());
        names.add("unknown_" + random.nextInt(3));
        for (int i = 0; i < changes; i++) {
            String name = names.get(random.nextInt(names.size()));
            if (keepBadDevice && name.equals("devices")) {
                continue;
            }
            String value = switch (random.nextInt(16)) {
                case 0 -> null;
                case 1 -> "null";
                case 2 -> pick("0", "-1", "1e999", "3.14", "123456789012345678901234567890");
                case 3 -> pick("true", "false");
                case 4 -> "[" + quoted(pick(HOSTILE)) + "]";
                case 5 -> "{\"" + name + "\": " + quoted(pick(HOSTILE)) + "}";
                case 6 -> quoted("x".repeat(1024 * 1024));
                case 7 -> new String(nested(random.nextBoolean() ? 200 : 5000, random.nextBoolean()), StandardCharsets.UTF_8);
                case 8 -> "\"\\ud800\"";
                case 9 -> "\"\\udfff\\ud800x\"";
                case 10 -> quoted(pick(DATE_TIMES));
                case 11 -> "\"" + pick("\\u0000", "\\u001f", "\\b\\f") + "\"";
                case 12 -> "[]";
                default -> quoted(pick(HOSTILE));
            };
            if (value == null) {
                fields.remove(name);
            } else {
                fields.put(name, value);
            }
        }
        if (random.nextInt(15) == 0) {
            // a duplicate key, as JSON allows but no client means
            fields.put("mac\": \"02:00:00:00:00:01\", \"mac", quoted(pick(HOSTILE)));
        }
    }

    Void reads() {
        Auth auth = auth(false);
        String route = pick("list", "calendar", "{mac}", "session-events", "totals");
        List<String> params = new ArrayList<>();
        switch (route) {
            case "list" -> {
                param(params, "mac", sentinelOr(pick(HOSTILE)));
                param(params, "start_date", pick(DATES));
                param(params, "end_date", pick(DATES));
                param(params, "limit", pick(NUMBERS));
                param(params, "offset", pick(NUMBERS));
            }
            case "calendar" -> {
                param(params, "start", pick(DATES));
                param(params, "end", pick(DATES));
                param(params, "mac", sentinelOr(pick(HOSTILE)));
            }
            case "session-events" -> {
                param(params, "type", pick("all", "ALL", "voided", "", "x", "sessions;", pick(HOSTILE)));
                param(params, "period", pick(PERIODS));
                param(params, "limit", pick(NUMBERS));
                param(params, "offset", pick(NUMBERS));
            }
            default -> param(params, "period", pick(PERIODS));
        }
        param(params, "tz", pick("UTC", "Europe/Berlin", "Mars/Olympus", "../../etc/passwd", "GMT+25", "Z", "", pick(HOSTILE)));
        if (random.nextInt(4) == 0) {
            params.add(pick("limit=1&limit=2", "tz=UTC&tz=Europe/Berlin", "foo=bar", "=x", "&&&", "mac", "mac=%zz",
                    "period=%", "%00=1", "start=%c0%af", "a=%E0%A4%A", "x" + "y".repeat(32_000) + "=1", "tz=%ED%A0%80"));
        }
        if (!auth.query().isEmpty()) {
            params.add(auth.query());
        }
        String path = route.equals("{mac}") ? "/sessions/" + encodePath(sentinelOr(pick(HOSTILE))) : "/sessions/" + route;
        String target = path + (params.isEmpty() ? "" : "?" + String.join("&", params));
        add("GET " + route, pick("GET", "GET", "GET", "HEAD"), target, auth.headers(), null, true, auth.valid(), false);
        return null;
    }

    Void framing() {
        Auth auth = auth(true);
        String route = pick("create", "events", "scan", "import", "delete", "list");
        String method = route.equals("delete") ? "DELETE" : route.equals("list") ? "GET" : "POST";
        // a listing of one row: a GET leaves the body it was sent unread, and a server that closes with
        // unread bytes makes the kernel send a reset, which drops what the client has not yet read of a
        // long answer (Undertow did, with the whole shared database listed); the probe is about framing
        String target = "/sessions/" + route + (route.equals("list") ? "?limit=1" : "");
        byte[] body = bytes("{\"mac\": \"" + (auth.valid() ? freshMac() : CLOSED_SENTINEL) + "\", \"devices\": [{\"mac\": \"zz\"}]}");
        String head = auth.headers() + "Content-Type: application/json\r\n";
        switch (random.nextInt(12)) {
            case 0 -> add("Content-Length twice, different " + CUT_SHORT, method, target, head + "Content-Length: 2\r\nContent-Length: " + body.length
                    + "\r\n", body, true, auth.valid(), false, "HTTP/1.1", true, false);
            case 1 -> add("Content-Length negative", method, target, head + "Content-Length: -1\r\n", body, true, auth.valid(), false,
                    "HTTP/1.1", true, false);
            case 2 -> add("Content-Length not a number", method, target, head + "Content-Length: " + pick("abc", "1e3", "0x10", "", " 5 5")
                    + "\r\n", body, true, auth.valid(), false, "HTTP/1.1", true, false);
            case 3 -> add("Content-Length and chunked", method, target, head + "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n",
                    chunked(body, false), true, auth.valid(), false, "HTTP/1.1", true, false);
            case 4 -> add("broken chunk size " + CUT_SHORT, method, target, head + "Transfer-Encoding: chunked\r\n",
                    bytes(pick("zz\r\nab\r\n0\r\n\r\n", "5\r\nab\r\n0\r\n\r\n", "-1\r\n\r\n", "FFFFFFFFFFFFFFFF\r\nx\r\n")), true,
                    auth.valid(), false, "HTTP/1.1", true, false);
            case 5 -> add("Content-Length too short " + CUT_SHORT, method, target, head + "Content-Length: 5\r\n", body, true, auth.valid(), false,
                    "HTTP/1.1", true, false);
            case 6 -> add("huge Content-Length " + CUT_SHORT, method, target, head + "Content-Length: 99999999999999\r\n", body, true, auth.valid(),
                    false, "HTTP/1.1", true, false);
            case 7 -> add("too many headers", method, target, head + "X-A: b\r\n".repeat(500), body, true, auth.valid(), false);
            case 8 -> add("NUL or high bytes in a header", method, target, head + "X-Test: a" + pick("\u0000", "\u00ff\u00fe", "\u0410")
                    + "b\r\n", body, true, auth.valid(), false);
            case 9 -> add("Expect", method, target, head + "Expect: " + pick("100-continue", "200-ok", "x") + "\r\n", body, true,
                    auth.valid(), false);
            case 10 -> add(BAD_VERSION, method, target, head, body, true, auth.valid(), false,
                    pick("HTTP/9.9", "HTTP/1.1x", "HTTP/1", "HTTPS/1.1", "http/1.1", ""), true, false);
            default -> add("header line folding", method, target, head + "X-A: a\r\n b\r\n", body, true, auth.valid(), false);
        }
        return null;
    }

    Void paths() {
        Auth auth = auth(false);
        String target = pick("/sessions/../WEB-INF/web.xml", "/sessions/%2e%2e/WEB-INF/web.xml", "/WEB-INF/web.xml",
                "/META-INF/MANIFEST.MF", "/sessions/..;/WEB-INF/web.xml", "/sessions/%2e%2e%2fWEB-INF%2fweb.xml",
                "/jakarta.faces.resource/../WEB-INF/web.xml", "/jakarta.faces.resource/calendar.css.xhtml?ln=../../WEB-INF",
                "/jakarta.faces.resource/web.xml.xhtml?ln=..", "/calendar.xhtml/../WEB-INF/web.xml", "/..%c0%af../etc/passwd",
                "/%2e%2e/%2e%2e/etc/passwd", "/sessions/list;jsessionid=x", "/sessions//list", "/./sessions/list",
                "/sessions/list/", "/sessions/LIST", "/SESSIONS/list", "/sessions/list%00", "/sessions/%zz", "/sessions/%",
                "/sessions/\u00e9", "/sessions/" + "a".repeat(9000), "/sessions", "/sessions/", "/sessions/calendar/../list",
                "/login.xhtml/../WEB-INF/web.xml", "/WEB-INF/classes/META-INF/persistence.xml", "/errors", "/errors?x=1",
                "/sessions/*", "/sessions/application.wadl?detail=true", "/sessions/openapi", "/sessions/../../../etc/passwd");
        // an encoded dot-segment is a traversal too: WildFly decodes it and answers for the path it
        // leads to (/WEB-INF/web.xml, an HTML 404), Payara keeps it inside /sessions (a JSON 404)
        boolean traversal = target.contains("..") || target.toLowerCase(java.util.Locale.ROOT).contains("%2e%2e");
        boolean api = target.startsWith("/sessions") && !traversal;
        String query = auth.query().isEmpty() ? "" : (target.contains("?") ? "&" : "?") + auth.query();
        boolean fileAccess = target.contains("WEB-INF") || target.contains("META-INF") || target.contains("passwd");
        add("path " + target.substring(0, Math.min(40, target.length())), pick("GET", "POST", "DELETE"), target + query,
                auth.headers() + "Content-Length: 0\r\n", null, api, auth.valid(), fileAccess, "HTTP/1.1", true, false);
        return null;
    }

    Void pages() {
        Auth auth = auth(false);
        switch (random.nextInt(6)) {
            case 0 -> add("page /", "GET", "/?start=" + encodeQuery(pick(DATES)) + "&mac=" + encodeQuery(pick(HOSTILE)), auth.headers(),
                    null, false, false, true);
            case 1 -> add("calendar page", "GET", "/calendar.xhtml?start=" + encodeQuery(pick(DATES)) + "&end=" + encodeQuery(pick(DATES))
                    + "&mac=" + encodeQuery(sentinelOr(pick(HOSTILE))), auth.headers(), null, false, false, true);
            case 2 -> add("login page", "GET", "/login.xhtml?failed=" + encodeQuery(pick(HOSTILE)) + "&loggedOut=" + encodeQuery(pick(HOSTILE)),
                    "", null, false, false, false);
            case 3 -> {
                String form = "token=" + encodeQuery(pick(pick(HOSTILE), "", "A".repeat(100_000), ADMIN + "x", ADMIN.toUpperCase()));
                add("login with a bad token", "POST", "/login", "Content-Type: application/x-www-form-urlencoded\r\n", bytes(form), false,
                        false, true);
            }
            case 4 -> add("logout", pick("POST", "GET"), "/logout", "Content-Type: application/x-www-form-urlencoded\r\n"
                    + pick("", "Cookie: JSESSIONID=" + pick(HOSTILE).replaceAll("[\r\n;]", "") + "\r\n"), bytes("x=1"), false, false, false);
            default -> add("faces postback", "POST", "/calendar.xhtml", "Content-Type: application/x-www-form-urlencoded\r\nFaces-Request: partial/ajax\r\n",
                    bytes("jakarta.faces.ViewState=" + encodeQuery(pick(HOSTILE)) + "&jakarta.faces.partial.ajax=true"), false, false, false);
        }
        return null;
    }

    Void methods() {
        Auth auth = auth(false);
        String method = pick("PUT", "PATCH", "TRACE", "OPTIONS", "FOO", "get", "CONNECT", "PROPFIND", "DELETE", "POST");
        String target = pick("/sessions/list", "/sessions/create", "/sessions/" + CLOSED_SENTINEL, "/sessions/nowhere", "/sessions/scan");
        if (method.equals("CONNECT")) {
            target = "127.0.0.1:22";
        }
        boolean write = !List.of("OPTIONS", "get").contains(method);
        // with a valid admin token, DELETE or POST on the sentinel's path must not touch it either
        add("method " + method, method, target + (auth.query().isEmpty() ? "" : "?" + auth.query()),
                auth.headers() + "Content-Length: 0\r\n", null, !method.equals("CONNECT"), auth.valid(), write && !auth.admin(),
                "HTTP/1.1", true, false);
        return null;
    }

    // ---- building requests ----

    void add(String kind, String method, String target, String headers, byte[] body, boolean api, boolean validToken,
            boolean mustRefuse) {
        add(kind, method, target, headers, body, api, validToken, mustRefuse, "HTTP/1.1", true, true);
    }

    void add(String kind, String method, String target, String headers, byte[] body, boolean api, boolean validToken,
            boolean mustRefuse, String version, boolean host) {
        add(kind, method, target, headers, body, api, validToken, mustRefuse, version, host, true);
    }

    /** {@code length}: whether to write the body's true Content-Length (unless the headers already frame the body). */
    void add(String kind, String method, String target, String headers, byte[] body, boolean api, boolean validToken,
            boolean mustRefuse, String version, boolean host, boolean length) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target);
        if (!version.isEmpty()) {
            head.append(' ').append(version);
        }
        head.append("\r\n");
        if (host && !headers.startsWith("Host:")) {
            head.append("Host: ").append(url.getHost()).append(':').append(url.getPort()).append("\r\n");
        }
        head.append(headers);
        if (length && body != null && !headers.contains("Content-Length:") && !headers.contains("Transfer-Encoding:")) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        probes.add(new Probe(probes.size(), kind, head.toString().getBytes(StandardCharsets.UTF_8), body, api, validToken, mustRefuse));
    }

    static String header(String name, String value) {
        return name + ": " + value + "\r\n";
    }

    static String json(String body) {
        return "Content-Type: application/json\r\n";
    }

    String contentType() {
        return pick("application/json", "application/json", "application/json", "application/json; charset=UTF-8",
                "application/json; charset=ISO-8859-1", "application/json; charset=UTF-16", "text/plain", "application/xml",
                "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "*/*", "application/json\r\nContent-Type: text/plain",
                "", "application/jsonx", null);
    }

    String query(Auth auth) {
        List<String> params = new ArrayList<>();
        if (!auth.query().isEmpty()) {
            params.add(auth.query());
        }
        if (random.nextInt(6) == 0) {
            params.add(pick("mac=" + (auth.valid() ? freshMac() : CLOSED_SENTINEL), "mac=%zz", "mac=a&mac=b", "unknown=1", "%%%", "mac=%00"));
        }
        return params.isEmpty() ? "" : "?" + String.join("&", params);
    }

    void param(List<String> params, String name, String value) {
        int roll = random.nextInt(10);
        if (roll == 0) {
            return; // missing
        }
        if (roll == 1) {
            params.add(name + "="); // empty
            return;
        }
        params.add(name + "=" + encodeQuery(value));
    }

    String freshMac() {
        // first byte 02 (locally administered): never a sentinel's 0E
        return String.format("02:%02X:%02X:%02X:%02X:%02X", random.nextInt(256), random.nextInt(256), random.nextInt(256),
                random.nextInt(256), random.nextInt(256));
    }

    /** A sentinel in some spelling, half the time: refused requests about a sentinel must leave it alone. */
    String sentinelOr(String other) {
        if (random.nextBoolean()) {
            return other;
        }
        String mac = pick(SENTINELS);
        return pick(mac, mac.toLowerCase().replace(':', '-'), mac.replace(":", ""));
    }

    String pick(String... values) {
        return values[random.nextInt(values.length)];
    }

    String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    static String object(Map<String, String> fields) {
        List<String> members = new ArrayList<>();
        fields.forEach((name, value) -> members.add(quoted(name).replace("\\\"", "\"") + ": " + value));
        return "{" + String.join(", ", members) + "}";
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] nested(int depth, boolean objects) {
        StringBuilder out = new StringBuilder(depth * 6);
        for (int i = 0; i < depth; i++) {
            out.append(objects ? "{\"a\":" : "[");
        }
        out.append("1");
        for (int i = 0; i < depth; i++) {
            out.append(objects ? '}' : ']');
        }
        return bytes(out.toString());
    }

    /** Bytes that are no UTF-8: a stray continuation, an overlong slash, a surrogate encoded, 0xFF. */
    byte[] invalidUtf8(byte[] body) {
        byte[][] bad = {{(byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xFF, (byte) 0xFE},
                {(byte) 0xC3}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}};
        int at = body.length < 4 ? 0 : 2 + random.nextInt(body.length - 3);
        byte[] insert = bad[random.nextInt(bad.length)];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(body, 0, at);
        out.write(insert, 0, insert.length);
        out.write(body, at, body.length - at);
        return out.toByteArray();
    }

    static byte[] chunked(byte[] body, boolean unterminated) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int half = body.length / 2;
        for (int[] part : new int[][] {{0, half}, {half, body.length - half}}) {
            if (part[1] > 0) {
                out.writeBytes((Integer.toHexString(part[1]) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body, part[0], part[1]);
                out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        if (!unterminated) {
            out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        return out.toByteArray();
    }

    static byte[] gzipOfZeros(int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            byte[] zeros = new byte[64 * 1024];
            for (int written = 0; written < size; written += zeros.length) {
                zip.write(zeros);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    static String encodeQuery(String value) {
        return Api.encode(value);
    }

    static String encodePath(String value) {
        return Api.encode(value).replace("+", "%20");
    }

    static String shorten(String text) {
        String flat = text.replace("\r\n", " | ");
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }

    static <T> List<T> unmodifiable(List<T> list) {
        return Collections.unmodifiableList(list);
    }
}

package net.presence.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM during a write load of eight clients: after a restart on the same data, every write the
 * server acknowledged is there, exactly as sent, and nothing is half-written (every stored session
 * is one that was sent, closed, with both its events). Payara Micro + Derby only: the server is a
 * child process with a data directory of its own, which the other pairs would only repeat.
 */
class ShutdownIT {

    private static final String ADMIN = "shutdown-admin-token-0123456789";
    private static final int CLIENTS = 8;
    private static final Duration START_LIMIT = Duration.ofSeconds(240);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private Process server;
    private Path log;

    @Test
    void everyAcknowledgedWriteSurvivesSigterm() throws Exception {
        Assumptions.assumeTrue(System.getProperty("it.db.options", "").isBlank(), "Payara Micro + Derby only");
        Path data = Path.of(System.getProperty("it.data.dir", "target/it-data")).resolveSibling("shutdown-it-" + System.currentTimeMillis());
        Files.createDirectories(data);
        URI first = start(data, "server-1.log");
        awaitReady(first);

        Map<String, String> sent = new ConcurrentHashMap<>();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger(); // sent, and the connection ended without an answer
        AtomicInteger closed = new AtomicInteger(); // no connection: the server had stopped listening
        Map<Integer, AtomicInteger> other = new ConcurrentHashMap<>();
        Map<Integer, String> samples = new ConcurrentHashMap<>(); // the first body of each such status, to tell who answered
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int client = 0; client < CLIENTS; client++) {
            int id = client;
            clients.submit(() -> {
                for (int n = 0; server.isAlive() && n < 1_000_000; n++) {
                    String mac = String.format("5A:00:00:%02X:%02X:%02X", id, (n >> 8) & 0xFF, n & 0xFF);
                    String body = "{\"mac\": \"" + mac + "\", \"ip\": \"10.0." + id + "." + (n % 250 + 1) + "\","
                            + " \"start_time\": \"2025-03-01T08:00:00Z\", \"end_time\": \"2025-03-01T09:30:00Z\"}";
                    sent.put(mac, body);
                    try {
                        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(first.resolve("/sessions/create"))
                                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + ADMIN)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                        if (reply.statusCode() == 200 && reply.body().contains("\"success\":true")) {
                            acknowledged.add(mac);
                        } else if (reply.statusCode() == 503) {
                            refused.incrementAndGet();
                        } else {
                            other.computeIfAbsent(reply.statusCode(), status -> new AtomicInteger()).incrementAndGet();
                            samples.putIfAbsent(reply.statusCode(), reply.body().length() > 160 ? reply.body().substring(0, 160) : reply.body());
                        }
                    } catch (java.net.ConnectException e) {
                        closed.incrementAndGet();
                    } catch (IOException | InterruptedException e) {
                        failed.incrementAndGet();
                    }
                }
            });
        }
        // a live stream open through the stop: it must end with it, not hold it up
        SseClient live = SseClient.open(first.resolve("/sessions/stream"), ADMIN, null);
        live.next("ready", Duration.ofSeconds(10));
        Thread.sleep(4000);
        int beforeSignal = acknowledged.size();
        long signalled = System.nanoTime();
        long signalledAt = System.currentTimeMillis();
        server.destroy(); // SIGTERM
        SseClient.Received ended = live.next("end", Duration.ofSeconds(30));
        long streamMillis = ended.atMillis() - signalledAt;
        assertTrue(server.waitFor(90, TimeUnit.SECONDS), "the server did not stop within 90 s of SIGTERM");
        long stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled);
        live.close();
        assertTrue(streamMillis < 5000, "the live stream ended " + streamMillis + " ms after SIGTERM");
        clients.shutdown();
        assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS));
        assertTrue(beforeSignal > 0, "no write was acknowledged before the signal");

        URI base = start(data, "server-2.log");
        awaitReady(base);
        try {
            JsonObject totals = getJson(base, "/sessions/totals?period=100%20years");
            JsonObject list = getJson(base, "/sessions/list?limit=10000");
            int stored = list.getInt("total");
            List<String> problems = new ArrayList<>();
            Set<String> found = ConcurrentHashMap.newKeySet();
            for (var row : list.getJsonArray("sessions")) {
                JsonObject session = row.asJsonObject();
                String mac = session.getString("ses_MAC");
                found.add(mac);
                if (!sent.containsKey(mac)) {
                    problems.add("never sent: " + mac);
                } else if (session.isNull("ses_DateTimeDisconnection") || !"2h 0m".equals(session.getString("ses_Duration", ""))
                        && !"1h 30m".equals(session.getString("ses_Duration", ""))) {
                    problems.add("not as sent: " + session);
                }
            }
            for (String mac : acknowledged) {
                if (!found.contains(mac)) {
                    problems.add("acknowledged but missing: " + mac);
                }
            }
            System.out.println("Shutdown: " + sent.size() + " writes sent by " + CLIENTS + " clients, " + acknowledged.size()
                    + " acknowledged (" + beforeSignal + " before SIGTERM), " + refused.get() + " refused with 503, " + failed.get()
                    + " cut without an answer, " + closed.get() + " met a closed port, other answers by status " + other + " " + samples
                    + "; the server stopped " + stopMillis + " ms after SIGTERM (its live stream ended after " + streamMillis
                    + " ms); after the restart " + stored + " sessions and " + totals.getJsonObject("totals").getInt("all")
                    + " events found, every acknowledged write among them");
            assertEquals(List.of(), problems.size() > 20 ? problems.subList(0, 20) : problems);
            assertTrue(stored >= acknowledged.size() && stored <= acknowledged.size() + CLIENTS,
                    "at most one unacknowledged write per client may have committed: " + stored + " vs " + acknowledged.size());
            assertEquals(2 * stored, totals.getJsonObject("totals").getInt("all"), "each session has its two events");
            // Payara stops its own listener and undeploys the WAR alongside the drain, so a request that
            // arrives in that instant can meet the server's own answer instead of the drain's 503. What
            // must never happen is a success that was not a stored write.
            assertFalse(other.keySet().stream().anyMatch(status -> status / 100 == 2), "a 2xx that was not a stored create: " + other);
            assertFalse(Files.readString(log, StandardCharsets.ISO_8859_1).contains("recovery"), "Derby had to recover its log");
        } finally {
            server.destroy();
            server.waitFor(90, TimeUnit.SECONDS);
        }
    }

    private JsonObject getJson(URI base, String path) throws Exception {
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + ADMIN).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, reply.statusCode(), reply::body);
        return Json.createReader(new StringReader(reply.body())).readObject();
    }

    private URI start(Path data, String logName) throws IOException {
        int port = FreePort.pick();
        log = data.resolve(logName);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String configDir = System.getProperty("server.config.dir", "server-config");
        List<String> command = List.of(java, "-Xmx512m",
                "-Dsessions.admin.token=" + ADMIN, "-Dsessions.timezone=UTC",
                "-Dsessions.data.dir=" + data.toAbsolutePath(),
                "-jar", System.getProperty("payara.microJar"),
                "--deploy", System.getProperty("sessions.war"), "--contextroot", "/",
                "--port", String.valueOf(port), "--nohazelcast",
                "--prebootcommandfile", Path.of(configDir, "payara-micro", "pre-boot-commands.asadmin").toString());
        server = new ProcessBuilder(command).directory(data.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return URI.create("http://127.0.0.1:" + port);
    }

    private void awaitReady(URI base) throws Exception {
        Instant limit = Instant.now().plus(START_LIMIT);
        while (Instant.now().isBefore(limit)) {
            if (!server.isAlive()) {
                fail("The server stopped at start; see " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(base.resolve("/health/ready")).timeout(Duration.ofSeconds(10)).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        fail("Not ready within " + START_LIMIT.toSeconds() + " s; see " + log);
    }
}

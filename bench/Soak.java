import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The soak's load and its samples (run by soak.sh). For the given seconds: readers (a device's
 * sessions, the list, session events, totals, the calendar), writers (closed sessions created,
 * observations), and a scan of {@value #SCANNED} devices every 10 s; every 10 s the server's RSS
 * (ps) and heap (jstat -gc) go into a CSV. At the end: RSS at minute 2 and at the end, their
 * difference, request latencies and answers by status. Exit 1 when the end is more than 10 % off
 * minute 2, or a request failed with a 5xx or no answer.
 *   java bench/Soak.java <base url> <admin token> <seconds> <csv> <server pid>
 */
public class Soak {

    static final int SCANNED = 1_000;
    static final int READERS = 3;
    static final int WRITERS = 2;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    final String base;
    final String token;
    final Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
    final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    final AtomicLong clock = new AtomicLong();
    final AtomicInteger sessions = new AtomicInteger();
    volatile boolean running = true;

    Soak(String base, String token) {
        this.base = base.replaceFirst("/$", "");
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        Soak soak = new Soak(args[0], args[1]);
        int seconds = Integer.parseInt(args[2]);
        Path csv = Path.of(args[3]);
        long pid = Long.parseLong(args[4]);
        System.exit(soak.run(seconds, csv, pid));
    }

    int run(int seconds, Path csv, long pid) throws Exception {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < READERS; i++) {
            Random random = new Random(42 + i);
            threads.add(started(() -> { while (running) { read(random); } }));
        }
        for (int i = 0; i < WRITERS; i++) {
            int writer = i;
            Random random = new Random(4200 + i);
            threads.add(started(() -> { while (running) { write(writer, random); } }));
        }
        Map<Integer, long[]> samples = new TreeMap<>();
        long start = System.nanoTime();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8))) {
            out.println("second,rss_kb,heap_used_kb,heap_committed_kb,metaspace_used_kb,requests,scan_ms");
            boolean open = true;
            for (int tick = 0; tick <= seconds / 10; tick++) {
                long due = start + tick * 10_000_000_000L;
                Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
                long scanMillis = tick < seconds / 10 ? scan(open = !open) : -1;
                long rss = rss(pid);
                long[] heap = heap(pid);
                long[] sample = {rss, heap[0], heap[1], heap[2], latencies.size(), scanMillis};
                samples.put(tick * 10, sample);
                out.printf("%d,%d,%d,%d,%d,%d,%d%n", tick * 10, sample[0], sample[1], sample[2], sample[3], sample[4], sample[5]);
                out.flush();
                System.out.printf("%4d s  RSS %4d MB  heap %4d/%4d MB  metaspace %3d MB  %6d requests  scan %5d ms%n", tick * 10,
                        rss / 1024, heap[0] / 1024, heap[1] / 1024, heap[2] / 1024, sample[4], scanMillis);
            }
        }
        running = false;
        for (Thread thread : threads) {
            thread.join(70_000);
        }

        long minute2 = samples.get(120)[0];
        int last = Collections.max(samples.keySet());
        long end = samples.get(last)[0];
        double change = 100.0 * (end - minute2) / minute2;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("RSS at minute 2: %d MB; at second %d: %d MB; change %+.1f %% (limit 10 %%); peak %d MB%n", minute2 / 1024,
                last, end / 1024, change, samples.values().stream().mapToLong(s -> s[0]).max().orElse(0) / 1024);
        System.out.printf("%d requests: p50 %d ms, p99 %d ms, max %d ms; answers %s%n", sorted.size(), percentile(sorted, 50),
                percentile(sorted, 99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1), new TreeMap<>(statuses));
        boolean failed = statuses.keySet().stream().anyMatch(key -> key.matches(".* (5\\d\\d|none)"));
        return Math.abs(change) <= 10 && !failed ? 0 : 1;
    }

    static Thread started(Runnable work) {
        Thread thread = new Thread(work);
        thread.start();
        return thread;
    }

    void read(Random random) {
        String mac = mac(random.nextInt(WRITERS), random.nextInt(50));
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(random.nextInt(30));
        String path = switch (random.nextInt(5)) {
            case 0 -> "/sessions/" + mac + "?period=30%20days";
            case 1 -> "/sessions/list?mac=" + mac + "&limit=100";
            case 2 -> "/sessions/session-events?type=" + (random.nextBoolean() ? "all" : "sessions") + "&period=1%20day&limit=200";
            case 3 -> "/sessions/totals?period=7%20days";
            default -> "/sessions/calendar?start=" + day.minusDays(6) + "&end=" + day;
        };
        send("GET " + path.replaceAll("\\?.*", "").replaceAll("/sessions/[0-9A-F:]{17}", "/sessions/{mac}"),
                HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    void write(int writer, Random random) {
        String mac = mac(writer, random.nextInt(50));
        if (random.nextBoolean()) {
            // closed sessions going back from today, one minute apart, never overlapping
            Instant at = Instant.now().minus(Duration.ofMinutes(10 + 2L * sessions.incrementAndGet()));
            String body = "{\"mac\":\"" + mac + "\",\"ip\":\"10.70." + writer + ".1\",\"start_time\":\"" + at + "\",\"end_time\":\""
                    + at.plusSeconds(60) + "\"}";
            send("POST /sessions/create", json("/sessions/create", body));
        } else {
            String body = "{\"mac\":\"" + mac(writer + 8, random.nextInt(50)) + "\",\"ip\":\"10.71." + writer + ".1\",\"event_type\":\""
                    + (random.nextBoolean() ? "Connected" : "Disconnected") + "\"}";
            send("POST /sessions/events", json("/sessions/events", body));
        }
    }

    /** A whole scan of the scanned block, all of it or every other device, so sessions open and close. */
    long scan(boolean all) {
        StringBuilder devices = new StringBuilder();
        for (int i = 0; i < SCANNED; i += all ? 1 : 2) {
            devices.append(devices.length() == 0 ? "" : ",").append("{\"mac\":\"").append(String.format("02:5C:00:00:%02X:%02X", i >> 8, i & 0xFF))
                    .append("\",\"ip\":\"10.72.").append(i >> 8).append('.').append(i & 0xFF).append("\"}");
        }
        long start = System.nanoTime();
        send("POST /sessions/scan", json("/sessions/scan", "{\"devices\":[" + devices + "]}"));
        return (System.nanoTime() - start) / 1_000_000;
    }

    HttpRequest.Builder json(String path, String body) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    void send(String kind, HttpRequest.Builder request) {
        long start = System.nanoTime();
        String status;
        try {
            HttpResponse<String> answer = http.send(request.timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                    .build(), HttpResponse.BodyHandlers.ofString());
            status = String.valueOf(answer.statusCode());
        } catch (IOException | InterruptedException e) {
            status = "none";
        }
        latencies.add((System.nanoTime() - start) / 1_000_000);
        statuses.computeIfAbsent(kind + " " + status, k -> new AtomicInteger()).incrementAndGet();
    }

    static String mac(int writer, int device) {
        return String.format("02:50:%02X:00:00:%02X", writer, device);
    }

    static long percentile(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static long rss(long pid) throws IOException, InterruptedException {
        return Long.parseLong(output("ps", "-o", "rss=", "-p", String.valueOf(pid)).trim());
    }

    /** Heap used and committed, metaspace used, in kB, from jstat -gc. */
    static long[] heap(long pid) throws IOException, InterruptedException {
        String jstat = Path.of(System.getProperty("java.home"), "bin", "jstat").toString();
        String[] lines = output(jstat, "-gc", String.valueOf(pid)).trim().split("\n");
        String[] names = lines[0].trim().split("\\s+");
        String[] values = lines[1].trim().split("\\s+");
        Map<String, Double> gc = new TreeMap<>();
        for (int i = 0; i < names.length; i++) {
            // a collector without a concurrent phase shows "-" in some columns
            gc.put(names[i], values[i].equals("-") ? 0 : Double.parseDouble(values[i].replace(',', '.')));
        }
        double used = gc.get("S0U") + gc.get("S1U") + gc.get("EU") + gc.get("OU");
        double committed = gc.get("S0C") + gc.get("S1C") + gc.get("EC") + gc.get("OC");
        return new long[] {(long) used, (long) committed, (long) (double) gc.get("MU")};
    }

    static String output(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return text;
    }
}

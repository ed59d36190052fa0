import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One-device reads while a big scan runs (run by scan-p99.sh). 200 devices get a week of sessions
 * (one import), then {@value #READERS} readers read one device at a time (its sessions of the last
 * 7 days, or its list) back to back: first alone for 15 s, then during each of three scans of N
 * devices (first sight: all new; the same again: all repeated; an empty scan: all leave). Prints
 * p50, p99 and max of the reads in each phase. Exit 1 when a read during a scan has p99 of 100 ms
 * or more, or a request failed.
 *   java bench/ScanP99.java <base url> <admin token> [devices]
 */
public class ScanP99 {

    static final int READERS = 2;
    static final int READ_DEVICES = 200;
    static final long LIMIT_MS = 100;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    final String base;
    final String token;

    ScanP99(String base, String token) {
        this.base = base.replaceFirst("/$", "");
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        ScanP99 bench = new ScanP99(args[0], args[1]);
        int devices = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        System.exit(bench.run(devices));
    }

    int run(int devices) throws Exception {
        StringBuilder ndjson = new StringBuilder();
        Instant now = Instant.now();
        for (int d = 0; d < READ_DEVICES; d++) {
            for (int day = 7; day >= 1; day--) {
                Instant start = now.minus(Duration.ofDays(day)).plus(Duration.ofMinutes(d));
                ndjson.append("{\"mac\":\"").append(readMac(d)).append("\",\"ip\":\"10.80.0.").append(d % 250 + 1)
                        .append("\",\"start_time\":\"").append(start).append("\",\"end_time\":\"")
                        .append(start.plus(Duration.ofHours(8))).append("\"}\n");
            }
        }
        HttpResponse<String> imported = post("/sessions/import", "application/x-ndjson", ndjson.toString());
        System.out.println("import of the read devices: " + imported.statusCode() + " " + imported.body());

        StringBuilder all = new StringBuilder("{\"devices\":[");
        for (int i = 0; i < devices; i++) {
            all.append(i == 0 ? "" : ",").append("{\"mac\":\"").append(String.format("02:5D:%02X:%02X:%02X:00", i >> 16, (i >> 8) & 0xFF, i & 0xFF))
                    .append("\",\"ip\":\"10.").append(81 + (i >> 16)).append('.').append((i >> 8) & 0xFF).append('.').append(i & 0xFF).append("\"}");
        }
        String scan = all.append("]}").toString();

        phase("reads alone, 15 s", () -> Thread.sleep(15_000));
        boolean ok = true;
        for (String[] step : List.of(new String[] {"first sight", scan}, new String[] {"same again", scan},
                new String[] {"all leave", "{\"devices\":[]}"})) {
            ok &= phase("reads during a scan of " + devices + " devices (" + step[0] + ")", () -> {
                long start = System.nanoTime();
                HttpResponse<String> answer = post("/sessions/scan", "application/json", step[1]);
                System.out.printf("  scan: %d in %d ms: %s%n", answer.statusCode(), (System.nanoTime() - start) / 1_000_000,
                        answer.body().length() > 200 ? answer.body().substring(0, 200) : answer.body());
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException("the scan failed");
                }
            });
        }
        return ok ? 0 : 1;
    }

    interface Work {
        void run() throws Exception;
    }

    /** Reads one device at a time from {@value #READERS} threads while the work runs; true when p99 is under the limit. */
    boolean phase(String name, Work work) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, Integer> statuses = Collections.synchronizedMap(new TreeMap<>());
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < READERS; r++) {
            Random random = new Random(r);
            Thread reader = new Thread(() -> {
                while (running.get()) {
                    String mac = readMac(random.nextInt(READ_DEVICES));
                    String path = random.nextBoolean() ? "/sessions/" + mac + "?period=7%20days" : "/sessions/list?mac=" + mac;
                    long start = System.nanoTime();
                    int status;
                    try {
                        status = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode();
                    } catch (Exception e) {
                        status = -1;
                    }
                    latencies.add((System.nanoTime() - start) / 1_000_000);
                    statuses.merge(status, 1, Integer::sum);
                }
            });
            reader.start();
            readers.add(reader);
        }
        long start = System.nanoTime();
        try {
            work.run();
        } finally {
            running.set(false);
            for (Thread reader : readers) {
                reader.join(70_000);
            }
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        long p99 = percentile(sorted, 99);
        System.out.printf("%s: %d reads in %d ms, p50 %d ms, p99 %d ms, max %d ms, answers %s%n", name, sorted.size(),
                (System.nanoTime() - start) / 1_000_000, percentile(sorted, 50), p99, sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1),
                statuses);
        return p99 < LIMIT_MS && statuses.keySet().stream().allMatch(status -> status == 200);
    }

    HttpResponse<String> post(String path, String type, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + token).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String readMac(int device) {
        return String.format("02:5E:00:00:%02X:%02X", device >> 8, device & 0xFF);
    }

    static long percentile(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}

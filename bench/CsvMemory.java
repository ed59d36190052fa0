import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Streams the CSV of a 7-day session-events, page after page (limit 10,000, the route's largest
 * page), again and again until at least the target of CSV has been read, while a thread samples the
 * server's RSS (VmRSS of /proc/PID/status) every 200 ms. One full export first, unmeasured, warms
 * the server up. Prints the figures; exits 1 when RSS grew by the limit or more, or an answer was
 * not a CSV 200.
 *
 *   java bench/CsvMemory.java http://127.0.0.1:18491 TOKEN SERVER_PID [target MB] [limit MB]
 */
public class CsvMemory {

    static final String PAGE = "/sessions/session-events?type=all&period=7%20days&limit=10000&format=csv&offset=";

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        long pid = Long.parseLong(args[2]);
        long target = (args.length > 3 ? Long.parseLong(args[3]) : 100) * 1_000_000L;
        long limitMb = args.length > 4 ? Long.parseLong(args[4]) : 50;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        long[] warm = export(http, base, token);
        System.out.printf("warm-up export: %d rows, %d bytes in %d pages%n", warm[1], warm[0], warm[2]);
        Thread.sleep(3000);

        long before = rssKb(pid);
        AtomicLong peak = new AtomicLong(before);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    peak.accumulateAndGet(rssKb(pid), Math::max);
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long started = System.nanoTime();
        long bytes = 0;
        long rows = 0;
        long pages = 0;
        int exports = 0;
        while (bytes < target) {
            long[] one = export(http, base, token);
            bytes += one[0];
            rows += one[1];
            pages += one[2];
            exports++;
            System.out.printf("export %d: %.1f MB so far, RSS %d MB%n", exports, bytes / 1e6, rssKb(pid) / 1024);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        sampler.interrupt();
        sampler.join();
        long after = rssKb(pid);
        peak.accumulateAndGet(after, Math::max);
        long growthMb = (after - before) / 1024;
        long peakGrowthMb = (peak.get() - before) / 1024;
        System.out.printf("RESULT csv_mb=%.1f exports=%d pages=%d rows=%d seconds=%.1f mb_per_s=%.1f rss_before_mb=%d rss_after_mb=%d"
                + " rss_peak_mb=%d growth_mb=%d peak_growth_mb=%d limit_mb=%d%n",
                bytes / 1e6, exports, pages, rows, seconds, bytes / 1e6 / seconds, before / 1024, after / 1024, peak.get() / 1024,
                growthMb, peakGrowthMb, limitMb);
        if (peakGrowthMb >= limitMb) {
            System.out.println("FAIL: RSS grew by " + peakGrowthMb + " MB (limit " + limitMb + ")");
            System.exit(1);
        }
        System.out.println("PASS: RSS grew by at most " + peakGrowthMb + " MB while " + bytes / 1_000_000 + " MB of CSV were written");
    }

    /** One whole 7-day export, page by page: {bytes, rows, pages}. */
    static long[] export(HttpClient http, String base, String token) throws Exception {
        long bytes = 0;
        long rows = 0;
        long pages = 0;
        for (long offset = 0; ; offset += 10_000) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + PAGE + offset))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(5)).build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (response.statusCode() != 200 || !type.startsWith("text/csv")) {
                throw new IllegalStateException("offset " + offset + ": " + response.statusCode() + " " + type + " "
                        + new String(response.body().readAllBytes()));
            }
            long pageRows = -1; // the header row is not a row
            byte[] buffer = new byte[1 << 16];
            try (InputStream in = response.body()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    bytes += n;
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            pageRows++;
                        }
                    }
                }
            }
            pages++;
            long total = Long.parseLong(response.headers().firstValue("X-Total").orElseThrow());
            rows += Math.max(0, pageRows);
            if (offset + 10_000 >= total) {
                return new long[] {bytes, rows, pages};
            }
        }
    }

    static long rssKb(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for " + pid);
    }
}

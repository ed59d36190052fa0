import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Slow and greedy clients against one normal client (run by slow-clients.sh). For the given seconds,
 * {@code header} connections send their request headers one byte a second (slowloris) and
 * {@code body} connections send a declared 60,000-byte create body one byte a second, all from one
 * address; meanwhile a normal client asks for the totals every 100 ms. Prints the normal client's
 * p50, p99, max and answers, and how many slow connections the server had closed by the end. Exit 1
 * when the normal client got anything but 200 or waited a second or more for an answer.
 *   java bench/SlowClients.java <base url> <admin token> [header connections] [body connections] [seconds]
 */
public class SlowClients {

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0].replaceFirst("/$", ""));
        String token = args[1];
        int headerConnections = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        int bodyConnections = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 60;

        List<Socket> slow = new ArrayList<>();
        List<byte[]> rests = new ArrayList<>();
        for (int i = 0; i < headerConnections + bodyConnections; i++) {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
            String head;
            String rest;
            if (i < headerConnections) {
                head = "GET /sessions/totals HTTP/1.1\r\nHost: " + base.getHost() + "\r\n";
                rest = "X-Slow: " + "a".repeat(4000) + "\r\n\r\n";
            } else {
                head = "POST /sessions/create HTTP/1.1\r\nHost: " + base.getHost() + "\r\nAuthorization: Bearer " + token
                        + "\r\nContent-Type: application/json\r\nContent-Length: 60000\r\n\r\n{\"mac\":\"02:51:00:00:00:01\",\"ip\":\"";
                rest = "1".repeat(60000);
            }
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            slow.add(socket);
            rests.add(rest.getBytes(StandardCharsets.ISO_8859_1));
        }
        AtomicInteger closed = new AtomicInteger();
        boolean[] gone = new boolean[slow.size()];
        Thread dribble = new Thread(() -> {
            for (int second = 0; !Thread.currentThread().isInterrupted(); second++) {
                for (int i = 0; i < slow.size(); i++) {
                    if (gone[i]) {
                        continue;
                    }
                    try {
                        OutputStream out = slow.get(i).getOutputStream();
                        out.write(rests.get(i)[Math.min(second, rests.get(i).length - 1)]);
                        out.flush();
                    } catch (Exception e) {
                        gone[i] = true;
                        closed.incrementAndGet();
                    }
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        dribble.start();

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        List<Long> latencies = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            long start = System.nanoTime();
            int status;
            try {
                status = http.send(HttpRequest.newBuilder(base.resolve("/sessions/totals")).timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode();
            } catch (Exception e) {
                status = -1;
            }
            latencies.add((System.nanoTime() - start) / 1_000_000);
            statuses.merge(status, 1, Integer::sum);
            Thread.sleep(100);
        }
        dribble.interrupt();
        dribble.join();
        // a connection the server has closed reads end-of-stream (or an answer) at once
        int answeredOrClosed = 0;
        for (Socket socket : slow) {
            try {
                socket.setSoTimeout(50);
                socket.getInputStream().read();
                answeredOrClosed++;
            } catch (Exception e) {
                // still open and silent (a read time-out), or reset
                if (!(e instanceof java.net.SocketTimeoutException)) {
                    answeredOrClosed++;
                }
            }
            socket.close();
        }
        Collections.sort(latencies);
        long p99 = latencies.get(Math.min(latencies.size() - 1, (int) Math.ceil(0.99 * latencies.size()) - 1));
        long max = latencies.get(latencies.size() - 1);
        System.out.printf("%d slow-header and %d slow-body connections for %d s: the normal client's %d requests p50 %d ms, p99 %d ms,"
                + " max %d ms, answers %s; slow connections the server had answered or closed: %d (writes that failed: %d)%n",
                headerConnections, bodyConnections, seconds, latencies.size(), latencies.get(latencies.size() / 2), p99, max, statuses,
                answeredOrClosed, closed.get());
        System.exit(statuses.keySet().stream().allMatch(status -> status == 200) && max < 1000 ? 0 : 1);
    }
}

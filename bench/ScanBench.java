import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Times POST /sessions/scan against a running server: a first scan of N new devices, the same scan
 * again (everything repeated), one with 10% changes (5% gone, 5% new IPs), an empty scan (all
 * leave) and the first scan again (all come back: every device's last session is looked up). A warm-up round on
 * other devices runs first and is then emptied, so that the measured scans meet a warm server.
 * Run by scan.sh; on its own: java bench/ScanBench.java <base url> <admin token> [devices] [rounds] [server pid]
 */
public class ScanBench {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI scan;
    private final String token;
    /** The server's process, when known: its CPU time per scan is printed beside the wall time. */
    private final long serverPid;

    ScanBench(String base, String token, long serverPid) {
        this.scan = URI.create(base.replaceFirst("/$", "") + "/sessions/scan");
        this.token = token;
        this.serverPid = serverPid;
    }

    public static void main(String[] args) throws Exception {
        int devices = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        ScanBench bench = new ScanBench(args[0], args[1], args.length > 4 ? Long.parseLong(args[4]) : 0);
        Random random = new Random(42);
        // locally administered MACs, never a real device's; a new block each run, so that reruns
        // against one server meet unknown devices again
        long block = 0x02_00_00_00_00_00L | (System.currentTimeMillis() / 1000 % 0xFFFF) << 24;

        List<String[]> warm = network(block, devices);
        bench.post("warm-up, new", warm);
        bench.post("warm-up, repeated", warm);
        bench.post("warm-up, empty scan closes all", List.of());

        System.out.printf("%-34s %8s %10s  %s%n", "scan of " + devices + " devices", "ms", "server cpu", "server answer");
        for (int round = 1; round <= rounds; round++) {
            List<String[]> network = network(block + ((long) round << 20), devices);
            bench.post("round " + round + ": first sight (new)", network);
            bench.post("round " + round + ": same again (repeated)", network);
            List<String[]> changed = new ArrayList<>();
            for (String[] device : network) {
                int dice = random.nextInt(20);
                if (dice == 0) {
                    continue;                                  // 5% left: closed
                }
                changed.add(dice == 1 ? new String[] {device[0], "10.99." + random.nextInt(256) + "." + random.nextInt(256)}
                        : device);                             // 5% roamed: ip_changed
            }
            bench.post("round " + round + ": 10% changed", changed);
            bench.post("round " + round + ": empty scan closes all", List.of());
            bench.post("round " + round + ": all come back", network);
            bench.post("round " + round + ": empty scan closes all", List.of());
        }
    }

    static List<String[]> network(long first, int size) {
        List<String[]> devices = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String hex = String.format("%012X", first + i);
            devices.add(new String[] {hex.replaceAll("(..)(?!$)", "$1:"), "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255)});
        }
        return devices;
    }

    void post(String name, List<String[]> devices) throws Exception {
        StringBuilder body = new StringBuilder(devices.size() * 48 + 32).append("{\"devices\":[");
        for (int i = 0; i < devices.size(); i++) {
            body.append(i == 0 ? "" : ",").append("{\"mac\":\"").append(devices.get(i)[0])
                    .append("\",\"ip\":\"").append(devices.get(i)[1]).append("\"}");
        }
        body.append("]}");
        HttpRequest request = HttpRequest.newBuilder(scan).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        long cpu = serverCpuMillis();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        long millis = (System.nanoTime() - start) / 1_000_000;
        cpu = serverCpuMillis() - cpu;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(name + ": " + response.statusCode() + " " + response.body());
        }
        System.out.printf("%-34s %8d %10s  %s%n", name, millis, serverPid == 0 ? "" : cpu, response.body());
    }

    /** User and system time of the server process so far (Linux), or 0. */
    long serverCpuMillis() {
        if (serverPid == 0) {
            return 0;
        }
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + serverPid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);   // utime, stime
            return ticks * 10;   // USER_HZ is 100 on Linux
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}

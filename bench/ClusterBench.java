import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The scaling figure: the same read and write scenarios against one instance and against two on
 * one PostgreSQL, with the CPU each party spent per request (instances, PostgreSQL, nginx, this
 * client), read from /proc, so that the ratio comes with where the time went. Run by cluster.sh:
 *
 *   java bench/ClusterBench.java <balancer> <instance 1> <instance 2> <admin token> <seconds> <threads> <cluster dir>
 *
 * Scenarios: "read" is GET /sessions/list?mac= of a random device (20 sessions a device),
 * "write" is POST /sessions/events, alternately Connected and Disconnected, each client thread on
 * devices of its own so that no two writers wait for one device. Targets: instance 1 alone, both
 * instances through nginx, both directly (this client alternating: the balancer's own cost left out).
 */
public class ClusterBench {

    static final int DEVICES = 500;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    final String token;
    final List<String> macs = new ArrayList<>();

    ClusterBench(String token) {
        this.token = token;
        long block = 0x02_00_00_00_00_00L | (System.currentTimeMillis() / 1000 % 0xFFFF) << 24;
        for (int i = 0; i < DEVICES; i++) {
            macs.add(String.format("%012X", block + i).replaceAll("(..)(?!$)", "$1:"));
        }
    }

    public static void main(String[] args) throws Exception {
        URI balancer = URI.create(args[0]);
        URI one = URI.create(args[1]);
        URI two = URI.create(args[2]);
        ClusterBench bench = new ClusterBench(args[3]);
        int seconds = Integer.parseInt(args[4]);
        int threads = Integer.parseInt(args[5]);
        Path dir = Path.of(args[6]);
        long[] instances = {pid(dir.resolve("instance-1.pid")), pid(dir.resolve("instance-2.pid"))};
        long nginx = pid(dir.resolve("nginx.pid"));

        bench.seed(balancer);
        Map<String, List<URI>> targets = new java.util.LinkedHashMap<>();
        targets.put("1 instance", List.of(one));
        targets.put("2 instances, nginx", List.of(balancer));
        targets.put("2 instances, direct", List.of(one, two));
        // warm-up: every instance compiles the paths it serves
        for (String scenario : List.of("read", "write")) {
            bench.run(scenario, List.of(one, two), threads, Math.max(5, seconds / 2));
        }
        System.out.printf("%n| scenario | target | threads | req/s | p50 ms | p99 ms | errors | CPU ms per request: instances / PostgreSQL / nginx / client | machine busy |%n");
        System.out.printf("|---|---|---|---|---|---|---|---|---|%n");
        Map<String, Double> throughput = new TreeMap<>();
        for (String scenario : List.of("read", "write")) {
            for (Map.Entry<String, List<URI>> target : targets.entrySet()) {
                Thread.sleep(3000);
                Cpu before = Cpu.now(instances, nginx);
                long began = System.nanoTime();
                Result result = bench.run(scenario, target.getValue(), threads, seconds);
                double wall = (System.nanoTime() - began) / 1e9;
                Cpu spent = Cpu.now(instances, nginx).minus(before);
                double rate = result.ok / wall;
                throughput.put(scenario + " " + target.getKey(), rate);
                double per = Math.max(1, result.ok);
                System.out.printf("| %s | %s | %d | %.0f | %.1f | %.1f | %d | %.2f / %.2f / %.2f / %.2f | %.0f%% |%n",
                        scenario, target.getKey(), threads, rate, result.percentile(50), result.percentile(99), result.errors,
                        spent.instances / per, spent.postgres / per, spent.nginx / per, spent.client / per,
                        100.0 * spent.busy / Math.max(1, spent.total));
            }
        }
        System.out.println();
        for (String scenario : List.of("read", "write")) {
            double single = throughput.get(scenario + " 1 instance");
            System.out.printf("RATIO %s: 1 -> 2 instances %.2f through nginx, %.2f direct%n", scenario,
                    throughput.get(scenario + " 2 instances, nginx") / single, throughput.get(scenario + " 2 instances, direct") / single);
        }
    }

    /** 20 closed sessions a device in 2024, in one import. */
    void seed(URI base) throws Exception {
        StringBuilder lines = new StringBuilder();
        for (String mac : macs) {
            for (int day = 0; day < 20; day++) {
                lines.append("{\"mac\":\"").append(mac).append("\",\"ip\":\"10.20.0.1\",\"start_time\":\"2024-03-")
                        .append(String.format("%02dT08:00:00Z", day + 1)).append("\",\"end_time\":\"2024-03-")
                        .append(String.format("%02dT17:00:00Z", day + 1)).append("\"}\n");
            }
        }
        HttpResponse<String> imported = HTTP.send(HttpRequest.newBuilder(base.resolve("/sessions/import"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(lines.toString())).build(), HttpResponse.BodyHandlers.ofString());
        if (imported.statusCode() != 200) {
            throw new IllegalStateException("seed import: " + imported.statusCode() + " " + imported.body());
        }
        System.out.println("seeded " + DEVICES + " devices x 20 sessions: " + imported.body());
    }

    record Result(long ok, long errors, long[] micros) {
        double percentile(int p) {
            if (micros.length == 0) {
                return 0;
            }
            return micros[Math.min(micros.length - 1, (int) Math.ceil(p / 100.0 * micros.length) - 1)] / 1000.0;
        }
    }

    Result run(String scenario, List<URI> targets, int threads, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        List<Future<long[]>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                List<Long> times = new ArrayList<>();
                long errors = 0;
                boolean connected = false;
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < end) {
                    URI base = targets.get(Math.floorMod(next.getAndIncrement(), targets.size()));
                    HttpRequest.Builder request;
                    if (scenario.equals("read")) {
                        String mac = macs.get(random.nextInt(macs.size()));
                        request = HttpRequest.newBuilder(base.resolve("/sessions/list?limit=50&mac=" + mac)).GET();
                    } else {
                        // this thread's own devices: thread, thread + threads, ...
                        String mac = macs.get(thread + threads * random.nextInt(DEVICES / threads));
                        connected = !connected;
                        request = HttpRequest.newBuilder(base.resolve("/sessions/events")).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"mac\":\"" + mac + "\",\"ip\":\"10.20.0.2\",\"event_type\":\""
                                        + (connected ? "Connected" : "Disconnected") + "\"}"));
                    }
                    long began = System.nanoTime();
                    try {
                        HttpResponse<Void> response = HTTP.send(request.header("Authorization", "Bearer " + token)
                                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding());
                        // anything but 200 counts as an error: no other thread writes this thread's devices
                        if (response.statusCode() == 200) {
                            times.add((System.nanoTime() - began) / 1000);
                        } else {
                            errors++;
                        }
                    } catch (IOException e) {
                        errors++;
                    }
                }
                long[] out = new long[times.size() + 1];
                out[0] = errors;
                for (int i = 0; i < times.size(); i++) {
                    out[i + 1] = times.get(i);
                }
                return out;
            }));
        }
        long errors = 0;
        List<Long> all = new ArrayList<>();
        for (Future<long[]> future : futures) {
            long[] out = future.get();
            errors += out[0];
            for (int i = 1; i < out.length; i++) {
                all.add(out[i]);
            }
        }
        pool.shutdown();
        long[] micros = all.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(micros);
        return new Result(micros.length, errors, micros);
    }

    static long pid(Path file) throws IOException {
        return Long.parseLong(Files.readString(file).strip());
    }

    /** CPU milliseconds so far: the instances' JVMs, every postgres process, nginx (master and workers), this JVM; and the machine's busy and total jiffies. */
    record Cpu(double instances, double postgres, double nginx, double client, long busy, long total) {

        static final double MS_PER_TICK = 10; // USER_HZ is 100 on Linux

        static Cpu now(long[] instances, long nginx) throws IOException {
            double mine = 0;
            for (long pid : instances) {
                mine += ticks(pid);
            }
            double postgres = 0;
            double balancer = 0;
            try (var procs = Files.list(Path.of("/proc"))) {
                for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    String stat;
                    try {
                        stat = Files.readString(proc.resolve("stat"));
                    } catch (IOException gone) {
                        continue;
                    }
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    long pid = Long.parseLong(proc.getFileName().toString());
                    if (comm.equals("postgres")) {
                        postgres += ticks(stat);
                    } else if (comm.equals("nginx") && (pid == nginx || parent(stat) == nginx)) {
                        balancer += ticks(stat);
                    }
                }
            }
            double client = ticks(ProcessHandle.current().pid());
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < cpu.length; i++) {
                total += Long.parseLong(cpu[i]);
            }
            long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            return new Cpu(mine * MS_PER_TICK, postgres * MS_PER_TICK, balancer * MS_PER_TICK, client * MS_PER_TICK,
                    total - idle, total);
        }

        Cpu minus(Cpu before) {
            return new Cpu(instances - before.instances, postgres - before.postgres, nginx - before.nginx,
                    client - before.client, busy - before.busy, total - before.total);
        }

        static double ticks(long pid) throws IOException {
            try {
                return ticks(Files.readString(Path.of("/proc", String.valueOf(pid), "stat")));
            } catch (IOException gone) {
                return 0;
            }
        }

        /** utime + stime, fields 14 and 15 of /proc/pid/stat (counted after the command's closing parenthesis). */
        static double ticks(String stat) {
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        }

        static long parent(String stat) {
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
        }
    }
}

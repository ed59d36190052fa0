package net.presence.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Two Payara Micro instances and nginx in front of them, started by server-config/cluster/run.sh
 * exactly as an operator starts them, on free loopback ports next to the ones Arquillian's server
 * uses, sharing the PostgreSQL the test suite runs on.
 */
final class Cluster implements AutoCloseable {

    final int port;
    final int instances;
    final Path dir;
    private final Process process;

    private Cluster(int port, int instances, Path dir, Process process) {
        this.port = port;
        this.instances = instances;
        this.dir = dir;
        this.process = process;
    }

    static Cluster start(int instances, Duration patience) throws IOException, InterruptedException {
        Path target = Path.of(System.getProperty("sessions.war", "target/sessions.war")).toAbsolutePath().getParent();
        Path dir = target.resolve("cluster-it");
        deleteTree(dir);
        Files.createDirectories(dir);
        int port = freePorts(instances + 1);
        Path script = Path.of(System.getProperty("server.config.dir", "server-config"), "cluster", "run.sh");
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), String.valueOf(instances))
                .redirectErrorStream(true).redirectOutput(dir.resolve("run.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("CLUSTER_PORT", String.valueOf(port));
        env.put("CLUSTER_DIR", dir.toString());
        env.put("CLUSTER_JAVA_OPTS", "-Xmx384m");
        env.put("PAYARA_MICRO_JAR", System.getProperty("payara.microJar"));
        env.put("SESSIONS_WAR", System.getProperty("sessions.war"));
        env.put("SESSIONS_DB_URL", System.getProperty("it.db.url"));
        env.put("SESSIONS_DB_USER", System.getProperty("it.db.user"));
        env.put("SESSIONS_DB_PASSWORD", System.getProperty("it.db.password"));
        env.put("SESSIONS_ADMIN_TOKEN", Api.ADMIN);
        env.put("SESSIONS_READ_TOKEN", Api.READ);
        env.put("SESSIONS_TIMEZONE", Api.ZONE);
        // the stale timer ticks every second on both instances, so its turn is contested all the time;
        // only devices unobserved for ten years go stale, none of this test's
        env.put("SESSIONS_STALE_SECONDS", "315360000");
        env.put("SESSIONS_STALE_CHECK_SECONDS", "1");
        Cluster cluster = new Cluster(port, instances, dir, builder.start());
        long until = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < until) {
            String log = Files.readString(dir.resolve("run.log"));
            if (log.contains("cluster ready")) {
                System.out.println("CLUSTER: " + log.lines().filter(line -> line.startsWith("cluster ready")).findFirst().orElse(""));
                return cluster;
            }
            if (!cluster.process.isAlive()) {
                throw new IllegalStateException("run.sh ended before the cluster was ready:\n" + log);
            }
            Thread.sleep(500);
        }
        cluster.close();
        throw new IllegalStateException("The cluster was not ready within " + patience + ":\n" + Files.readString(dir.resolve("run.log")));
    }

    URI balancer() {
        return URI.create("http://127.0.0.1:" + port);
    }

    URI instance(int i) {
        return URI.create("http://127.0.0.1:" + (port + i));
    }

    /** kill -9 of one instance: no shutdown, no goodbye to the balancer or the database. */
    void kill(int i) throws IOException, InterruptedException {
        String pid = Files.readString(dir.resolve("instance-" + i + ".pid")).strip();
        Process kill = new ProcessBuilder("kill", "-9", pid).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -9 " + pid + " failed");
        }
    }

    /** The balancer's access log: request line, status and the instance that answered, one a line. */
    List<String> accessLog() throws IOException {
        return Files.readAllLines(dir.resolve("nginx-access.log"));
    }

    /** SIGTERM, as an operator's Ctrl-C: run.sh stops nginx and the instances it started. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** The first of a run of free loopback ports (the balancer's, then one per instance). */
    private static int freePorts(int count) throws IOException {
        for (int base = 18180; base < 19000; base += 10) {
            if (allFree(base, count)) {
                return base;
            }
        }
        throw new IOException("no " + count + " free ports from 18180 on");
    }

    private static boolean allFree(int base, int count) {
        for (int port = base; port < base + count; port++) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress("127.0.0.1", port));
            } catch (IOException taken) {
                return false;
            }
        }
        return true;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}

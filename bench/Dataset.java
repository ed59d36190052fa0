import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The benchmark's dataset as NDJSON for POST /sessions/import: a network's year of sessions,
 * the same every time for a given seed. Each device's lines are in order of start time.
 *
 *   java bench/Dataset.java [devices] [sessionsPerDevice] [seed] > sessions.ndjson
 *
 * Sessions last from minutes to days (log-uniform), never overlap within a device, and about
 * 10 % of the devices are still connected now (their last session is open). Sessions with a
 * missing connection or disconnection are left out: an import line, like create, always has a
 * connection time.
 */
public class Dataset {

    public static void main(String[] args) throws Exception {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int perDevice = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        SplittableRandom random = new SplittableRandom(seed);
        // whole hours, so that a rerun within the same hour produces the same file
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
        long yearStart = now.minus(Duration.ofDays(365)).getEpochSecond();
        long span = now.getEpochSecond() - yearStart;
        double shortest = Math.log(5 * 60);
        double longest = Math.log(3 * 24 * 3600);
        try (Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 20)) {
            for (int d = 0; d < devices; d++) {
                String mac = String.format("02:00:00:%02X:%02X:%02X", d >> 16 & 0xff, d >> 8 & 0xff, d & 0xff);
                String ip = "10." + (d >> 16 & 0xff) + "." + (d >> 8 & 0xff) + "." + (d & 0xff);
                boolean connectedNow = random.nextInt(10) == 0;
                long[] starts = new long[perDevice];
                for (int i = 0; i < perDevice; i++) {
                    starts[i] = yearStart + random.nextLong(span - 3600);
                }
                Arrays.sort(starts);
                for (int i = 0; i < perDevice; i++) {
                    long start = starts[i];
                    boolean last = i == perDevice - 1;
                    out.write("{\"mac\":\"" + mac + "\",\"ip\":\"" + ip + "\",\"start_time\":\"" + Instant.ofEpochSecond(start) + "\"");
                    if (!(last && connectedNow)) {
                        long duration = (long) Math.exp(shortest + random.nextDouble() * (longest - shortest));
                        long limit = last ? now.getEpochSecond() : starts[i + 1];
                        long end = Math.min(start + duration, limit);
                        out.write(",\"end_time\":\"" + Instant.ofEpochSecond(end) + "\"");
                    }
                    out.write("}\n");
                }
            }
        }
    }
}

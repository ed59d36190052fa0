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
 *   java bench/Dataset.java [devices] [sessionsPerDevice] [seed] [days] [daysBack] [firstDevice] > sessions.ndjson
 *
 * Sessions last from minutes to days (log-uniform), never overlap within a device, and about
 * 10 % of the devices are still connected now (their last session is open). Sessions with a
 * missing connection or disconnection are left out: an import line, like create, always has a
 * connection time.
 * <p>
 * The span is {@code days} long (365) and ends {@code daysBack} days before now (0). A span that
 * ends in the past has no open session: every session ends within it, so spans that do not meet
 * can be imported one after the other for the same devices, in any order (bench/growth.sh imports
 * older years behind the first). Devices are numbered from {@code firstDevice} (0), so that more
 * devices can be added to a network already imported. With the first three arguments alone the
 * output is what it always was.
 */
public class Dataset {

    public static void main(String[] args) throws Exception {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int perDevice = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        int days = args.length > 3 ? Integer.parseInt(args[3]) : 365;
        int daysBack = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        int firstDevice = args.length > 5 ? Integer.parseInt(args[5]) : 0;
        SplittableRandom random = new SplittableRandom(seed);
        // whole hours, so that a rerun within the same hour produces the same file
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
        Instant spanEnd = now.minus(Duration.ofDays(daysBack));
        long yearStart = spanEnd.minus(Duration.ofDays(days)).getEpochSecond();
        long span = spanEnd.getEpochSecond() - yearStart;
        double shortest = Math.log(5 * 60);
        double longest = Math.log(3 * 24 * 3600);
        try (Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 20)) {
            for (int d = firstDevice; d < firstDevice + devices; d++) {
                String mac = String.format("02:00:00:%02X:%02X:%02X", d >> 16 & 0xff, d >> 8 & 0xff, d & 0xff);
                String ip = "10." + (d >> 16 & 0xff) + "." + (d >> 8 & 0xff) + "." + (d & 0xff);
                boolean connectedNow = random.nextInt(10) == 0 && daysBack == 0;
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
                        long limit = last ? spanEnd.getEpochSecond() : starts[i + 1];
                        long end = Math.min(start + duration, limit);
                        out.write(",\"end_time\":\"" + Instant.ofEpochSecond(end) + "\"");
                    }
                    out.write("}\n");
                }
            }
        }
    }
}

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a scenario's time went, from a JFR recording made with settings=profile: the share of CPU
 * samples that pass through each layer of the server (a sample counts for every layer on its
 * stack, so the shares overlap), the hottest leaf methods, the time the collector stopped the
 * world, and the CPU split between the server and the rest of the machine (wrk shares the 2 cores).
 *
 *   java bench/JfrLayers.java recording.jfr [top]
 */
public class JfrLayers {

    /** Layers by package prefix, checked in this order for each frame. */
    private static final Map<String, String> LAYERS = new LinkedHashMap<>();

    static {
        LAYERS.put("org.apache.derby.impl.store", "Derby storage (pages, B-trees, log)");
        LAYERS.put("org.apache.derby.impl.services.locks", "Derby locks");
        LAYERS.put("org.apache.derby.impl.sql.compile", "Derby SQL compiling");
        LAYERS.put("org.apache.derby", "Derby (all)");
        LAYERS.put("org.postgresql", "PostgreSQL driver");
        LAYERS.put("org.eclipse.persistence", "EclipseLink");
        LAYERS.put("com.sun.enterprise.resource", "connection pool");
        LAYERS.put("com.sun.ejb", "EJB container");
        LAYERS.put("org.glassfish.jersey", "Jersey");
        LAYERS.put("org.eclipse.yasson", "JSON-B (Yasson)");
        LAYERS.put("org.glassfish.json", "JSON-P");
        LAYERS.put("org.glassfish.grizzly", "Grizzly (HTTP, sockets)");
        LAYERS.put("org.apache.catalina", "web container");
        LAYERS.put("com.sun.enterprise.security", "security");
        LAYERS.put("net.presence", "the service's own code");
    }

    public static void main(String[] args) throws Exception {
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        Map<String, Integer> layers = new HashMap<>();
        Map<String, Integer> leaves = new HashMap<>();
        int samples = 0;
        Duration gc = Duration.ZERO;
        int gcs = 0;
        List<double[]> cpu = new ArrayList<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            switch (event.getEventType().getName()) {
                case "jdk.ExecutionSample" -> {
                    RecordedStackTrace stack = event.getStackTrace();
                    if (stack == null || stack.getFrames().isEmpty()) {
                        continue;
                    }
                    samples++;
                    leaves.merge(name(stack.getFrames().get(0)), 1, Integer::sum);
                    Set<String> seen = new HashSet<>();
                    for (RecordedFrame frame : stack.getFrames()) {
                        String type = frame.getMethod().getType().getName();
                        for (Map.Entry<String, String> layer : LAYERS.entrySet()) {
                            if (type.startsWith(layer.getKey())) {
                                seen.add(layer.getValue());
                            }
                        }
                    }
                    seen.forEach(layer -> layers.merge(layer, 1, Integer::sum));
                }
                case "jdk.GarbageCollection" -> {
                    gc = gc.plus(event.getDuration("sumOfPauses"));
                    gcs++;
                }
                case "jdk.CPULoad" -> cpu.add(new double[] {
                        event.getFloat("jvmUser") + event.getFloat("jvmSystem"), event.getFloat("machineTotal")});
                default -> { }
            }
        }
        System.out.printf("CPU samples: %d%n", samples);
        System.out.println("| layer (a sample counts for each layer on its stack) | share of samples |");
        System.out.println("|---|---|");
        int all = Math.max(samples, 1);
        layers.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> System.out.printf("| %s | %.0f %% |%n", e.getKey(), 100.0 * e.getValue() / all));
        System.out.println();
        System.out.println("| hottest leaf method | share |");
        System.out.println("|---|---|");
        leaves.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf("| `%s` | %.1f %% |%n", e.getKey(), 100.0 * e.getValue() / all));
        System.out.println();
        double server = cpu.stream().mapToDouble(c -> c[0]).average().orElse(0);
        double machine = cpu.stream().mapToDouble(c -> c[1]).average().orElse(0);
        System.out.printf("Collections: %d, stopped %d ms.%n", gcs, gc.toMillis());
        System.out.printf("CPU (share of the 2 cores, mean of the samples): server %.0f %%, whole machine %.0f %%.%n",
                100 * server, 100 * machine);
    }

    private static String name(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
    }
}

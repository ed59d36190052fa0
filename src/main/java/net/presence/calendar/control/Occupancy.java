package net.presence.calendar.control;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How full the network was in each step of a window, from the calendar's bars of every device:
 * {@code devices} counts the distinct devices connected at any moment of the step (a device whose
 * bar is a single instant counts in the step holding that instant), {@code average} is the
 * connected device-time divided by the step's length, to two decimals.
 * <p>
 * One pass per device over its merged bars, each touching only the steps it covers: the cost is
 * the number of (device, step) pairs with presence, never devices times steps.
 */
public final class Occupancy {

    public record Point(Instant time, int devices, BigDecimal average) {
    }

    private Occupancy() {
    }

    /**
     * @param bounds the steps' starts, then the last step's end (see {@code values.Step#bounds})
     * @param bars   the bars of any number of devices, in any order
     */
    public static List<Point> of(List<Instant> bounds, Collection<ConnectedSpan> bars) {
        int points = Math.max(0, bounds.size() - 1);
        long[] b = bounds.stream().mapToLong(Instant::toEpochMilli).toArray();
        int[] devices = new int[points];
        long[] connected = new long[points];
        int[] counted = new int[points];
        Arrays.fill(counted, -1);
        Map<String, List<ConnectedSpan>> byDevice = new HashMap<>();
        for (ConnectedSpan bar : bars) {
            byDevice.computeIfAbsent(bar.mac(), mac -> new ArrayList<>()).add(bar);
        }
        int device = 0;
        for (List<ConnectedSpan> own : byDevice.values()) {
            own.sort(Comparator.comparingLong(ConnectedSpan::start));
            long mergedStart = Long.MIN_VALUE;
            long mergedEnd = Long.MIN_VALUE;
            for (ConnectedSpan bar : own) {
                if (bar.start() == bar.end()) {
                    int step = stepOf(b, bar.start());
                    if (step >= 0 && counted[step] != device) {
                        counted[step] = device;
                        devices[step]++;
                    }
                } else if (bar.start() <= mergedEnd) {
                    mergedEnd = Math.max(mergedEnd, bar.end());
                } else {
                    add(b, mergedStart, mergedEnd, device, devices, connected, counted);
                    mergedStart = bar.start();
                    mergedEnd = bar.end();
                }
            }
            add(b, mergedStart, mergedEnd, device, devices, connected, counted);
            device++;
        }
        List<Point> series = new ArrayList<>(points);
        for (int i = 0; i < points; i++) {
            series.add(new Point(bounds.get(i), devices[i], Uptime.share(connected[i], b[i + 1] - b[i], 2)));
        }
        return series;
    }

    /** One device's merged stretch {@code [start, end)} into the steps it meets. */
    private static void add(long[] b, long start, long end, int device, int[] devices, long[] connected, int[] counted) {
        if (b.length < 2 || end <= start) {
            return;
        }
        long s = Math.max(start, b[0]);
        long e = Math.min(end, b[b.length - 1]);
        if (e <= s) {
            return;
        }
        for (int i = stepOf(b, s); i < b.length - 1 && b[i] < e; i++) {
            connected[i] += Math.min(e, b[i + 1]) - Math.max(s, b[i]);
            if (counted[i] != device) {
                counted[i] = device;
                devices[i]++;
            }
        }
    }

    /** The step holding the instant, or -1 outside the window. */
    private static int stepOf(long[] b, long at) {
        if (b.length < 2 || at < b[0] || at >= b[b.length - 1]) {
            return -1;
        }
        int found = Arrays.binarySearch(b, at);
        return found >= 0 ? found : -found - 2;
    }
}

package net.presence.calendar.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.presence.calendar.control.CalendarEvent;
import net.presence.calendar.control.Legend;
import net.presence.platform.Settings;
import net.presence.problems.ApiProblem;
import net.presence.sessions.boundary.Devices;
import net.presence.values.DisplayFormat;
import org.primefaces.model.timeline.TimelineGroup;
import org.primefaces.model.timeline.TimelineModel;

/**
 * The calendar page ({@code /calendar.xhtml?start=&end=&mac=}, the same parameters as the JSON
 * endpoint). Every view is one GET, so a view can be bookmarked, and the browser's back button
 * works; the page loads the bars of the shown days only, from the same facade as the endpoint.
 */
@Named
@RequestScoped
public class CalendarPage {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM uuuu", Locale.ENGLISH);

    @Inject
    Calendar calendar;

    @Inject
    Settings settings;

    @Inject
    Devices devices;

    @Inject
    Presence presence;

    private String start;
    private String end;
    private String mac;

    private ZoneId zone;
    private CalendarWindow window;
    private LocalDate first;
    private LocalDate last;
    private List<CalendarEvent> events = List.of();
    private final TimelineModel<Object, Object> timeline = new TimelineModel<>();
    private String problem;
    private String occupancy = "[]";
    private String occupancyStep = "";
    private String bars = CompactBars.NONE;

    /** Runs once the view parameters are set: without any, the current week. */
    public void load() {
        zone = settings.zone();
        if (start == null && end == null) {
            LocalDate monday = LocalDate.now(zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            start = monday.toString();
            end = monday.plusDays(6).toString();
        }
        try {
            window = CalendarWindow.of(start, end, mac, null, zone);
        } catch (ApiProblem refused) {
            // the same rules and words as the endpoint; no bars for a window it would refuse
            problem = refused.getMessage();
            LocalDate monday = LocalDate.now(zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            window = new CalendarWindow(monday.atStartOfDay(zone).toInstant(),
                    monday.plusDays(7).atStartOfDay(zone).toInstant(), null, zone);
            showDays();
            return;
        }
        showDays();
        events = calendar.events(window);
        Set<String> macs = new LinkedHashSet<>();
        events.forEach(event -> macs.add(event.resourceId()));
        // the names the calendar JSON's devices map holds (docs/API.md §8, §17)
        Map<String, String> names = devices.names(macs);
        macs.forEach(device -> timeline.addGroup(new TimelineGroup<>(device, RowLabel.of(device, names.get(device)))));
        OccupancyChart chart = OccupancyChart.of(presence, window, Instant.now());
        occupancy = chart.json(new DisplayFormat(zone));
        occupancyStep = chart.step().canonical();
        // the bars go to the page in a compact form of their own (see CompactBars), not through the
        // timeline's model: for thousands of bars that is most of the page's weight and time
        bars = CompactBars.json(events, getTimelineStart());
    }

    private void showDays() {
        first = window.from().atZone(zone).toLocalDate();
        last = window.until().minusNanos(1).atZone(zone).toLocalDate();
    }

    // ----- what the page shows

    public String getZone() {
        return zone.getId();
    }

    public String getProblem() {
        return problem;
    }

    public TimelineModel<Object, Object> getTimeline() {
        return timeline;
    }

    public int getDeviceCount() {
        return timeline.getGroups() == null ? 0 : timeline.getGroups().size();
    }

    /** The bars, for calendar.js to give the timeline (see {@link CompactBars}). */
    public String getBars() {
        return bars;
    }

    public int getSessionCount() {
        return events.size();
    }

    public String getSummary() {
        int devices = getDeviceCount();
        int sessions = getSessionCount();
        return devices + (devices == 1 ? " device, " : " devices, ") + sessions + (sessions == 1 ? " session" : " sessions");
    }

    /** The occupancy chart's points, {@code [[wall time, devices, average], ...]} (see {@link OccupancyChart}). */
    public String getOccupancy() {
        return occupancy;
    }

    public String getOccupancyStep() {
        return occupancyStep;
    }

    public List<Legend> getLegend() {
        return List.of(Legend.values());
    }

    /**
     * The timeline's ends, as wall times. The timeline is told that its zone is UTC, both on the
     * server and in the browser, so it draws wall times exactly as given: the display zone's wall
     * clock, whatever the browser's own zone, and the same strings as the JSON's start and end.
     */
    public LocalDateTime getTimelineStart() {
        return window.from().atZone(zone).toLocalDateTime();
    }

    public LocalDateTime getTimelineEnd() {
        return window.until().atZone(zone).toLocalDateTime();
    }

    public long getTimelineLength() {
        return ChronoUnit.MILLIS.between(getTimelineStart(), getTimelineEnd());
    }

    public String getRange() {
        return first.equals(last) ? DAY.format(first) : DAY.format(first) + " – " + DAY.format(last);
    }

    public String getFirstDay() {
        return first.toString();
    }

    public String getLastDay() {
        return last.toString();
    }

    /** The one device the page shows, canonical, for the live bars; empty for all devices. */
    public String getLiveMac() {
        return window.mac() != null ? window.mac().toString() : "";
    }

    public String getMacFilter() {
        return window.mac() != null ? window.mac().toString() : mac;
    }

    // ----- where the buttons lead

    /** day, week, month or range: which preset the shown days are. */
    public String getPreset() {
        if (first.equals(last)) {
            return "day";
        }
        if (first.getDayOfWeek() == DayOfWeek.MONDAY && last.equals(first.plusDays(6))) {
            return "week";
        }
        return isMonth() ? "month" : "range";
    }

    private boolean isMonth() {
        return first.getDayOfMonth() == 1 && last.equals(first.with(TemporalAdjusters.lastDayOfMonth()));
    }

    /** Today when it is shown, else the first day shown: the day a preset keeps in view. */
    private LocalDate anchor() {
        LocalDate today = LocalDate.now(zone);
        return today.isBefore(first) || today.isAfter(last) ? first : today;
    }

    public String getDayLink() {
        return link(anchor(), anchor());
    }

    public String getWeekLink() {
        LocalDate monday = anchor().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return link(monday, monday.plusDays(6));
    }

    public String getMonthLink() {
        LocalDate day = anchor();
        return link(day.withDayOfMonth(1), day.with(TemporalAdjusters.lastDayOfMonth()));
    }

    public String getPreviousLink() {
        return shifted(-1);
    }

    public String getNextLink() {
        return shifted(1);
    }

    /** The same number of days before or after; a whole month moves by a whole month. */
    private String shifted(int direction) {
        if (isMonth()) {
            LocalDate month = first.plusMonths(direction);
            return link(month, month.with(TemporalAdjusters.lastDayOfMonth()));
        }
        long days = ChronoUnit.DAYS.between(first, last) + 1;
        return link(first.plusDays(direction * days), last.plusDays(direction * days));
    }

    private String link(LocalDate from, LocalDate to) {
        String filter = getMacFilter();
        return "calendar.xhtml?start=" + from + "&end=" + to
                + (filter == null || filter.isEmpty() ? "" : "&mac=" + URLEncoder.encode(filter, StandardCharsets.UTF_8));
    }

    // ----- view parameters

    public String getStart() {
        return start;
    }

    public void setStart(String start) {
        this.start = start;
    }

    public String getEnd() {
        return end;
    }

    public void setEnd(String end) {
        this.end = end;
    }

    public String getMac() {
        return mac;
    }

    public void setMac(String mac) {
        this.mac = mac;
    }
}

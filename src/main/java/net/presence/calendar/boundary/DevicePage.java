package net.presence.calendar.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import net.presence.calendar.control.Legend;
import net.presence.platform.Settings;
import net.presence.platform.Values;
import net.presence.problems.ApiProblem;
import net.presence.security.Roles;
import net.presence.sessions.boundary.DeviceRow;
import net.presence.sessions.boundary.Devices;
import net.presence.sessions.boundary.Page;
import net.presence.sessions.boundary.SessionQuery;
import net.presence.sessions.boundary.Sessions;
import net.presence.sessions.entity.Session;
import net.presence.values.DeviceName;
import net.presence.values.DisplayFormat;
import net.presence.values.InvalidValueException;
import net.presence.values.MacAddress;
import net.presence.values.Period;

/**
 * One device's page ({@code /device.xhtml?mac=&page=}), reached from its calendar row: its name,
 * its uptime over three periods and its weekday-hour heatmap (what {@code GET /sessions/{mac}/presence}
 * answers), its sessions a page at a time (the list's, newest first) and their CSV. Everything comes
 * from the facades the API uses; this class only picks the periods and the page.
 * <p>
 * An admin login renames the device with a plain form posted to this address: the page keeps no
 * view state (web.xml), so the form is no Faces form. The name goes through the same rules and the
 * same facade as {@code PUT /sessions/devices/{mac}}, and a success is redirected to a GET, so that
 * a reload does not post it again.
 */
@Named
@RequestScoped
public class DevicePage {

    static final int PAGE_SIZE = 20;
    /** The uptime figures' periods; the heatmap is the last one's. */
    static final List<String> PERIODS = List.of("24 hours", "7 days", "30 days");

    @Inject
    Devices devices;

    @Inject
    Presence presence;

    @Inject
    Sessions sessions;

    @Inject
    Settings settings;

    private String mac;
    private String page;

    private ZoneId zone;
    private MacAddress device;
    private DeviceRow row;
    private String problem;
    private String nameProblem;
    private String enteredName;
    private boolean connectedNow;
    private final List<UptimeFigure> uptimes = new ArrayList<>();
    private String heatmap = "[]";
    private int pageNumber = 1;
    private long total;
    private final List<SessionLine> lines = new ArrayList<>();

    public static String link(String mac) {
        return "./device.xhtml?mac=" + RowLabel.query(mac);
    }

    /** Runs once the view parameters are set, on a GET and on the name form's POST. */
    public void load() throws IOException {
        zone = settings.zone();
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext http = faces.getExternalContext();
        try {
            device = Values.required("mac", mac, MacAddress::parse);
            pageNumber = Values.number("page", page, 1, 1, Integer.MAX_VALUE);
        } catch (ApiProblem refused) {
            // the same words as the API's 400
            problem = refused.getMessage();
            http.setResponseStatus(400);
            return;
        }
        if ("POST".equals(method(http)) && rename(http)) {
            http.redirect(http.getRequestContextPath() + "/device.xhtml?mac=" + RowLabel.query(device.toString()) + "&saved=true");
            faces.responseComplete();
            return;
        }
        row = devices.one(device);
        Instant now = Instant.now();
        Presence.Report report = null;
        for (String period : PERIODS) {
            report = presence.presence(device, Period.parse(period).start(now, zone), now, zone, now);
            uptimes.add(UptimeFigure.of(period, report.uptime()));
        }
        connectedNow = report.connectedNow();
        heatmap = heatmapJson(report.uptime().heatmap());
        int offset = (int) Math.min(Integer.MAX_VALUE, (long) (pageNumber - 1) * PAGE_SIZE);
        Page<Session> shown = sessions.list(new SessionQuery(device, null, null, false, PAGE_SIZE, offset));
        total = shown.total();
        DisplayFormat format = new DisplayFormat(zone);
        shown.items().forEach(session -> lines.add(SessionLine.of(session, format, now)));
    }

    /**
     * The name form: true once the name is stored. A read login, a name the API would refuse, and
     * anything the facade refuses leave the page with the reason, and the entered name to correct.
     */
    private boolean rename(ExternalContext http) {
        enteredName = http.getRequestParameterMap().get("name");
        if (!http.isUserInRole(Roles.ADMIN)) {
            nameProblem = "This login may only read: renaming a device needs an admin login";
            http.setResponseStatus(403);
            return false;
        }
        boolean clear = "true".equals(http.getRequestParameterMap().get("clear"));
        try {
            // PUT /sessions/devices/{mac}'s rules: {"name": null} clears, any other name is checked
            devices.name(device, clear ? null : DeviceName.parse(enteredName));
            return true;
        } catch (InvalidValueException invalid) {
            nameProblem = "The name is invalid: expected " + invalid.getMessage();
            http.setResponseStatus(422);
        } catch (ApiProblem refused) {
            nameProblem = refused.getMessage();
            http.setResponseStatus(refused.status());
        }
        return false;
    }

    private static String method(ExternalContext http) {
        return http.getRequest() instanceof HttpServletRequest request ? request.getMethod() : "GET";
    }

    /** 7 rows, Monday first, of 24 hours: the presence answer's heatmap, as JSON for the chart. */
    static String heatmapJson(BigDecimal[][] cells) {
        JsonArrayBuilder days = Json.createArrayBuilder();
        for (BigDecimal[] day : cells) {
            JsonArrayBuilder hours = Json.createArrayBuilder();
            for (BigDecimal cell : day) {
                hours.add(cell);
            }
            days.add(hours);
        }
        return days.build().toString();
    }

    // ----- what the page shows

    public String getProblem() {
        return problem;
    }

    public String getZone() {
        return zone.getId();
    }

    public String getDevice() {
        return device == null ? "" : device.toString();
    }

    public String getName() {
        return row == null ? null : row.name();
    }

    /** The title: the name, or the MAC for a device without one. */
    public String getTitle() {
        return getName() != null ? getName() : getDevice();
    }

    /** What the name field holds: a refused entry to correct, or the name. */
    public String getNameField() {
        return enteredName != null ? enteredName : getName() == null ? "" : getName();
    }

    public String getNameProblem() {
        return nameProblem;
    }

    /** The page login's role decides: an admin login edits the name, a read login only sees it. */
    public boolean isEditable() {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole(Roles.ADMIN);
    }

    public boolean isConnectedNow() {
        return connectedNow;
    }

    public String getFirstSeen() {
        return row == null || row.firstSeen() == null ? "never" : new DisplayFormat(zone).display(row.firstSeen());
    }

    public String getLastSeen() {
        return row == null || row.lastSeen() == null ? "never" : new DisplayFormat(zone).display(row.lastSeen());
    }

    public List<UptimeFigure> getUptimes() {
        return uptimes;
    }

    public String getHeatmap() {
        return heatmap;
    }

    public String getHeatmapPeriod() {
        return PERIODS.get(PERIODS.size() - 1);
    }

    public List<Legend> getLegend() {
        return List.of(Legend.values());
    }

    public List<SessionLine> getSessions() {
        return lines;
    }

    public long getTotal() {
        return total;
    }

    public int getPageNumber() {
        return pageNumber;
    }

    public long getPageCount() {
        return Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    public String getPreviousLink() {
        return pageNumber > 1 ? pageLink(pageNumber - 1) : null;
    }

    public String getNextLink() {
        return pageNumber < getPageCount() ? pageLink(pageNumber + 1) : null;
    }

    private String pageLink(int number) {
        return "device.xhtml?mac=" + RowLabel.query(getDevice()) + "&page=" + number;
    }

    /**
     * The CSV of the device's sessions: the list route's CSV (docs/API.md §14), newest first, as many
     * as one answer holds. The browser follows it with the login cookie (security.TokenMechanism), never
     * with a token in the address.
     */
    public String getCsvLink() {
        return "sessions/list?mac=" + RowLabel.query(getDevice()) + "&limit=" + SessionQuery.MAX_LIMIT + "&format=csv";
    }

    /** Back to the calendar, showing this device only. */
    public String getCalendarLink() {
        return "calendar.xhtml?mac=" + RowLabel.query(getDevice());
    }

    // ----- view parameters

    public String getMac() {
        return mac;
    }

    public void setMac(String mac) {
        this.mac = mac;
    }

    public String getPage() {
        return page;
    }

    public void setPage(String page) {
        this.page = page;
    }
}

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The calendar page's time to draw (run by calendar-page.sh). For each device count N (in
 * increasing order) it imports devices until there are N, each with a week of sessions (three a
 * day, last week, UTC), then opens the calendar page's week view in Debian's headless Chromium
 * (driven over the DevTools protocol with the JDK's WebSocket: nothing else at run time), logged
 * in through the login form with the token. Each load is timed from navigation start until
 * calendar.js records that the bars are drawn ({@code window.calendarDrawnAt}); one load warms up,
 * then {@value #LOADS} are measured (cached scripts, as for anyone who opened the page before).
 * Prints each load, the median and max, and the median of the page's own phases (first byte, HTML
 * received, DOM parsed, calendar.js's performance marks). Exit 1 when a median misses its target.
 *   java bench/CalendarPage.java <base url> <admin token> <out dir> N:targetMs [N:targetMs...]
 * With TRACE=1 one more load per N is recorded as a Chromium performance trace
 * (out dir/calendar-N.trace.json, for chrome://tracing or DevTools) and summarised: where the
 * renderer's main thread spent its time, by trace event, self time.
 */
public class CalendarPage {

    static final int LOADS = Integer.parseInt(System.getenv().getOrDefault("LOADS", "7"));
    static final int SESSIONS_PER_DAY = 3;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    final String base;
    final String token;
    final Path out;
    final LocalDate monday = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
    int devices;

    CalendarPage(String base, String token, Path out) {
        this.base = base.replaceFirst("/$", "");
        this.token = token;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        CalendarPage bench = new CalendarPage(args[0], args[1], Path.of(args[2]));
        Map<Integer, Long> targets = new LinkedHashMap<>();
        for (int i = 3; i < args.length; i++) {
            String[] target = args[i].split(":");
            targets.put(Integer.parseInt(target[0]), Long.parseLong(target[1]));
        }
        System.exit(bench.run(targets));
    }

    int run(Map<Integer, Long> targets) throws Exception {
        boolean ok = true;
        List<String> summary = new ArrayList<>();
        try (Browser browser = Browser.start(out)) {
            for (Map.Entry<Integer, Long> target : targets.entrySet()) {
                load(target.getKey());
                String url = base + "/calendar.xhtml?start=" + monday + "&end=" + monday.plusDays(6);
                login(browser);
                int bars = devices * 7 * SESSIONS_PER_DAY;
                System.out.printf("%d devices x the week of %s (%d sessions): %s%n", devices, monday, bars, url);
                List<Map<String, Object>> loads = new ArrayList<>();
                for (int i = 0; i <= LOADS; i++) {
                    Map<String, Object> load = browser.open(url);
                    System.out.printf("  %s %d: drawn at %.0f ms (first byte %.0f, HTML %.0f ms %.0f kB, DOM parsed %.0f)"
                                    + " marks %s; %s rows, %s bars%n",
                            i == 0 ? "warm-up" : "load", i, number(load, "drawn"), number(load, "firstByte"),
                            number(load, "html"), number(load, "htmlBytes") / 1024, number(load, "parsed"), load.get("marks"),
                            load.get("rows"), load.get("bars"));
                    if (number(load, "rows") != devices || number(load, "bars") != bars) {
                        System.out.println("  FAIL: the page should show " + devices + " rows and " + bars + " bars");
                        ok = false;
                    }
                    if (i > 0) {
                        loads.add(load);
                    }
                }
                List<Double> drawn = loads.stream().map(load -> number(load, "drawn")).sorted().toList();
                double median = median(drawn);
                double max = drawn.get(drawn.size() - 1);
                boolean met = median <= target.getValue();
                ok &= met;
                String line = String.format("%d devices, a week (%d bars): drawn after median %.0f ms, max %.0f ms of %d loads"
                                + " (target %d ms: %s); median first byte %.0f ms, HTML received %.0f ms (%.0f kB), DOM parsed %.0f ms%s",
                        devices, bars, median, max, drawn.size(), target.getValue(), met ? "met" : "MISSED",
                        median(loads, "firstByte"), median(loads, "html"), median(loads, "htmlBytes") / 1024, median(loads, "parsed"),
                        marks(loads));
                System.out.println(line);
                summary.add(line);
                if ("1".equals(System.getenv("TRACE"))) {
                    browser.trace(url, out.resolve("calendar-" + devices + ".trace.json"));
                }
            }
        }
        System.out.println();
        summary.forEach(System.out::println);
        return ok ? 0 : 1;
    }

    /** Imports devices (a week of sessions each) until there are n. */
    void load(int n) throws Exception {
        long started = System.nanoTime();
        StringBuilder ndjson = new StringBuilder();
        for (int d = devices; d < n; d++) {
            String mac = String.format("02:CA:00:00:%02X:%02X", d >> 8, d & 0xFF);
            String ip = "10.90." + (d >> 8) + "." + (d & 0xFF);
            for (int day = 0; day < 7; day++) {
                LocalDate date = monday.plusDays(day);
                int minute = (d * 7 + day * 13) % 60;
                // three sessions a day: morning, midday, evening, of lengths that vary by device and day
                int[][] hours = {{6 + d % 2, 8 + day % 2}, {10 + d % 3, 14 + (d + day) % 2}, {16 + day % 3, 20 + d % 4}};
                for (int[] session : hours) {
                    ndjson.append("{\"mac\":\"").append(mac).append("\",\"ip\":\"").append(ip)
                            .append("\",\"start_time\":\"").append(date.atTime(session[0], minute)).append(":00Z")
                            .append("\",\"end_time\":\"").append(date.atTime(session[1], (minute + 17) % 60)).append(":00Z\"}\n");
                }
            }
        }
        HttpResponse<String> imported = http.send(HttpRequest.newBuilder(URI.create(base + "/sessions/import"))
                .timeout(Duration.ofMinutes(10)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(ndjson.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (imported.statusCode() != 200) {
            throw new IllegalStateException("import: " + imported.statusCode() + " " + imported.body());
        }
        System.out.printf("Imported %d more devices in %d ms: %s%n", n - devices, (System.nanoTime() - started) / 1_000_000,
                imported.body().length() > 200 ? imported.body().substring(0, 200) : imported.body());
        devices = n;
    }

    /** Through the login form, as a person would (the page's login is a cookie). */
    void login(Browser browser) throws Exception {
        browser.navigate(base + "/login.xhtml");
        browser.waitFor("document.readyState === 'complete' && document.getElementById('token') != null", 30);
        browser.evaluate("document.getElementById('token').value = " + quote(token) + "; document.getElementById('login').submit(); true");
        browser.waitFor("document.readyState === 'complete' && location.pathname.indexOf('login') < 0", 60);
    }

    static double number(Map<String, Object> load, String key) {
        Object value = load.get(key);
        return value instanceof Number number ? number.doubleValue() : Double.NaN;
    }

    static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static double median(List<Map<String, Object>> loads, String key) {
        return median(loads.stream().map(load -> number(load, key)).sorted().toList());
    }

    @SuppressWarnings("unchecked")
    static String marks(List<Map<String, Object>> loads) {
        Map<String, List<Double>> byName = new LinkedHashMap<>();
        for (Map<String, Object> load : loads) {
            if (load.get("marks") instanceof Map<?, ?> marks) {
                ((Map<String, Object>) marks).forEach((name, at) -> byName.computeIfAbsent(name, k -> new ArrayList<>())
                        .add(((Number) at).doubleValue()));
            }
        }
        StringBuilder text = new StringBuilder();
        byName.forEach((name, values) -> {
            Collections.sort(values);
            text.append(String.format(", %s %.0f ms", name, median(values)));
        });
        return text.toString();
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    // ----- Chromium over the DevTools protocol

    static final class Browser implements AutoCloseable {
        final Process process;
        final Path profile;
        final WebSocket socket;
        final AtomicInteger ids = new AtomicInteger();
        final Map<Integer, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();
        volatile Consumer<Map<String, Object>> events = event -> { };

        Browser(Process process, Path profile, WebSocket socket) {
            this.process = process;
            this.profile = profile;
            this.socket = socket;
        }

        /** Debian's Chromium, headless, as the page tests start it, on a DevTools port of its choosing. */
        static Browser start(Path out) throws Exception {
            Path profile = Files.createTempDirectory("calendar-bench-chromium");
            Process process = new ProcessBuilder("/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--window-size=1400,1000", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                    "--remote-allow-origins=*", "--user-data-dir=" + profile, "about:blank")
                    .redirectOutput(out.resolve("chromium.log").toFile()).redirectErrorStream(false).start();
            BufferedReader errors = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
            String browserSocket = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            for (String line; browserSocket == null && System.nanoTime() < deadline && (line = errors.readLine()) != null; ) {
                if (line.startsWith("DevTools listening on ")) {
                    browserSocket = line.substring("DevTools listening on ".length()).trim();
                }
            }
            if (browserSocket == null) {
                process.destroyForcibly();
                throw new IllegalStateException("Chromium did not open its DevTools port");
            }
            Thread drain = new Thread(() -> errors.lines().forEach(line -> { }));
            drain.setDaemon(true);
            drain.start();
            URI devtools = URI.create(browserSocket);
            HttpClient http = HttpClient.newHttpClient();
            String list = http.send(HttpRequest.newBuilder(URI.create("http://" + devtools.getAuthority() + "/json/list")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            String pageSocket = null;
            for (Object target : (List<?>) Json.parse(list)) {
                Map<?, ?> page = (Map<?, ?>) target;
                if ("page".equals(page.get("type"))) {
                    pageSocket = (String) page.get("webSocketDebuggerUrl");
                    break;
                }
            }
            Browser[] browser = new Browser[1];
            StringBuilder message = new StringBuilder();
            WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(pageSocket), new WebSocket.Listener() {
                @Override
                public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                    message.append(data);
                    if (last) {
                        String text = message.toString();
                        message.setLength(0);
                        browser[0].received(text);
                    }
                    webSocket.request(1);
                    return null;
                }
            }).get(30, TimeUnit.SECONDS);
            browser[0] = new Browser(process, profile, socket);
            browser[0].send("Page.enable", Map.of());
            return browser[0];
        }

        @SuppressWarnings("unchecked")
        void received(String text) {
            Map<String, Object> message = (Map<String, Object>) Json.parse(text);
            Object id = message.get("id");
            if (id != null) {
                CompletableFuture<Map<String, Object>> waiting = pending.remove(((Number) id).intValue());
                if (waiting != null) {
                    waiting.complete(message);
                }
            } else {
                events.accept(message);
            }
        }

        @SuppressWarnings("unchecked")
        synchronized Map<String, Object> send(String method, Map<String, Object> params) throws Exception {
            int id = ids.incrementAndGet();
            CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
            pending.put(id, answer);
            socket.sendText(Json.write(Map.of("id", id, "method", method, "params", params)), true).get(30, TimeUnit.SECONDS);
            Map<String, Object> reply = answer.get(120, TimeUnit.SECONDS);
            if (reply.containsKey("error")) {
                throw new IllegalStateException(method + ": " + reply.get("error"));
            }
            return (Map<String, Object>) reply.get("result");
        }

        void navigate(String url) throws Exception {
            send("Page.navigate", Map.of("url", url));
        }

        /** The value of a JavaScript expression (JSON-like values), or null when the page is between documents. */
        @SuppressWarnings("unchecked")
        Object evaluate(String expression) throws Exception {
            Map<String, Object> result;
            try {
                result = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
            } catch (IllegalStateException between) {
                return null;
            }
            if (result.containsKey("exceptionDetails")) {
                return null;
            }
            return ((Map<String, Object>) result.get("result")).get("value");
        }

        Object waitFor(String condition, int seconds) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < deadline) {
                Object value = evaluate("(" + condition + ") || null");
                if (value != null) {
                    return value;
                }
                Thread.sleep(25);
            }
            throw new IllegalStateException("waited " + seconds + " s for " + condition);
        }

        /** Opens the calendar (from a blank page, so the old one is gone) and waits until its bars are drawn. */
        @SuppressWarnings("unchecked")
        Map<String, Object> open(String url) throws Exception {
            navigate("about:blank");
            waitFor("location.href === 'about:blank' && document.readyState === 'complete'", 30);
            navigate(url);
            String json = (String) waitFor("location.pathname.indexOf('calendar.xhtml') >= 0 && window.calendarDrawnAt !== undefined"
                    + " && (function () {"
                    + "  var nav = performance.getEntriesByType('navigation')[0];"
                    + "  var marks = {};"
                    + "  performance.getEntriesByType('mark').forEach(function (m) { marks[m.name] = Math.round(m.startTime); });"
                    + "  var timeline = window.PF && PF('calendar') && PF('calendar').instance;"
                    + "  return JSON.stringify({drawn: window.calendarDrawnAt, firstByte: nav.responseStart, html: nav.responseEnd,"
                    + "    htmlBytes: nav.decodedBodySize, parsed: nav.domContentLoadedEventEnd, marks: marks,"
                    + "    rows: timeline && timeline.groupsData ? timeline.groupsData.length : 0,"
                    + "    bars: timeline && timeline.itemsData ? timeline.itemsData.length : 0});"
                    + "})()", 120);
            return (Map<String, Object>) Json.parse(json);
        }

        /** One more load, recorded as a performance trace; prints the renderer main thread's self time by event. */
        @SuppressWarnings("unchecked")
        void trace(String url, Path file) throws Exception {
            navigate("about:blank");
            waitFor("location.href === 'about:blank' && document.readyState === 'complete'", 30);
            List<Object> collected = Collections.synchronizedList(new ArrayList<>());
            CompletableFuture<Void> complete = new CompletableFuture<>();
            events = event -> {
                if ("Tracing.dataCollected".equals(event.get("method"))) {
                    collected.addAll((List<Object>) ((Map<String, Object>) event.get("params")).get("value"));
                } else if ("Tracing.tracingComplete".equals(event.get("method"))) {
                    complete.complete(null);
                }
            };
            send("Tracing.start", Map.of("transferMode", "ReportEvents", "traceConfig", Map.of("includedCategories", List.of(
                    "devtools.timeline", "v8.execute", "blink.user_timing", "loading", "disabled-by-default-devtools.timeline",
                    "v8", "blink", "toplevel", "disabled-by-default-v8.cpu_profiler"))));
            Map<String, Object> load = open(url);
            send("Tracing.end", Map.of());
            complete.get(120, TimeUnit.SECONDS);
            events = event -> { };
            Files.writeString(file, Json.write(Map.of("traceEvents", collected)));
            System.out.printf("  traced load: drawn at %.0f ms; trace in %s%n", number(load, "drawn"), file);
            summarise(collected);
        }

        /** Self time of the complete events on the renderer's main thread, by name, largest first. */
        @SuppressWarnings("unchecked")
        static void summarise(List<Object> events) {
            Object main = null;
            for (Object e : events) {
                Map<String, Object> event = (Map<String, Object>) e;
                if ("thread_name".equals(event.get("name")) && "CrRendererMain".equals(((Map<String, Object>) event.get("args")).get("name"))) {
                    main = List.of(event.get("pid"), event.get("tid"));
                }
            }
            List<double[]> spans = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (Object e : events) {
                Map<String, Object> event = (Map<String, Object>) e;
                if ("X".equals(event.get("ph")) && List.of(event.get("pid"), event.get("tid")).equals(main) && event.get("dur") != null) {
                    spans.add(new double[] {((Number) event.get("ts")).doubleValue(), ((Number) event.get("dur")).doubleValue(), names.size()});
                    String name = (String) event.get("name");
                    Object args = event.get("args");
                    if (name.equals("FunctionCall") || name.equals("EvaluateScript") || name.equals("v8.compile")) {
                        Object data = args instanceof Map<?, ?> map ? map.get("data") : null;
                        if (data instanceof Map<?, ?> d) {
                            String script = String.valueOf(d.get("url"));
                            name += " " + script.replaceFirst(".*/", "").replaceFirst("\\?.*", "")
                                    + (d.get("functionName") != null ? " " + d.get("functionName") : "");
                        }
                    }
                    names.add(name);
                }
            }
            spans.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(b[1], a[1]));
            Map<String, Double> self = new TreeMap<>();
            List<double[]> stack = new ArrayList<>();
            for (double[] span : spans) {
                while (!stack.isEmpty() && stack.get(stack.size() - 1)[0] + stack.get(stack.size() - 1)[1] <= span[0]) {
                    stack.remove(stack.size() - 1);
                }
                self.merge(names.get((int) span[2]), span[1], Double::sum);
                if (!stack.isEmpty()) {
                    self.merge(names.get((int) stack.get(stack.size() - 1)[2]), -span[1], Double::sum);
                }
                stack.add(span);
            }
            self.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue(), a.getValue())).limit(15)
                    .forEach(entry -> System.out.printf("    %7.0f ms  %s%n", entry.getValue() / 1000, entry.getKey()));
            profile(events, main);
        }

        /** The renderer's JavaScript by function, self time, from the trace's CPU profile samples. */
        @SuppressWarnings("unchecked")
        static void profile(List<Object> events, Object main) {
            Map<Double, String> frames = new java.util.HashMap<>();
            Map<String, Double> self = new TreeMap<>();
            // the samples come in chunks from a thread of their own, under the id of the main thread's profile
            Object profileId = null;
            for (Object e : events) {
                Map<String, Object> event = (Map<String, Object>) e;
                if ("Profile".equals(event.get("name")) && List.of(event.get("pid"), event.get("tid")).equals(main)) {
                    profileId = event.get("id");
                }
            }
            for (Object e : events) {
                Map<String, Object> event = (Map<String, Object>) e;
                if (!"ProfileChunk".equals(event.get("name")) || profileId == null || !profileId.equals(event.get("id"))
                        || !event.get("pid").equals(((List<?>) main).get(0))) {
                    continue;
                }
                Map<String, Object> data = (Map<String, Object>) ((Map<String, Object>) event.get("args")).get("data");
                Map<String, Object> profile = (Map<String, Object>) data.get("cpuProfile");
                if (profile == null) {
                    continue;
                }
                for (Object n : (List<Object>) profile.getOrDefault("nodes", List.of())) {
                    Map<String, Object> node = (Map<String, Object>) n;
                    Map<String, Object> frame = (Map<String, Object>) node.get("callFrame");
                    String url = String.valueOf(frame.get("url")).replaceFirst(".*/", "").replaceFirst("\\?.*", "");
                    frames.put((Double) node.get("id"), frame.get("functionName") + " " + url + ":" + frame.get("lineNumber")
                            + ":" + frame.get("columnNumber"));
                }
                List<Object> samples = (List<Object>) profile.getOrDefault("samples", List.of());
                List<Object> deltas = (List<Object>) data.getOrDefault("timeDeltas", List.of());
                for (int i = 0; i < samples.size(); i++) {
                    double delta = i + 1 < deltas.size() ? ((Number) deltas.get(i + 1)).doubleValue() : 0;
                    self.merge(frames.getOrDefault((Double) samples.get(i), "?"), delta, Double::sum);
                }
            }
            System.out.println("    JavaScript by function (self time):");
            self.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue(), a.getValue())).limit(25)
                    .forEach(entry -> System.out.printf("    %7.0f ms  %s%n", entry.getValue() / 1000, entry.getKey()));
        }

        @Override
        public void close() throws IOException {
            socket.abort();
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try (var files = Files.walk(profile)) {
                files.sorted(Collections.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    // ----- just enough JSON for the DevTools protocol

    static final class Json {
        final String text;
        int at;

        Json(String text) {
            this.text = text;
        }

        static Object parse(String text) {
            Json json = new Json(text);
            Object value = json.value();
            return value;
        }

        Object value() {
            space();
            char c = text.charAt(at);
            switch (c) {
                case '{':
                    Map<String, Object> object = new LinkedHashMap<>();
                    at++;
                    space();
                    if (text.charAt(at) == '}') {
                        at++;
                        return object;
                    }
                    while (true) {
                        space();
                        String key = string();
                        space();
                        at++; // :
                        object.put(key, value());
                        space();
                        if (text.charAt(at++) == '}') {
                            return object;
                        }
                    }
                case '[':
                    List<Object> list = new ArrayList<>();
                    at++;
                    space();
                    if (text.charAt(at) == ']') {
                        at++;
                        return list;
                    }
                    while (true) {
                        list.add(value());
                        space();
                        if (text.charAt(at++) == ']') {
                            return list;
                        }
                    }
                case '"':
                    return string();
                case 't':
                    at += 4;
                    return Boolean.TRUE;
                case 'f':
                    at += 5;
                    return Boolean.FALSE;
                case 'n':
                    at += 4;
                    return null;
                default:
                    int start = at;
                    while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                        at++;
                    }
                    return Double.parseDouble(text.substring(start, at));
            }
        }

        String string() {
            StringBuilder s = new StringBuilder();
            at++;
            while (true) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return s.toString();
                }
                if (c == '\\') {
                    char e = text.charAt(at++);
                    switch (e) {
                        case 'n' -> s.append('\n');
                        case 't' -> s.append('\t');
                        case 'r' -> s.append('\r');
                        case 'b' -> s.append('\b');
                        case 'f' -> s.append('\f');
                        case 'u' -> {
                            s.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                            at += 4;
                        }
                        default -> s.append(e);
                    }
                } else {
                    s.append(c);
                }
            }
        }

        void space() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        static String write(Object value) {
            StringBuilder s = new StringBuilder();
            write(value, s);
            return s.toString();
        }

        static void write(Object value, StringBuilder s) {
            if (value == null) {
                s.append("null");
            } else if (value instanceof String text) {
                s.append('"');
                for (char c : text.toCharArray()) {
                    if (c == '"' || c == '\\') {
                        s.append('\\').append(c);
                    } else if (c < 0x20) {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
                s.append('"');
            } else if (value instanceof Map<?, ?> map) {
                s.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    s.append(first ? "" : ",");
                    first = false;
                    write(String.valueOf(entry.getKey()), s);
                    s.append(':');
                    write(entry.getValue(), s);
                }
                s.append('}');
            } else if (value instanceof List<?> list) {
                s.append('[');
                for (int i = 0; i < list.size(); i++) {
                    s.append(i == 0 ? "" : ",");
                    write(list.get(i), s);
                }
                s.append(']');
            } else if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
                s.append(d.longValue());
            } else {
                s.append(value);
            }
        }
    }
}

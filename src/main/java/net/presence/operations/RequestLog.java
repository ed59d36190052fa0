package net.presence.operations;

import io.micrometer.core.instrument.Timer;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import net.presence.platform.Drain;
import net.presence.platform.Meters;
import net.presence.platform.Refusals;

/**
 * Every request, counted in flight for an orderly stop (Drain: once the server is stopping, a JSON
 * 503), and timed: a histogram per route template and status class for /metrics and, when
 * SESSIONS_ACCESS_LOG is on, one line in the access log. The route is the template that answered
 * (RequestRoute) or the servlet mapping, never the raw path; the caller is named by role, never by
 * token.
 */
@WebFilter(filterName = "RequestLog", urlPatterns = "/*", asyncSupported = true)
public class RequestLog extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final String[] STATUS_CLASSES = {"1xx", "2xx", "3xx", "4xx", "5xx"};

    /** One timer per route and status class, made at the first such request and kept. */
    private static final Map<String, Timer[]> TIMERS = new ConcurrentHashMap<>();

    private transient AccessLog log;

    @Override
    public void init() {
        log = AccessLog.fromSettings();
        Refusals.listen(this::refused);
    }

    @Override
    public void destroy() {
        Refusals.listen((request, response, nanos) -> { });
        if (log != null) {
            log.close();
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getDispatcherType() != jakarta.servlet.DispatcherType.REQUEST) {
            chain.doFilter(request, response);
            return;
        }
        if (!Drain.enter()) {
            response.setHeader("Retry-After", "5");
            response.setHeader("Connection", "close");
            Answers.error(response, 503, "The server is stopping; try again shortly");
            return;
        }
        long started = System.nanoTime();
        CountingResponse counted = log.on() ? new CountingResponse(response) : null;
        boolean streaming = false;
        try {
            chain.doFilter(request, counted == null ? response : counted);
            streaming = request.isAsyncStarted();
        } finally {
            // a stream (SSE) went async: it is no request in flight, and a stop does not wait for it
            Drain.leave();
            if (streaming) {
                request.getAsyncContext().addListener(new Finished(request, response, counted, started));
            } else {
                finished(request, response, counted, started);
            }
        }
    }

    /** The request's timer and access-log line, once its answer is complete. */
    private void finished(HttpServletRequest request, HttpServletResponse response, CountingResponse counted, long started) {
        if (counted != null) {
            counted.flushWriter();
        }
        long nanos = System.nanoTime() - started;
        String route = route(request);
        int status = response.getStatus();
        timer(route, status).record(nanos, TimeUnit.NANOSECONDS);
        if (counted != null) {
            log.write(route, status, nanos, counted.bytes(), role(request));
        }
    }

    /**
     * A stream's line is written when it ends, with its whole length and the bytes it sent; its
     * events were never held back for the log (the counting response passes each flush through).
     */
    private final class Finished implements AsyncListener {

        private final HttpServletRequest request;
        private final HttpServletResponse response;
        private final CountingResponse counted;
        private final long started;
        private boolean done;

        Finished(HttpServletRequest request, HttpServletResponse response, CountingResponse counted, long started) {
            this.request = request;
            this.response = response;
            this.counted = counted;
            this.started = started;
        }

        private synchronized void once() {
            if (!done) {
                done = true;
                finished(request, response, counted, started);
            }
        }

        @Override
        public void onComplete(AsyncEvent event) {
            once();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            once();
        }

        @Override
        public void onError(AsyncEvent event) {
            once();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this);
        }
    }

    /** A request the security mechanism answered itself: timed and logged like any other, as nobody's. */
    private void refused(HttpServletRequest request, HttpServletResponse response, long nanos) {
        String route = route(request);
        int status = response.getStatus();
        timer(route, status).record(nanos, TimeUnit.NANOSECONDS);
        if (log.on()) {
            String length = response.getHeader("Content-Length");
            log.write(route, status, nanos, length == null ? 0 : Long.parseLong(length), "-");
        }
    }

    private static Timer timer(String route, int status) {
        int statusClass = Math.min(Math.max(status / 100, 1), 5) - 1;
        Timer[] byClass = TIMERS.computeIfAbsent(route, key -> new Timer[STATUS_CLASSES.length]);
        Timer timer = byClass[statusClass];
        if (timer == null) {
            timer = Meters.timer("sessions_http_requests", "HTTP requests by route template and status class",
                    "route", route, "status", STATUS_CLASSES[statusClass]);
            byClass[statusClass] = timer;
        }
        return timer;
    }

    /** The API's template, else the servlet mapping that answered ("/health/*", "*.xhtml"); "unmatched" for neither. */
    static String route(HttpServletRequest request) {
        Object template = request.getAttribute(RequestRoute.ATTRIBUTE);
        if (template instanceof String api) {
            return api;
        }
        HttpServletMapping mapping = request.getHttpServletMapping();
        String pattern = mapping == null ? "" : mapping.getPattern();
        if (pattern == null || pattern.isEmpty() || pattern.equals("/")) {
            return request.getMethod().length() <= 7 ? request.getMethod() + " unmatched" : "OTHER unmatched";
        }
        return (request.getMethod().length() <= 7 ? request.getMethod() : "OTHER") + " " + pattern;
    }

    private static String role(HttpServletRequest request) {
        if (request.isUserInRole("admin")) {
            return "admin";
        }
        return request.isUserInRole("read") ? "read" : "-";
    }
}

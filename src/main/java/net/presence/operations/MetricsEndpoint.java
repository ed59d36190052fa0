package net.presence.operations;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import net.presence.platform.Meters;

/**
 * {@code GET /metrics}: the registry in Prometheus text format. It needs the read or admin token
 * (web.xml and TokenMechanism treat it as the API: a JSON 401 without one). The JVM's memory, GC,
 * threads and CPU are bound here, and the GC listener is let go when the application stops.
 */
@WebServlet(name = "MetricsEndpoint", urlPatterns = "/metrics", loadOnStartup = 1)
public class MetricsEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private transient JvmGcMetrics gc;

    @Override
    public void init() {
        new JvmMemoryMetrics().bindTo(Meters.REGISTRY);
        new JvmThreadMetrics().bindTo(Meters.REGISTRY);
        new ClassLoaderMetrics().bindTo(Meters.REGISTRY);
        new ProcessorMetrics().bindTo(Meters.REGISTRY);
        new UptimeMetrics().bindTo(Meters.REGISTRY);
        gc = new JvmGcMetrics();
        gc.bindTo(Meters.REGISTRY);
    }

    @Override
    public void destroy() {
        if (gc != null) {
            gc.close();
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!Answers.readOnly(request, response)) {
            return;
        }
        byte[] body = Meters.REGISTRY.scrape().getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setContentType("text/plain; version=0.0.4; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }
}

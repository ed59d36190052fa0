package net.presence.operations;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells the request log and the request metrics which route template answered ("GET
 * /sessions/{mac}"), never the raw path: a MAC in a label would make one series per device.
 * The template is worked out once per resource method and kept.
 */
@Provider
public class RequestRoute implements ContainerResponseFilter {

    static final String ATTRIBUTE = "net.presence.operations.route";

    private static final Map<Method, String> TEMPLATES = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method != null) {
            request.setProperty(ATTRIBUTE, TEMPLATES.computeIfAbsent(method, RequestRoute::template));
        }
    }

    static String template(Method method) {
        Path type = resource(method.getDeclaringClass());
        Path own = method.getAnnotation(Path.class);
        StringBuilder path = new StringBuilder("/sessions");
        for (Path part : new Path[] {type, own}) {
            String value = part == null ? "" : part.value().replaceAll("^/+|/+$", "");
            if (!value.isEmpty()) {
                path.append('/').append(value);
            }
        }
        return verb(method) + " " + path.toString().replaceAll("\\{(\\w+)\\s*:[^}]*}", "{$1}");
    }

    private static Path resource(Class<?> type) {
        return type.getAnnotation(Path.class);
    }

    private static String verb(Method method) {
        if (method.isAnnotationPresent(POST.class)) {
            return "POST";
        }
        if (method.isAnnotationPresent(DELETE.class)) {
            return "DELETE";
        }
        return method.isAnnotationPresent(GET.class) ? "GET" : "OTHER";
    }
}

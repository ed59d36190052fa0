package net.presence.it;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.servlet.annotation.WebServlet;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.Set;
import java.util.TreeSet;

/**
 * The routes the WAR's own code declares, found by reading its classes: every JAX-RS resource method
 * ("GET /sessions/list"), and every operations servlet's URL pattern ("/openapi", "/health/*").
 */
final class ServedRoutes {

    private ServedRoutes() {
    }

    /** "METHOD /path" for every resource method, path templates as OpenAPI writes them ({mac}). */
    static Set<String> resourceMethods() {
        Set<String> routes = new TreeSet<>();
        String root = "/" + classes().stream().map(ServedRoutes::load)
                .filter(type -> type.isAnnotationPresent(ApplicationPath.class))
                .map(type -> type.getAnnotation(ApplicationPath.class).value()).findFirst().orElseThrow();
        for (JavaClass javaClass : classes()) {
            Class<?> type = load(javaClass);
            Path classPath = type.getAnnotation(Path.class);
            if (classPath == null) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                String verb = verb(method);
                if (verb == null) {
                    continue;
                }
                Path methodPath = method.getAnnotation(Path.class);
                String path = join(root, classPath.value(), methodPath == null ? "" : methodPath.value());
                routes.add(verb + " " + path.replaceAll("\\{(\\w+)\\s*:[^}]*}", "{$1}"));
            }
        }
        return routes;
    }

    /** The URL patterns of the operations servlets (beside the API; the page's servlets are no API). */
    static Set<String> servletPatterns() {
        Set<String> patterns = new TreeSet<>();
        for (JavaClass javaClass : classes()) {
            if (!javaClass.getPackageName().equals("net.presence.operations")) {
                continue;
            }
            WebServlet servlet = load(javaClass).getAnnotation(WebServlet.class);
            if (servlet != null) {
                patterns.addAll(Set.of(servlet.urlPatterns()));
                patterns.addAll(Set.of(servlet.value()));
            }
        }
        return patterns;
    }

    private static java.util.List<JavaClass> classes() {
        return new java.util.ArrayList<>(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("net.presence"));
    }

    private static Class<?> load(JavaClass javaClass) {
        try {
            return Class.forName(javaClass.getName(), false, ServedRoutes.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String verb(Method method) {
        if (method.isAnnotationPresent(GET.class)) {
            return "GET";
        }
        if (method.isAnnotationPresent(POST.class)) {
            return "POST";
        }
        if (method.isAnnotationPresent(DELETE.class)) {
            return "DELETE";
        }
        if (method.isAnnotationPresent(PUT.class)) {
            return "PUT";
        }
        return null;
    }

    private static String join(String... parts) {
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            String trimmed = part.replaceAll("^/+|/+$", "");
            if (!trimmed.isEmpty()) {
                path.append('/').append(trimmed);
            }
        }
        return path.toString();
    }
}

package net.presence.operations;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * {@code GET /openapi}: the API's OpenAPI document, generated at build time from the resources'
 * annotations and {@link OperationsModel}, and read once. No token: it describes, it holds no data.
 * YAML unless {@code ?format=json} or an Accept header that asks for JSON (and not YAML first).
 */
@WebServlet(name = "OpenApiDocument", urlPatterns = "/openapi")
public class OpenApiDocument extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String YAML = "application/yaml";
    static final String JSON = "application/json";

    private byte[] yaml;
    private byte[] json;

    @Override
    public void init() {
        yaml = resource("/openapi/openapi.yaml");
        json = resource("/openapi/openapi.json");
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!Answers.readOnly(request, response)) {
            return;
        }
        String format = request.getParameter("format");
        boolean asJson;
        if (format == null || format.isEmpty()) {
            asJson = wantsJson(request.getHeader("Accept"));
        } else if (format.equalsIgnoreCase("json") || format.equalsIgnoreCase("yaml")) {
            asJson = format.equalsIgnoreCase("json");
        } else {
            Answers.error(response, 400, "Parameter 'format' is invalid ('" + Answers.clip(format) + "'): expected json or yaml");
            return;
        }
        byte[] body = asJson ? json : yaml;
        response.setStatus(200);
        response.setContentType((asJson ? JSON : YAML) + ";charset=UTF-8");
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    /** JSON when the Accept header names it before any YAML type; YAML, the MicroProfile default, otherwise. */
    static boolean wantsJson(String accept) {
        if (accept == null) {
            return false;
        }
        String lower = accept.toLowerCase(Locale.ROOT);
        int jsonAt = lower.indexOf(JSON);
        if (jsonAt < 0) {
            return false;
        }
        int yamlAt = lower.indexOf("yaml");
        return yamlAt < 0 || jsonAt < yamlAt;
    }

    private static byte[] resource(String name) {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the WAR: the build generates it");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

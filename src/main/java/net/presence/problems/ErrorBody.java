package net.presence.problems;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * The one error shape of the API, {@code {"success": false, "error": "<category>", "message": "..."}},
 * with {@code details} only when there are several problems. Bound to JSON by JSON-B: a JAX-RS
 * resource returns it as its entity, code outside JAX-RS writes {@link #toJson()}.
 */
@JsonbPropertyOrder({"success", "error", "message", "details"})
public record ErrorBody(boolean success, String error, String message, List<ApiProblem.Detail> details) {

    public static final String MEDIA_TYPE = "application/json; charset=UTF-8";

    private static final Map<Integer, String> CATEGORIES = Map.ofEntries(
            Map.entry(400, "Bad Request"),
            Map.entry(401, "Unauthorized"),
            Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"),
            Map.entry(405, "Method Not Allowed"),
            Map.entry(406, "Not Acceptable"),
            Map.entry(409, "Conflict"),
            Map.entry(413, "Payload Too Large"),
            Map.entry(415, "Unsupported Media Type"),
            Map.entry(422, "Unprocessable Entity"),
            Map.entry(429, "Too Many Requests"),
            Map.entry(500, "Internal Server Error"),
            Map.entry(503, "Service Unavailable"));

    public static String category(int status) {
        return CATEGORIES.getOrDefault(status, status < 500 ? "Bad Request" : "Internal Server Error");
    }

    public static ErrorBody of(int status, String message) {
        return of(status, message, List.of());
    }

    /** No details are written when there are none: a null field is left out. */
    public static ErrorBody of(int status, String message, List<ApiProblem.Detail> details) {
        return new ErrorBody(false, category(status), message, details.isEmpty() ? null : List.copyOf(details));
    }

    public String toJson() {
        return Binding.JSONB.toJson(this);
    }

    /** Made on first use: a Jsonb is costly to make and safe to share. */
    private static final class Binding {
        static final Jsonb JSONB = JsonbBuilder.create();
    }
}

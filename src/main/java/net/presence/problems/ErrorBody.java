package net.presence.problems;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;

/** The one error shape of the API: {@code {"success": false, "error": "<category>", "message": "..."}}. */
public final class ErrorBody {

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
            Map.entry(500, "Internal Server Error"),
            Map.entry(503, "Service Unavailable"));

    private ErrorBody() {
    }

    public static String category(int status) {
        return CATEGORIES.getOrDefault(status, status < 500 ? "Bad Request" : "Internal Server Error");
    }

    public static JsonObject of(int status, String message) {
        return of(status, message, List.of());
    }

    public static JsonObject of(int status, String message, List<ApiProblem.Detail> details) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("success", false)
                .add("error", category(status))
                .add("message", message);
        if (!details.isEmpty()) {
            JsonArrayBuilder list = Json.createArrayBuilder();
            for (ApiProblem.Detail detail : details) {
                JsonObjectBuilder entry = Json.createObjectBuilder();
                if (detail.line() != null) {
                    entry.add("line", detail.line());
                }
                if (detail.field() != null) {
                    entry.add("field", detail.field());
                }
                list.add(entry.add("message", detail.message()));
            }
            body.add("details", list);
        }
        return body.build();
    }
}

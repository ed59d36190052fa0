package net.presence.platform;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.presence.problems.ApiProblem;
import net.presence.values.InvalidValueException;

/**
 * A JSON object from a request body, read field by field. Every problem is collected so that the
 * client learns all of them at once: {@link #validate()} answers 422 with one detail per problem.
 * Malformed JSON is a 400 right away; {@code null} counts as absent.
 */
public final class JsonBody {

    /**
     * One factory for every body: {@code Json.createReader} looks the JSON-P provider up anew on
     * each call, which scans every jar of the WAR, and an import calls it once per line.
     */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    private final JsonObject object;
    private final List<ApiProblem.Detail> problems = new ArrayList<>();

    private JsonBody(JsonObject object) {
        this.object = object;
    }

    public static JsonBody read(InputStream in) {
        JsonStructure json;
        try (JsonReader reader = READERS.createReader(in)) {
            json = reader.read();
        } catch (JsonParsingException e) {
            throw ApiProblem.badRequest("The request body is not well-formed JSON (at line " + e.getLocation().getLineNumber()
                    + ", column " + e.getLocation().getColumnNumber() + "): expected a JSON object");
        } catch (JsonException e) {
            throw ApiProblem.badRequest("The request body is empty or not JSON: expected a JSON object");
        }
        if (!(json instanceof JsonObject object)) {
            String type = json.getValueType().toString().toLowerCase(java.util.Locale.ROOT);
            throw ApiProblem.unprocessable("The request body must be a JSON object, not " + ("aeiou".indexOf(type.charAt(0)) >= 0 ? "an " : "a ")
                    + type);
        }
        return new JsonBody(object);
    }

    public static JsonBody of(JsonObject object) {
        return new JsonBody(object);
    }

    /** A reader of one JSON text, such as a line of an upload. */
    public static JsonReader reader(Reader text) {
        return READERS.createReader(text);
    }

    /** The field's text, or null when absent; a value that is not a string is a problem. */
    public String text(String field) {
        JsonValue value = object.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        problem(field, "Field '" + field + "' must be a string, not " + value.getValueType().toString().toLowerCase());
        return null;
    }

    /** Whether the body has the field at all, even as null: where null means something (it clears a value). */
    public boolean has(String field) {
        return object.containsKey(field);
    }

    public <T> T required(String field, Function<String, T> parser) {
        if (!object.containsKey(field) || object.isNull(field)) {
            problem(field, "Field '" + field + "' is required");
            return null;
        }
        return optional(field, parser);
    }

    public <T> T optional(String field, Function<String, T> parser) {
        String text = text(field);
        if (text == null) {
            return null;
        }
        try {
            return parser.apply(text);
        } catch (InvalidValueException e) {
            problem(field, "Field '" + field + "' is invalid (" + Values.quote(text) + "): expected " + e.getMessage());
            return null;
        }
    }

    public void problem(String field, String message) {
        problems.add(new ApiProblem.Detail(field, message));
    }

    /** 422 naming every problem found so far, if there is one. */
    public void validate() {
        if (problems.isEmpty()) {
            return;
        }
        String message = problems.size() == 1 ? problems.get(0).message()
                : problems.get(0).message() + " (and " + (problems.size() - 1) + " more problem"
                        + (problems.size() > 2 ? "s" : "") + ", see details)";
        throw new ApiProblem(422, message, problems);
    }
}

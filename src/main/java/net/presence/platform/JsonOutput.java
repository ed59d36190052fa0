package net.presence.platform;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.Map;
import java.util.function.Consumer;
import net.presence.problems.ErrorBody;

/**
 * Successful answers. Listings are written field by field straight to the response stream, so that
 * thousands of rows never exist in memory as one JSON document; small answers are records that
 * JSON-B binds.
 */
public final class JsonOutput {

    private static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(Map.of());

    private JsonOutput() {
    }

    /** {@code {"success": true, ...}} with the fields the writer adds. */
    public static Response ok(Consumer<JsonGenerator> fields) {
        StreamingOutput body = out -> {
            try (JsonGenerator json = GENERATORS.createGenerator(out)) {
                json.writeStartObject().write("success", true);
                fields.accept(json);
                json.writeEnd();
            }
        };
        return Response.ok(body, ErrorBody.MEDIA_TYPE).build();
    }

    /** A small answer: a record whose components are the fields, {@code success} first. */
    public static Response answer(Object record) {
        return Response.ok(record, ErrorBody.MEDIA_TYPE).build();
    }

    /** A string field that may be null. */
    public static void nullable(JsonGenerator json, String name, String value) {
        if (value == null) {
            json.writeNull(name);
        } else {
            json.write(name, value);
        }
    }
}

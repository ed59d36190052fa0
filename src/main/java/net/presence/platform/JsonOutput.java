package net.presence.platform;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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

    /**
     * A listing as JSON, or as CSV (docs/API.md §14): the same fields writer produces both, so the rows
     * come in the same order and paging. CSV goes out as it is written, one row at a time, like the JSON.
     */
    public static Response ok(Representation representation, CsvFile csv, Consumer<JsonGenerator> fields) {
        if (representation == Representation.JSON) {
            return ok(fields);
        }
        StreamingOutput body = out -> {
            CsvWriter writer = new CsvWriter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 8192));
            try (CsvRows rows = new CsvRows(writer, csv.columns())) {
                rows.writeStartObject().write("success", true);
                fields.accept(rows);
                rows.writeEnd();
            }
        };
        Response.ResponseBuilder answer = Response.ok(body, Representation.CSV_MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + csv.fileName(Instant.now()) + "\"");
        csv.fields().forEach((name, value) -> answer.header(CsvFile.headerName(name), value));
        return answer.build();
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

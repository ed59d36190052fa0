package net.presence.operations;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASModelReader;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * The parts of the OpenAPI document that annotations cannot carry: the shared shapes (a session
 * row, an event row, a calendar bar, the one error shape), the shared error answers, the bearer
 * scheme, and the operations routes at the root, which are servlets rather than JAX-RS resources.
 * Read by the build (smallrye-open-api-maven-plugin), which merges the resources' annotations in.
 */
public class OperationsModel implements OASModelReader {

    static final String BEARER = "bearer";

    @Override
    public OpenAPI buildModel() {
        return OASFactory.createOpenAPI()
                .components(components())
                .paths(OASFactory.createPaths()
                        .addPathItem("/openapi", get(operation("openapi", "This document: YAML, or JSON for Accept: application/json or ?format=json. No token needed.", "Operations")
                                .addParameter(OASFactory.createParameter().name("format").in(Parameter.In.QUERY)
                                        .description("json or yaml; without it, the Accept header decides (YAML unless it asks for JSON)")
                                        .schema(string().enumeration(List.of("json", "yaml"))))
                                .responses(OASFactory.createAPIResponses()
                                        .addAPIResponse("200", OASFactory.createAPIResponse().description("The OpenAPI document")
                                                .content(OASFactory.createContent()
                                                        .addMediaType("application/yaml", OASFactory.createMediaType().schema(string()))
                                                        .addMediaType("application/json", OASFactory.createMediaType().schema(object()))))
                                        .addAPIResponse("400", ref("BadRequest")))))
                        .addPathItem("/health/live", get(operation("live", "Liveness: the application is deployed and answering. No token needed.", "Operations")
                                .responses(health())))
                        .addPathItem("/health/ready", get(operation("ready", "Readiness: the database answers, its schema is up to date, and the stale-session timer runs when it is on. 503 names the failing check. No token needed.", "Operations")
                                .responses(health())))
                        .addPathItem("/metrics", get(operation("metrics", "Prometheus text: requests per route template and status class, the presence engine, imports, JVM memory, GC, threads and CPU. Read or admin token.", "Operations")
                                .addSecurityRequirement(bearer())
                                .responses(OASFactory.createAPIResponses()
                                        .addAPIResponse("200", OASFactory.createAPIResponse().description("Prometheus text format 0.0.4")
                                                .content(OASFactory.createContent().addMediaType("text/plain", OASFactory.createMediaType().schema(string()))))
                                        .addAPIResponse("401", ref("Unauthorized"))
                                        .addAPIResponse("429", ref("TooManyRequests"))))));

    }

    private static Components components() {
        return OASFactory.createComponents()
                .addSecurityScheme(BEARER, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("Authorization: Bearer <token>. The admin token may do everything, the read token only GET."
                                + " A missing or unknown token is a 401; a read token on a write is a 403."))
                .addSchema("Error", object().description("The one error shape of every route")
                        .addProperty("success", bool().example(false))
                        .addProperty("error", string().description("the HTTP status's reason phrase").example("Unprocessable Entity"))
                        .addProperty("message", string().description("one sentence naming the parameter or field, the problem and what is accepted")
                                .example("Field 'mac' is invalid ('zz'): expected six hex pairs separated by ':' or '-', or twelve hex digits"))
                        .addProperty("details", OASFactory.createSchema().type(Schema.SchemaType.ARRAY)
                                .description("one entry per problem, when a body has several (imports add line, table and rowid)")
                                .items(object()
                                        .addProperty("field", string())
                                        .addProperty("message", string())
                                        .addProperty("line", integer())
                                        .addProperty("table", string())
                                        .addProperty("rowid", integer())))
                        .required(List.of("success", "error", "message")))
                .addSchema("Session", object().description("A session as every read shows it; times in the display zone")
                        .addProperty("ses_MAC", string().example("AA:BB:CC:DD:EE:FF"))
                        .addProperty("ses_Connection", nullableString("display time; null when the connection is missing").example("2025-08-01 10:00"))
                        .addProperty("ses_Disconnection", nullableString("display time; null while open or when missing").example("2025-08-01 12:00"))
                        .addProperty("ses_Duration", nullableString("floored to minutes; null when an end is missing").example("2h 0m"))
                        .addProperty("ses_IP", string().example("192.168.1.10"))
                        .addProperty("ses_Info", string().example(""))
                        .addProperty("ses_DateTimeConnection", nullableString("ISO time with offset").example("2025-08-01T10:00:00+02:00"))
                        .addProperty("ses_DateTimeDisconnection", nullableString("ISO time with offset").example("2025-08-01T12:00:00+02:00"))
                        .addProperty("ses_EventTypeConnection", string().description("<missing event> when missing").example("Connected"))
                        .addProperty("ses_EventTypeDisconnection", nullableString("null while open; <missing event> when missing").example("Disconnected"))
                        .addProperty("ses_StillConnected", bool().example(false))
                        .addProperty("ses_DurationSeconds", integer().nullable(true).example(7200)))
                .addSchema("Event", object().description("An event row")
                        .addProperty("eve_MAC", string().example("AA:BB:CC:DD:EE:FF"))
                        .addProperty("eve_IP", string().example("192.168.1.10"))
                        .addProperty("eve_EventType", string().example("Connected"))
                        .addProperty("eve_Time", string().example("2025-08-01 10:00"))
                        .addProperty("eve_DateTime", string().example("2025-08-01T10:00:00+02:00"))
                        .addProperty("eve_AdditionalInfo", string().example("")))
                .addSchema("CalendarBar", object().description("One bar of the calendar, with the seed's seven keys")
                        .addProperty("resourceId", string().example("AA:BB:CC:DD:EE:FF"))
                        .addProperty("title", string().example(""))
                        .addProperty("className", string().example("no-border"))
                        .addProperty("color", string().description("#0073b7 closed, #00a659 open, #f39c12 missing an end").example("#0073b7"))
                        .addProperty("start", string().example("2025-08-01T10:00:00"))
                        .addProperty("end", string().example("2025-08-01T12:00:00"))
                        .addProperty("tooltip", string().example("Connection: 2025-08-01 10:00\nDisconnection: 2025-08-01 12:00\nIP: 192.168.1.10")))
                .addSchema("Health", object().description("MicroProfile Health format")
                        .addProperty("status", string().enumeration(List.of("UP", "DOWN")))
                        .addProperty("checks", OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(object()
                                .addProperty("name", string().example("database"))
                                .addProperty("status", string().enumeration(List.of("UP", "DOWN"))))))
                .addSchema("SessionList", answer().addProperty("timezone", zone()).addProperty("total", integer().description("all matches, before paging"))
                        .addProperty("sessions", arrayOf("Session")).example(SEED_LIST))
                .addSchema("DeviceSessions", answer().addProperty("timezone", zone()).addProperty("sessions", arrayOf("Session")))
                .addSchema("Created", answer().addProperty("message", string().example("Session created for MAC AA:BB:CC:DD:EE:FF"))
                        .addProperty("session", schemaRef("Session")))
                .addSchema("Deleted", answer().addProperty("message", string().example("Deleted sessions for MAC AA:BB:CC:DD:EE:FF"))
                        .addProperty("deleted", integer().example(1)))
                .addSchema("SessionEvents", answer().addProperty("type", string().example("all")).addProperty("period", string().example("7 days"))
                        .addProperty("timezone", zone()).addProperty("total", integer())
                        .addProperty("data", OASFactory.createSchema().type(Schema.SchemaType.ARRAY)
                                .description("event rows, or session rows for type sessions and missing")
                                .items(OASFactory.createSchema().oneOf(List.of(schemaRef("Event"), schemaRef("Session"))))))
                .addSchema("Totals", answer().addProperty("period", string().example("7 days")).addProperty("timezone", zone())
                        .addProperty("totals", object().addProperty("all", integer()).addProperty("sessions", integer())
                                .addProperty("missing", integer()).addProperty("voided", integer())
                                .addProperty("new", integer()).addProperty("down", integer())))
                .addSchema("CalendarAnswer", answer().addProperty("timezone", zone()).addProperty("sessions", arrayOf("CalendarBar"))
                        .addProperty("devices", object().description("each MAC of the bars: its name, or null when it has none")
                                .additionalPropertiesSchema(nullableString("the device's name")).example(Map.of("AA:BB:CC:DD:EE:FF", "Kitchen iPad"))))
                .addSchema("Presence", answer().addProperty("mac", string().example("AA:BB:CC:DD:EE:FF")).addProperty("timezone", zone())
                        .addProperty("period", nullableString("canonical period; null when start and end were given").example("30 days"))
                        .addProperty("start", string().description("ISO time of the window's start").example("2026-03-01T10:00:00+01:00"))
                        .addProperty("end", string().description("ISO time of the window's end, at most now").example("2026-03-31T10:00:00+02:00"))
                        .addProperty("connected_seconds", integer().example(1296000))
                        .addProperty("window_seconds", integer().example(2588400))
                        .addProperty("uptime_percent", number().description("one decimal").example(50.1))
                        .addProperty("sessions", integer().description("bars meeting the window"))
                        .addProperty("longest_session_seconds", integer().description("within the window"))
                        .addProperty("longest_absence_seconds", integer().description("within the window; 0 for an unknown device"))
                        .addProperty("first_seen", nullableString("ISO time: first connected instant in the window"))
                        .addProperty("last_seen", nullableString("ISO time: last connected instant in the window"))
                        .addProperty("connected_now", bool())
                        .addProperty("heatmap", OASFactory.createSchema().type(Schema.SchemaType.ARRAY).minItems(7).maxItems(7)
                                .description("Monday first; 24 wall hours each; the connected share of the hour's time, three decimals")
                                .items(OASFactory.createSchema().type(Schema.SchemaType.ARRAY).minItems(24).maxItems(24).items(number()))))
                .addSchema("Occupancy", answer().addProperty("timezone", zone())
                        .addProperty("start", string().example("2026-03-23T00:00:00+01:00"))
                        .addProperty("end", string().example("2026-03-30T00:00:00+02:00"))
                        .addProperty("step", string().example("1 hour"))
                        .addProperty("series", OASFactory.createSchema().type(Schema.SchemaType.ARRAY).maxItems(10_000).items(object()
                                .addProperty("time", string().description("ISO time of the step's start").example("2026-03-23T20:00:00+01:00"))
                                .addProperty("devices", integer().description("distinct devices connected at any moment of the step"))
                                .addProperty("average", number().description("device-seconds / step seconds, two decimals").example(12.5)))))
                .addSchema("Device", object().description("A known device")
                        .addProperty("mac", string().example("AA:BB:CC:DD:EE:FF"))
                        .addProperty("name", nullableString("given by hand, else reported by a scanner or imported").example("Kitchen iPad"))
                        .addProperty("first_seen", nullableString("ISO time of its first event"))
                        .addProperty("last_seen", nullableString("ISO time of its latest event"))
                        .addProperty("connected_now", bool())
                        .addProperty("sessions", integer()))
                .addSchema("DeviceList", answer().addProperty("timezone", zone()).addProperty("total", integer().description("all matches, before paging"))
                        .addProperty("devices", arrayOf("Device")))
                .addSchema("NamedDevice", answer().addProperty("timezone", zone()).addProperty("device", schemaRef("Device")))
                .addSchema("DeviceName", object().addProperty("name", nullableString("1 to 64 characters after trimming; null clears the name")
                        .example("Kitchen iPad")).required(List.of("name")))
                .addSchema("Observed", answer()
                        .addProperty("effect", string().enumeration(List.of("opened", "closed", "repeated", "ip_changed", "voided", "missing_connection")))
                        .addProperty("session", schemaRef("Session")))
                .addSchema("ScanCounts", answer().addProperty("opened", integer()).addProperty("closed", integer()).addProperty("new", integer())
                        .addProperty("ip_changed", integer()).addProperty("repeated", integer()).addProperty("voided", integer()))
                .addSchema("Imported", answer().addProperty("imported", integer().example(2)))
                .addSchema("MovedIn", answer().addProperty("mode", string().enumeration(List.of("strict", "skip")))
                        .addProperty("timezone", zone())
                        .addProperty("sessions", schemaRef("MovedInCounts")).addProperty("events", schemaRef("MovedInCounts"))
                        .addProperty("devices", schemaRef("MovedInCounts"))
                        .addProperty("dst", object().addProperty("gap", integer()).addProperty("repeated", integer()))
                        .addProperty("took_ms", integer())
                        .addProperty("skipped", OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(object()
                                .addProperty("table", string()).addProperty("rowid", integer())
                                .addProperty("field", string()).addProperty("message", string()))))
                .addSchema("MovedInCounts", object().addProperty("imported", integer()).addProperty("skipped", integer())
                        .addProperty("already_present", integer()))
                .addSchema("Version", answer().addProperty("version", string().example("1.0.0"))
                        .addProperty("commit", string().description("the git commit built, or unknown").example("b38d445"))
                        .addProperty("build_time", string().example("2026-12-01T10:00:00Z"))
                        .addProperty("database", object().addProperty("kind", string().enumeration(List.of("derby", "postgresql")))
                                .addProperty("schema_version", string().description("the last changeset of the schema").example("3"))))
                .addSchema("NewSession", object()
                        .addProperty("mac", string().example("AA:BB:CC:DD:EE:FF"))
                        .addProperty("ip", string().example("192.168.1.10"))
                        .addProperty("start_time", string().description("YYYY-MM-DDTHH:MM[:SS], optional Z or offset; without one, display-zone wall time").example("2025-08-01T10:00:00"))
                        .addProperty("end_time", string().description("absent: the session is open").example("2025-08-01T12:00:00"))
                        .addProperty("event_type_conn", string().description("1 to 30 characters").example("Connected"))
                        .addProperty("event_type_disc", string().description("1 to 30 characters; ignored without end_time").example("Disconnected"))
                        .addProperty("info", string().description("at most 250 characters"))
                        .required(List.of("mac", "ip", "start_time")))
                .addSchema("DeviceBody", object().addProperty("mac", string().example("AA:BB:CC:DD:EE:FF")).required(List.of("mac")))
                .addSchema("Observation", object()
                        .addProperty("mac", string().example("AA:BB:CC:DD:EE:01"))
                        .addProperty("ip", string().example("192.168.1.10"))
                        .addProperty("event_type", string().enumeration(List.of("Connected", "Disconnected", "Device Down")))
                        .addProperty("time", string().description("default now; at most 5 minutes in the future").example("2025-08-01T10:00:00"))
                        .addProperty("info", string().description("at most 250 characters"))
                        .addProperty("name", nullableString("the device's name as the scanner knows it; kept unless a name was given by hand"))
                        .required(List.of("mac", "ip", "event_type")))
                .addSchema("Scan", object()
                        .addProperty("time", string().description("default now").example("2025-08-01T10:00:00"))
                        .addProperty("devices", OASFactory.createSchema().type(Schema.SchemaType.ARRAY).maxItems(100_000)
                                .items(object().addProperty("mac", string().example("AA:BB:CC:DD:EE:01"))
                                        .addProperty("ip", string().example("192.168.1.10"))
                                        .addProperty("name", nullableString("the device's name as the scanner knows it"))
                                        .required(List.of("mac", "ip"))))
                        .required(List.of("devices")))
                .responses(Map.of(
                        "BadRequest", error("A query or path parameter is missing or invalid, or the body is not well-formed JSON"),
                        "Unauthorized", error("No valid bearer token (header WWW-Authenticate: Bearer realm=\"sessions\")"),
                        "Forbidden", error("The read token on a route that writes"),
                        "Conflict", error("The write contradicts what is stored (an overlap, a second open session, an observation older than the device's latest)"),
                        "PayloadTooLarge", error("The body is larger than the route takes"),
                        "NotAcceptable", error("Accept names no type the route answers in (JSON; CSV on the listings that offer it)"),
                        "UnsupportedMediaType", error("The body's Content-Type is not one the route takes"),
                        "UnprocessableEntity", error("A well-formed body with a missing or invalid field; details lists each"),
                        "TooManyRequests", error("Too many failed tokens from this address within a minute; Retry-After says when to try again"),
                        "ServiceUnavailable", error("The database cannot be reached, or the server is stopping; Retry-After says when to try again")));
    }

    private static APIResponses health() {
        Content json = OASFactory.createContent().addMediaType("application/json",
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Health")));
        return OASFactory.createAPIResponses()
                .addAPIResponse("200", OASFactory.createAPIResponse().description("UP").content(json))
                .addAPIResponse("503", OASFactory.createAPIResponse().description("DOWN; the failing check is named").content(json));
    }

    private static APIResponse error(String description) {
        MediaType json = OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Error"));
        return OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType("application/json", json));
    }

    /** The seed's own example: one closed session of two hours. */
    private static final Map<String, Object> SEED_LIST = Map.of("success", true, "timezone", "Europe/Berlin", "total", 1,
            "sessions", List.of(Map.ofEntries(
                    Map.entry("ses_MAC", "AA:BB:CC:DD:EE:FF"),
                    Map.entry("ses_Connection", "2025-08-01 10:00"),
                    Map.entry("ses_Disconnection", "2025-08-01 12:00"),
                    Map.entry("ses_Duration", "2h 0m"),
                    Map.entry("ses_IP", "192.168.1.10"),
                    Map.entry("ses_Info", ""),
                    Map.entry("ses_DateTimeConnection", "2025-08-01T10:00:00+02:00"),
                    Map.entry("ses_DateTimeDisconnection", "2025-08-01T12:00:00+02:00"),
                    Map.entry("ses_EventTypeConnection", "Connected"),
                    Map.entry("ses_EventTypeDisconnection", "Disconnected"),
                    Map.entry("ses_StillConnected", false),
                    Map.entry("ses_DurationSeconds", 7200))));

    private static Schema answer() {
        return object().addProperty("success", bool().example(true));
    }

    private static Schema zone() {
        return string().description("the display zone used").example("Europe/Berlin");
    }

    private static Schema arrayOf(String schema) {
        return OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(schemaRef(schema));
    }

    private static Schema schemaRef(String schema) {
        return OASFactory.createSchema().ref(schema);
    }

    private static APIResponse ref(String name) {
        return OASFactory.createAPIResponse().ref(name);
    }

    private static PathItem get(Operation operation) {
        return OASFactory.createPathItem().GET(operation);
    }

    private static Operation operation(String id, String summary, String tag) {
        return OASFactory.createOperation().operationId(id).summary(summary).addTag(tag);
    }

    private static Schema object() {
        return OASFactory.createSchema().type(Schema.SchemaType.OBJECT);
    }

    private static Schema string() {
        return OASFactory.createSchema().type(Schema.SchemaType.STRING);
    }

    private static Schema nullableString(String description) {
        return string().nullable(true).description(description);
    }

    private static Schema number() {
        return OASFactory.createSchema().type(Schema.SchemaType.NUMBER);
    }

    private static Schema bool() {
        return OASFactory.createSchema().type(Schema.SchemaType.BOOLEAN);
    }

    private static Schema integer() {
        return OASFactory.createSchema().type(Schema.SchemaType.INTEGER);
    }

    /** The bearer token, as /metrics asks for it. */
    static SecurityRequirement bearer() {
        return OASFactory.createSecurityRequirement().addScheme(BEARER);
    }
}

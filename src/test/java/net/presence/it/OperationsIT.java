package net.presence.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The operations routes at the root: the OpenAPI document (public, YAML or JSON, valid for a real
 * parser, and the same routes as the WAR serves, both ways) and the health probes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperationsIT extends DeployedWar {

    @Test
    void metricsNeedATokenAndCountRequestsByRouteTemplateAndTheEnginesEffects() {
        Api.Reply anonymous = api.get("/metrics", null);
        assertEquals(401, anonymous.status());
        assertEquals("ERROR: Not authorized", anonymous.json().getString("message"));

        String mac = Api.randomMac();
        Api.Reply observed = api.post("/sessions/events", Api.ADMIN,
                "{\"mac\": \"" + mac + "\", \"ip\": \"192.168.7.1\", \"event_type\": \"Connected\"}");
        assertEquals("opened", observed.json().getString("effect"), observed::toString);
        assertEquals(200, api.get("/sessions/" + mac, Api.READ).status());

        Api.Reply metrics = api.get("/metrics", Api.READ);
        assertEquals(200, metrics.status(), metrics::toString);
        assertTrue(metrics.header("Content-Type").startsWith("text/plain"), metrics::toString);
        String text = metrics.body();
        assertTrue(count(text, "sessions_http_requests_seconds_count{route=\"GET /sessions/{mac}\",status=\"2xx\"}") >= 1, text);
        assertFalse(text.contains(mac), "no MAC in a label");
        assertTrue(count(text, "sessions_observations_total{effect=\"opened\"}") >= 1, text);
        assertTrue(count(text, "sessions_opened_total") >= 1, text);
        assertTrue(text.contains("sessions_http_requests_seconds_bucket{route=\"POST /sessions/events\",status=\"2xx\",le="), text);
        assertTrue(text.contains("jvm_memory_used_bytes{"), text);
        assertTrue(text.contains("jvm_gc_"), text);
        // the create and the read above each borrowed a pooled connection, and gave it back
        assertTrue(count(text, "sessions_db_connection_wait_seconds_count") >= 2, text);
        double inUse = count(text, "sessions_db_connections_in_use");
        assertTrue(inUse >= 0 && inUse <= 1, "in use while nothing but a timer may hold one: " + inUse);
        assertTrue(count(text, "sessions_db_connections_waiting") >= 0, text);
        assertEquals(200, api.get("/metrics", Api.ADMIN).status());
    }

    /** The value of the first sample line that starts with this series, or -1 when there is none. */
    private static double count(String text, String series) {
        return text.lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1).trim())).orElse(-1.0);
    }

    /**
     * The access log (on for the tests, in the data directory) has a line per request with the route
     * template and the caller's role, and neither token, after requests that used both.
     */
    @Test
    @Order(Integer.MAX_VALUE - 1)
    void theAccessLogNamesRolesNeverTokens() throws Exception {
        assertEquals(200, api.get("/sessions/totals", Api.READ).status());
        assertEquals(200, api.get("/sessions/list?limit=1", Api.ADMIN).status());
        assertEquals(401, api.get("/sessions/totals", "wrong-token-0123456789").status());
        Path log = Path.of(System.getProperty("it.data.dir"), "access.log");
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String text = Files.readString(log);
        while (!text.contains("GET /sessions/list 200") && System.nanoTime() < until) {
            Thread.sleep(100);
            text = Files.readString(log);
        }
        assertTrue(text.lines().anyMatch(line -> line.matches("\\S+Z GET /sessions/totals 200 [0-9.]+ms \\d+B read")), text);
        assertTrue(text.lines().anyMatch(line -> line.matches("\\S+Z GET /sessions/list 200 [0-9.]+ms \\d+B admin")), text);
        // refused by the security mechanism before any filter runs, and still logged (platform.Refusals)
        assertTrue(text.lines().anyMatch(line -> line.matches("\\S+Z GET \\S+ 401 [0-9.]+ms \\d+B -")), text);
        assertFalse(text.contains(Api.ADMIN), "the admin token is in the access log");
        assertFalse(text.contains(Api.READ), "the read token is in the access log");
        assertFalse(text.contains("wrong-token"), "a wrong token is in the access log");
    }

    @Test
    void theVersionNamesTheBuildAndTheDatabase() {
        assertEquals(401, api.get("/sessions/version", null).status());
        Api.Reply reply = api.get("/sessions/version", Api.READ);
        assertEquals(200, reply.status(), reply::toString);
        JsonObject version = reply.json();
        assertTrue(version.getString("version").matches("\\d+\\.\\d+\\.\\d+.*"), reply::toString);
        assertTrue(version.getString("commit").matches("[0-9a-f]{10}|unknown"), reply::toString);
        assertTrue(version.getString("build_time").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), reply::toString);
        String kind = System.getProperty("it.db.options", "").contains("postgresql") ? "postgresql" : "derby";
        assertEquals(kind, version.getJsonObject("database").getString("kind"));
        assertEquals(lastChangeSet(kind), version.getJsonObject("database").getString("schema_version"));
    }

    /**
     * The newest migration in the changelog the build ships that applies to this database (a
     * changeset may name one with dbms=), so a new changeset needs no edit here.
     */
    private static String lastChangeSet(String database) {
        try {
            String changelog = Files.readString(Path.of("src/main/resources/db/changelog.xml"));
            Matcher tags = Pattern.compile("<changeSet ([^>]*)>").matcher(changelog);
            String last = null;
            while (tags.find()) {
                Matcher dbms = Pattern.compile("dbms=\"([^\"]+)\"").matcher(tags.group(1));
                if (!dbms.find() || dbms.group(1).equals(database)) {
                    Matcher id = Pattern.compile("id=\"([^\"]+)\"").matcher(tags.group(1));
                    last = id.find() ? id.group(1) : last;
                }
            }
            return last;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theDocumentIsPublicYamlByDefaultAndJsonOnRequest() {
        Api.Reply yaml = api.get("/openapi", null);
        assertEquals(200, yaml.status(), yaml::toString);
        assertTrue(yaml.header("Content-Type").startsWith("application/yaml"), yaml::toString);
        assertTrue(yaml.body().contains("openapi: 3.0.3"), () -> yaml.body().substring(0, 200));

        Api.Reply byParameter = api.get("/openapi?format=json", null);
        assertEquals(200, byParameter.status());
        assertTrue(byParameter.header("Content-Type").startsWith("application/json"), byParameter::toString);
        assertEquals("3.0.3", byParameter.json().getString("openapi"));

        Api.Reply byAccept = api.send(HttpRequest.newBuilder(api.base().resolve("/openapi")).header("Accept", "application/json"));
        assertEquals(byParameter.body(), byAccept.body());

        Api.Reply wrong = api.get("/openapi?format=xml", null);
        assertEquals(400, wrong.status());
        assertEquals("Parameter 'format' is invalid ('xml'): expected json or yaml", wrong.json().getString("message"));

        Api.Reply written = api.post("/openapi", Api.ADMIN, "{}");
        assertEquals(405, written.status());
        assertEquals("GET, HEAD", written.header("Allow"));
        assertFalse(written.json().getBoolean("success"));
    }

    @Test
    void aRealParserFindsTheDocumentValidWithTheBearerSchemeAndTheSeedsExamples() {
        for (String format : List.of("yaml", "json")) {
            String text = api.get("/openapi?format=" + format, null).body();
            ParseOptions options = new ParseOptions();
            options.setResolve(true);
            SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
            assertEquals(List.of(), result.getMessages() == null ? List.of() : result.getMessages(), format);
            OpenAPI document = result.getOpenAPI();
            assertNotNull(document, format);
            assertEquals("bearer", document.getComponents().getSecuritySchemes().get("bearer").getScheme());
            Map<?, ?> example = io.swagger.v3.core.util.Json.mapper()
                    .convertValue(document.getComponents().getSchemas().get("SessionList").getExample(), Map.class);
            Map<?, ?> seed = (Map<?, ?>) ((List<?>) example.get("sessions")).get(0);
            assertEquals("2025-08-01 10:00", seed.get("ses_Connection"));
            assertEquals("2h 0m", seed.get("ses_Duration"));
            Operation list = document.getPaths().get("/sessions/list").getGet();
            assertEquals(List.of(Map.of("bearer", List.of())), list.getSecurity().stream().map(Map::copyOf).collect(Collectors.toList()));
            assertTrue(list.getResponses().keySet().containsAll(Set.of("200", "400", "401")), list.getResponses()::toString);
        }
    }

    @Test
    void everyServedRouteIsInTheDocumentAndEveryDocumentedRouteIsServed() {
        OpenAPI document = new OpenAPIV3Parser().readContents(api.get("/openapi?format=json", null).body()).getOpenAPI();
        Set<String> documented = new TreeSet<>();
        document.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> documented.add(method + " " + path)));

        Set<String> declared = ServedRoutes.resourceMethods();
        for (String pattern : ServedRoutes.servletPatterns()) {
            if (pattern.endsWith("/*")) {
                String prefix = pattern.substring(0, pattern.length() - 1);
                assertTrue(documented.stream().anyMatch(route -> route.startsWith("GET " + prefix)),
                        () -> "servlet " + pattern + " has no route in the document: " + documented);
            } else {
                declared.add("GET " + pattern);
            }
        }
        Set<String> undocumented = new TreeSet<>(declared);
        undocumented.removeAll(documented);
        assertEquals(Set.of(), undocumented, "served but not in the document");
        Set<String> documentedApi = documented.stream().filter(route -> route.contains(" /sessions"))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> declaredApi = declared.stream().filter(route -> route.contains(" /sessions"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(declaredApi, documentedApi, "the document's API routes are the resources' methods");

        // and every documented route answers on this server: neither 404 nor 405, with the API's JSON
        List<String> notServed = new ArrayList<>();
        document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            Api.Reply reply = call(method, path, operation);
            if (reply.status() == 404 || reply.status() == 405 || reply.status() >= 500) {
                notServed.add(method + " " + path + " -> " + reply);
            }
        }));
        assertEquals(List.of(), notServed);
    }

    /** The route with its required parameters set to their documented examples; writes send an empty object. */
    private Api.Reply call(PathItem.HttpMethod method, String path, Operation operation) {
        String concrete = path;
        StringBuilder query = new StringBuilder();
        for (Parameter parameter : operation.getParameters() == null ? List.<Parameter>of() : operation.getParameters()) {
            String example = parameter.getExample() == null ? "x" : parameter.getExample().toString();
            if ("path".equals(parameter.getIn())) {
                concrete = concrete.replace("{" + parameter.getName() + "}", Api.encode(example));
            } else if (Boolean.TRUE.equals(parameter.getRequired())) {
                query.append(query.length() == 0 ? "?" : "&").append(parameter.getName()).append('=').append(Api.encode(example));
            }
        }
        String body = method == PathItem.HttpMethod.GET ? null : "{}";
        if (isStream(operation)) {
            return streamStatus(concrete + query);
        }
        return api.send(method.name(), concrete + query, Api.ADMIN, body == null ? null : "application/json", body);
    }

    /** A route that answers with an endless event stream (the live stream): its body is never read to its end. */
    private static boolean isStream(Operation operation) {
        var ok = operation.getResponses() == null ? null : operation.getResponses().get("200");
        return ok != null && ok.getContent() != null && ok.getContent().containsKey("text/event-stream");
    }

    /** The stream's status and headers, and the first bytes of its body; then it is closed. */
    private Api.Reply streamStatus(String path) {
        try {
            java.net.http.HttpResponse<java.io.InputStream> response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(api.base().resolve(path)).header("Authorization", "Bearer " + Api.ADMIN)
                            .timeout(java.time.Duration.ofSeconds(30)).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofInputStream());
            try (java.io.InputStream in = response.body()) {
                byte[] first = new byte[12];
                int read = in.readNBytes(first, 0, first.length);
                return new Api.Reply(response.statusCode(), response.headers(),
                        new String(first, 0, Math.max(read, 0), java.nio.charset.StandardCharsets.UTF_8));
            }
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException("The stream " + path + " did not answer: " + e, e);
        }
    }

    @Test
    void theProbesArePublicAndSayOnlyUpOrDown() {
        Api.Reply live = api.get("/health/live", null);
        assertEquals(200, live.status(), live::toString);
        assertEquals("UP", live.json().getString("status"));

        Api.Reply ready = api.get("/health/ready", null);
        assertEquals(200, ready.status(), ready::toString);
        JsonObject answer = ready.json();
        assertEquals("UP", answer.getString("status"));
        assertEquals(List.of("database", "migrations", "stale-timer"), answer.getJsonArray("checks").stream()
                .map(check -> check.asJsonObject().getString("name")).collect(Collectors.toList()));
        assertTrue(answer.getJsonArray("checks").stream().allMatch(check -> check.asJsonObject().getString("status").equals("UP")));
        assertEquals(Set.of("status", "checks"), answer.keySet(), "no data, versions or paths");

        Api.Reply unknown = api.get("/health/other", null);
        assertEquals(404, unknown.status());
        assertEquals("No such health probe: use /health/live or /health/ready", unknown.json().getString("message"));
    }
}

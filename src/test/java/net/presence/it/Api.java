package net.presence.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The integration tests' HTTP client for the deployed WAR, on loopback only. */
public final class Api {

    public static final String ADMIN = "it-admin-token-0123456789";
    public static final String READ = "it-read-token-0123456789";
    public static final String ZONE = "Europe/Berlin";

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    public Api(URL deployed) {
        this.base = URI.create(deployed.toExternalForm().replaceFirst("/$", ""));
        if (!List.of("localhost", "127.0.0.1", "[::1]").contains(base.getHost())) {
            throw new IllegalStateException("Tests talk to loopback only, not to " + base);
        }
    }

    /** The WAR that Maven built, deployed at the root exactly as it ships. */
    public static WebArchive war() {
        File war = new File(System.getProperty("sessions.war", "target/sessions.war"));
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(war).as(WebArchive.class);
    }

    public URI base() {
        return base;
    }

    public Reply get(String path, String token) {
        return send("GET", path, token, null, null);
    }

    public Reply post(String path, String token, String json) {
        return send("POST", path, token, "application/json", json);
    }

    public Reply delete(String path, String token, String json) {
        return send("DELETE", path, token, json == null ? null : "application/json", json);
    }

    public Reply send(String method, String path, String token, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    public Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (Exception e) {
            throw new IllegalStateException("Request failed: " + e, e);
        }
    }

    /** Sends without waiting; the reply, or the failure (a time-out among them), when it comes. */
    public CompletableFuture<Reply> sendAsync(HttpRequest.Builder request) {
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> new Reply(response.statusCode(), response.headers(), response.body()));
    }

    /** A MAC no other test uses. */
    public static String randomMac() {
        long bits = ThreadLocalRandom.current().nextLong() & 0xFFFFFFFFFFFFL;
        return String.format("%012X", bits).replaceAll("(..)(?!$)", "$1:");
    }

    public static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    public record Reply(int status, java.net.http.HttpHeaders headers, String body) {

        public JsonObject json() {
            try {
                return Json.createReader(new StringReader(body)).readObject();
            } catch (RuntimeException e) {
                throw new AssertionError("Not a JSON object (status " + status + "): " + body, e);
            }
        }

        public JsonArray array(String field) {
            return json().getJsonArray(field);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}

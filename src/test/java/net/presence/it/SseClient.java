package net.presence.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** A Server-Sent Events client on java.net.http: reads the stream on a thread of its own, event by event. */
final class SseClient implements AutoCloseable {

    /** One event as the wire gave it; comments (heartbeats) come as name "comment". */
    record Received(String id, String name, String data, long atMillis) {

        JsonObject json() {
            return Json.createReader(new StringReader(data)).readObject();
        }
    }

    private final BlockingQueue<Received> events = new LinkedBlockingQueue<>();
    private final HttpResponse<Stream<String>> response;
    private final Thread reader;

    private SseClient(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = new Thread(this::read, "sse-client");
        reader.setDaemon(true);
        reader.start();
    }

    static SseClient open(URI uri, String token, String lastEventId) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> response = http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines())
                .get(20, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode());
        return new SseClient(response);
    }

    HttpResponse<Stream<String>> response() {
        return response;
    }

    private void read() {
        String id = null;
        String name = null;
        StringBuilder data = null;
        try {
            for (String line : (Iterable<String>) response.body()::iterator) {
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Received(id, name == null ? "message" : name, data.toString(), System.currentTimeMillis()));
                    }
                    id = null;
                    name = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    events.add(new Received(null, "comment", line.substring(1).strip(), System.currentTimeMillis()));
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> name = value;
                        case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                        default -> { }
                    }
                }
            }
        } catch (RuntimeException closed) {
            // the stream ended
        }
        events.add(new Received(null, "end", "", System.currentTimeMillis()));
    }

    /** The next event that matches, skipping the others, within the time; fails the test otherwise. */
    Received next(Predicate<Received> wanted, Duration within) throws InterruptedException {
        long until = System.nanoTime() + within.toNanos();
        List<Received> skipped = new ArrayList<>();
        while (true) {
            Received event = events.poll(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event == null) {
                fail("No such event within " + within + "; skipped " + skipped);
            }
            if (wanted.test(event)) {
                return event;
            }
            skipped.add(event);
        }
    }

    Received next(String name, Duration within) throws InterruptedException {
        return next(event -> event.name().equals(name), within);
    }

    /** The next session event of one device. */
    Received session(String mac, Duration within) throws InterruptedException {
        return next(event -> event.name().equals("session") && event.data().contains("\"ses_MAC\":\"" + mac + "\""), within);
    }

    @Override
    public void close() {
        response.body().close();
        reader.interrupt();
    }
}

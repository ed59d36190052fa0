package net.presence.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

import static net.presence.it.Api.ADMIN;
import static net.presence.it.Api.READ;
import static net.presence.it.Api.randomMac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Device names: {@code PUT /sessions/devices/{mac}}, {@code GET /sessions/devices}, names from scanners, the calendar's map. */
class DevicesIT extends DeployedWar {

    void create(String mac, String start, String end) {
        Api.Reply reply = api.post("/sessions/create", ADMIN, "{\"mac\":\"" + mac + "\",\"ip\":\"10.7.7.7\",\"start_time\":\""
                + start + "\"" + (end == null ? "" : ",\"end_time\":\"" + end + "\"") + "}");
        assertEquals(200, reply.status(), reply.body());
    }

    Api.Reply put(String mac, String body, String token) {
        return api.send("PUT", "/sessions/devices/" + mac, token, "application/json", body);
    }

    JsonObject name(String mac, String body) {
        Api.Reply reply = put(mac, body, ADMIN);
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getJsonObject("device");
    }

    JsonObject list(String query) {
        Api.Reply reply = api.get("/sessions/devices?" + query, READ);
        assertEquals(200, reply.status(), reply.body());
        assertEquals(query.contains("tz=") ? query.replaceAll(".*tz=([^&]*).*", "$1") : Api.ZONE, reply.json().getString("timezone"));
        return reply.json();
    }

    String nameOf(String mac) {
        JsonArray found = list("q=" + Api.encode(mac)).getJsonArray("devices");
        assertEquals(1, found.size(), found.toString());
        JsonObject device = found.getJsonObject(0);
        return device.isNull("name") ? null : device.getString("name");
    }

    static String unique() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41), 36);
    }

    @Test
    void aNameGivenByHandIsListedWithTheDevicesFigures() {
        String mac = randomMac();
        String tag = unique();
        create(mac, "2024-03-04T08:00", "2024-03-04T09:00");
        create(mac, "2024-03-05T08:00", "2024-03-05T10:30");
        JsonObject named = name(mac.toLowerCase().replace(':', '-'), "{\"name\": \"  Kitchen iPad " + tag + "\\t\"}");
        JsonObject expected = Json.createObjectBuilder().add("mac", mac).add("name", "Kitchen iPad " + tag)
                .add("first_seen", "2024-03-04T08:00:00+01:00").add("last_seen", "2024-03-05T10:30:00+01:00")
                .add("connected_now", false).add("sessions", 2).build();
        assertEquals(expected, named);

        JsonObject byName = list("q=" + Api.encode("KITCHEN ipad " + tag));
        assertEquals(1, byName.getInt("total"));
        assertEquals(List.of(expected), byName.getJsonArray("devices"));
        // a part of the MAC, any case, and the whole MAC in another spelling
        assertEquals(List.of(expected), list("q=" + Api.encode(mac.substring(3).toLowerCase())).getJsonArray("devices"));
        assertEquals(List.of(expected), list("q=" + mac.replace(":", "").toLowerCase()).getJsonArray("devices"));

        // an open session shows as connected now; a tz shows the times in that zone
        create(mac, "2024-03-06T08:00", null);
        JsonObject utc = list("q=" + tag + "&tz=UTC");
        assertEquals("UTC", utc.getString("timezone"));
        JsonObject row = utc.getJsonArray("devices").getJsonObject(0);
        assertEquals("2024-03-04T07:00:00+00:00", row.getString("first_seen"));
        assertEquals("2024-03-06T07:00:00+00:00", row.getString("last_seen"));
        assertEquals(true, row.getBoolean("connected_now"));
        assertEquals(3, row.getInt("sessions"));

        // null clears the name
        JsonObject cleared = name(mac, "{\"name\": null}");
        assertTrue(cleared.isNull("name"), cleared.toString());
        assertEquals(0, list("q=" + tag).getInt("total"));
    }

    @Test
    void newestLastSeenFirstPagedLikeTheList() {
        String tag = unique();
        String older = randomMac();
        String newest = randomMac();
        String middle = randomMac();
        create(older, "2023-01-10T10:00", "2023-01-10T11:00");
        create(newest, "2023-01-12T10:00", "2023-01-12T11:00");
        create(middle, "2023-01-11T10:00", "2023-01-11T11:00");
        name(older, "{\"name\": \"" + tag + " older\"}");
        name(newest, "{\"name\": \"" + tag + " newest\"}");
        name(middle, "{\"name\": \"" + tag + " middle\"}");
        // named by hand but never seen: known, listed after every device seen
        String unseen = randomMac();
        name(unseen, "{\"name\": \"" + tag + " unseen\"}");

        JsonObject all = list("q=" + tag);
        assertEquals(4, all.getInt("total"));
        assertEquals(List.of(newest, middle, older, unseen), macs(all));
        JsonObject page = list("q=" + tag + "&limit=2&offset=1");
        assertEquals(4, page.getInt("total"));
        assertEquals(List.of(middle, older), macs(page));
        JsonObject never = list("q=" + tag + "&offset=3");
        JsonObject row = never.getJsonArray("devices").getJsonObject(0);
        assertTrue(row.isNull("first_seen") && row.isNull("last_seen"), row.toString());
        assertEquals(0, row.getInt("sessions"));

        Api.Reply badLimit = api.get("/sessions/devices?limit=0", READ);
        assertEquals(400, badLimit.status(), badLimit.body());
        assertTrue(badLimit.json().getString("message").startsWith("Parameter 'limit' is invalid"), badLimit.body());
    }

    static List<String> macs(JsonObject answer) {
        return answer.getJsonArray("devices").stream().map(v -> v.asJsonObject().getString("mac")).toList();
    }

    @Test
    void scannersNameDevicesOnlyWhileNoNameWasGivenByHand() {
        String mac = randomMac();
        String tag = unique();
        Instant t = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        observe(mac, "Connected", t, "phone-" + tag);
        assertEquals("phone-" + tag, nameOf(mac));
        observe(mac, "Disconnected", t.plusSeconds(600), "phone2-" + tag);
        assertEquals("phone2-" + tag, nameOf(mac), "the latest name a scanner reports wins over an earlier one");
        observe(mac, "Connected", t.plusSeconds(1200), "  ");
        assertEquals("phone2-" + tag, nameOf(mac), "a blank name is no name");

        name(mac, "{\"name\": \"Anna's phone\"}");
        observe(mac, "Disconnected", t.plusSeconds(1800), "phone3-" + tag);
        assertEquals("Anna's phone", nameOf(mac), "a name given by hand wins");
        Api.Reply scan = api.post("/sessions/scan", ADMIN, "{\"devices\": [{\"mac\": \"" + mac + "\", \"ip\": \"10.7.7.8\", \"name\": \"scan-" + tag + "\"}]}");
        assertEquals(200, scan.status(), scan.body());
        assertEquals("Anna's phone", nameOf(mac));

        name(mac, "{\"name\": null}");
        assertEquals(null, nameOf(mac));
        Api.Reply again = api.post("/sessions/scan", ADMIN, "{\"devices\": [{\"mac\": \"" + mac + "\", \"ip\": \"10.7.7.8\", \"name\": \"scan-" + tag + "\"}]}");
        assertEquals(200, again.status(), again.body());
        assertEquals("scan-" + tag, nameOf(mac), "once cleared, scanners name the device again");

        Api.Reply tooLong = api.post("/sessions/events", ADMIN, "{\"mac\": \"" + mac + "\", \"ip\": \"10.7.7.8\", \"event_type\": \"Connected\", \"name\": \""
                + "x".repeat(65) + "\"}");
        assertEquals(422, tooLong.status(), tooLong.body());
        assertTrue(tooLong.json().getString("message").startsWith("Field 'name' is invalid"), tooLong.body());
    }

    void observe(String mac, String type, Instant time, String name) {
        Api.Reply reply = api.post("/sessions/events", ADMIN, "{\"mac\": \"" + mac + "\", \"ip\": \"10.7.7.8\", \"event_type\": \"" + type
                + "\", \"time\": \"" + time + "\", \"name\": \"" + name + "\"}");
        assertEquals(200, reply.status(), reply.body());
    }

    @Test
    void namesAreCheckedAndOnlyTheAdminMayGiveThem() {
        String mac = randomMac();
        // 64 code points, each two UTF-16 units: the limit counts code points
        String emoji = "\uD83D\uDE00".repeat(64);
        assertEquals(emoji, name(mac, "{\"name\": \"" + emoji + "\"}").getString("name"));
        String[][] refused = {
                {"{\"name\": \"" + "\uD83D\uDE00".repeat(65) + "\"}", "Field 'name' is invalid"},
                {"{\"name\": \"   \"}", "Field 'name' is invalid"},
                {"{\"name\": \"a\\u0007b\"}", "Field 'name' is invalid"},
                {"{\"name\": 42}", "Field 'name' must be a string"},
                {"{}", "Field 'name' is required"}};
        for (String[] body : refused) {
            Api.Reply reply = put(mac, body[0], ADMIN);
            assertEquals(422, reply.status(), body[0] + " -> " + reply.body());
            assertTrue(reply.json().getString("message").startsWith(body[1]), reply.body());
        }
        assertEquals(403, put(mac, "{\"name\": \"x\"}", READ).status());
        assertEquals(401, put(mac, "{\"name\": \"x\"}", null).status());
        Api.Reply badMac = put("zz", "{\"name\": \"x\"}", ADMIN);
        assertEquals(400, badMac.status(), badMac.body());
        assertEquals(405, api.get("/sessions/devices/" + mac, READ).status());
        assertEquals(emoji, nameOf(mac), "refused writes changed nothing");
    }

    @Test
    void theCalendarMapsEachOfItsMacsToItsName() {
        String named = randomMac();
        String unnamed = randomMac();
        create(named, "2023-02-13T10:00", "2023-02-13T11:00");
        create(unnamed, "2023-02-13T12:00", "2023-02-13T13:00");
        name(named, "{\"name\": \"Printer\"}");

        Api.Reply reply = api.get("/sessions/calendar?start=2023-02-13&end=2023-02-13&mac=" + named, READ);
        assertEquals(200, reply.status(), reply.body());
        JsonObject calendar = reply.json();
        assertEquals(Set.of("success", "timezone", "sessions", "devices"), calendar.keySet());
        assertEquals(Json.createObjectBuilder().add(named, "Printer").build(), calendar.getJsonObject("devices"));
        JsonObject bar = calendar.getJsonArray("sessions").getJsonObject(0);
        assertEquals(Set.of("resourceId", "title", "className", "color", "start", "end", "tooltip"), bar.keySet());

        JsonObject both = api.get("/sessions/calendar?start=2023-02-13&end=2023-02-13", READ).json();
        assertEquals("Printer", both.getJsonObject("devices").getString(named));
        assertEquals(JsonValue.NULL, both.getJsonObject("devices").get(unnamed));
        assertEquals(both.getJsonArray("sessions").stream().map(v -> v.asJsonObject().getString("resourceId")).collect(java.util.stream.Collectors.toSet()),
                both.getJsonObject("devices").keySet());
    }
}

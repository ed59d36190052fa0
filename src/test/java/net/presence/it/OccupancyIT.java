package net.presence.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import static net.presence.it.Api.ADMIN;
import static net.presence.it.Api.READ;
import static net.presence.it.Api.randomMac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /sessions/occupancy} on overlapping hand-built sessions. The days used (May 2012,
 * the DST days of 2012) hold no other test's sessions, so every count is exact.
 */
class OccupancyIT extends DeployedWar {

    void create(String start, String end) {
        Api.Reply reply = api.post("/sessions/create", ADMIN, "{\"mac\":\"" + randomMac() + "\",\"ip\":\"10.4.5.6\",\"start_time\":\""
                + start + "\",\"end_time\":\"" + end + "\"}");
        assertEquals(200, reply.status(), reply.body());
    }

    JsonObject occupancy(String query) {
        Api.Reply reply = api.get("/sessions/occupancy?" + query, READ);
        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.json().getBoolean("success"));
        return reply.json();
    }

    static JsonObject point(String time, int devices, String average) {
        return Json.createObjectBuilder().add("time", time).add("devices", devices)
                .add("average", new java.math.BigDecimal(average)).build();
    }

    @Test
    void overlappingDevicesAreCountedOnceAndAveragedPerStep() {
        create("2012-05-07T09:00", "2012-05-07T10:00"); // ends exactly where the second step begins
        create("2012-05-07T10:00", "2012-05-07T12:00"); // two whole steps
        create("2012-05-07T10:30", "2012-05-07T11:15"); // half of one step, a quarter of the next
        create("2012-05-07T11:00", "2012-05-07T11:00"); // one instant: there, for no time

        JsonObject hours = occupancy("start=2012-05-07T09:00&end=2012-05-07T12:00&step=1%20HOURS");
        assertEquals(Api.ZONE, hours.getString("timezone"));
        assertEquals("2012-05-07T09:00:00+02:00", hours.getString("start"));
        assertEquals("2012-05-07T12:00:00+02:00", hours.getString("end"));
        assertEquals("1 hour", hours.getString("step"));
        assertEquals(Json.createArrayBuilder()
                .add(point("2012-05-07T09:00:00+02:00", 1, "1.00"))
                .add(point("2012-05-07T10:00:00+02:00", 2, "1.50"))
                .add(point("2012-05-07T11:00:00+02:00", 3, "1.25"))
                .build().toString(), hours.getJsonArray("series").toString());

        JsonObject halves = occupancy("start=2012-05-07T10:00&end=2012-05-07T11:30&step=30%20minutes");
        assertEquals(Json.createArrayBuilder()
                .add(point("2012-05-07T10:00:00+02:00", 1, "1.00"))
                .add(point("2012-05-07T10:30:00+02:00", 2, "2.00"))
                .add(point("2012-05-07T11:00:00+02:00", 3, "1.50"))
                .build().toString(), halves.getJsonArray("series").toString());

        // a whole day in one step: 1 + 2 + 0.75 hours of devices over 24
        JsonObject day = occupancy("start=2012-05-07&end=2012-05-07&step=1%20day&tz=Europe/Berlin");
        assertEquals(Json.createArrayBuilder().add(point("2012-05-07T00:00:00+02:00", 4, "0.16")).build().toString(),
                day.getJsonArray("series").toString());
    }

    @Test
    void dayStepsFollowTheCalendarAcrossDst() {
        // a device connected for all of the 25-hour day of 28 October 2012
        create("2012-10-28T00:00", "2012-10-29T00:00");
        JsonArray days = occupancy("start=2012-10-27&end=2012-10-29&step=1%20day").getJsonArray("series");
        assertEquals(Json.createArrayBuilder()
                .add(point("2012-10-27T00:00:00+02:00", 0, "0.00"))
                .add(point("2012-10-28T00:00:00+02:00", 1, "1.00"))
                .add(point("2012-10-29T00:00:00+01:00", 0, "0.00"))
                .build().toString(), days.toString());
        // hour steps are real hours: 25 of them that day
        JsonArray hours = occupancy("start=2012-10-28&end=2012-10-28&step=1%20hour").getJsonArray("series");
        assertEquals(25, hours.size());
        assertEquals("2012-10-28T02:00:00+02:00", hours.getJsonObject(2).getString("time"));
        assertEquals("2012-10-28T02:00:00+01:00", hours.getJsonObject(3).getString("time"));
        hours.forEach(point -> assertEquals(1, point.asJsonObject().getInt("devices"), point.toString()));
    }

    @Test
    void tooManyPointsOrABadStepAnswer400() {
        Api.Reply tooMany = api.get("/sessions/occupancy?start=2012-01-01&end=2012-02-04&step=5%20minutes", READ);
        assertEquals(400, tooMany.status(), tooMany.body());
        assertEquals("The window from 'start' (2012-01-01) to 'end' (2012-02-04) in steps of 5 minutes has 10080 points:"
                + " at most 10000 points per answer; take a longer step or a shorter window", tooMany.json().getString("message"));
        // exactly the limit is fine: 10,000 five-minute steps
        Api.Reply limit = api.get("/sessions/occupancy?start=2012-01-01T00:00&end=2012-02-04T17:20&step=5%20minutes", READ);
        assertEquals(200, limit.status(), limit.body());
        assertEquals(10_000, limit.json().getJsonArray("series").size());

        for (String step : new String[] {"4%20minutes", "25%20hours", "2%20days", "1%20week", "hour", "0%20minutes"}) {
            Api.Reply reply = api.get("/sessions/occupancy?start=2012-01-01&end=2012-01-02&step=" + step, READ);
            assertEquals(400, reply.status(), step + " -> " + reply.body());
            assertTrue(reply.json().getString("message").startsWith("Parameter 'step' is invalid"), reply.body());
        }
        Api.Reply missing = api.get("/sessions/occupancy?start=2012-01-01", READ);
        assertEquals(400, missing.status(), missing.body());
        assertEquals("Missing start or end date", missing.json().getString("message"));
    }
}

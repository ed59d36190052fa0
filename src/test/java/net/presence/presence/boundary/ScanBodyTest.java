package net.presence.presence.boundary;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.presence.presence.control.Scan;
import net.presence.problems.ApiProblem;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Reading a scan report: canonical values, its time, and every problem at once. */
class ScanBodyTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    static Scan read(String json) {
        return ScanBody.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), BERLIN, NOW);
    }

    static ApiProblem refused(String json) {
        return assertThrows(ApiProblem.class, () -> read(json));
    }

    @Test
    void devicesAreCanonicalInTheirOrderAndUnknownFieldsIgnored() {
        Scan scan = read("{\"scanner\":{\"name\":\"x\",\"tags\":[1,2]},\"time\":\"2026-03-01 10:00\","
                + "\"devices\":[{\"mac\":\"aabbccddee02\",\"ip\":\"2001:DB8::0:1\",\"vendor\":\"?\"},{\"mac\":\"aa-bb-cc-dd-ee-01\",\"ip\":\"10.0.0.1\"}]}");
        assertEquals(Instant.parse("2026-03-01T09:00:00Z"), scan.time());
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("AA:BB:CC:DD:EE:02", "2001:db8::1");
        expected.put("AA:BB:CC:DD:EE:01", "10.0.0.1");
        assertEquals(List.copyOf(expected.entrySet()), scan.ipByMac().entrySet().stream()
                .map(device -> Map.entry(device.getKey().toString(), device.getValue().toString())).toList());
    }

    @Test
    void timeDefaultsToNowAndAnEmptyScanIsAScan() {
        Scan scan = read("{\"time\":null,\"devices\":[]}");
        assertEquals(NOW, scan.time());
        assertEquals(Map.of(), scan.ipByMac());
    }

    @Test
    void aMacListedTwiceInAnySpellingIsNamedWithItsFirstPlace() {
        ApiProblem problem = refused("{\"devices\":[{\"mac\":\"AA:BB:CC:DD:EE:01\",\"ip\":\"10.0.0.1\"},"
                + "{\"mac\":\"AA:BB:CC:DD:EE:02\",\"ip\":\"10.0.0.2\"},{\"mac\":\"aabbccddee01\",\"ip\":\"10.0.0.3\"}]}");
        assertEquals(422, problem.status());
        assertEquals(List.of(new ApiProblem.Detail("devices[2].mac",
                "Field 'devices[2].mac' repeats MAC AA:BB:CC:DD:EE:01 of devices[0]: a scan lists each device once")),
                problem.details());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        ApiProblem problem = refused("{\"time\":\"2026-03-01T13:06Z\",\"devices\":[{\"mac\":\"AA:BB\",\"ip\":\"10.0.0.1\"},"
                + "{\"mac\":\"AA:BB:CC:DD:EE:01\",\"ip\":7},[],{\"mac\":\"AA:BB:CC:DD:EE:03\"}]}");
        assertEquals(List.of("time", "devices[0].mac", "devices[1].ip", "devices[2]", "devices[3].ip"),
                problem.details().stream().map(ApiProblem.Detail::field).toList());
        assertEquals("Field 'time' is more than 5 minutes in the future (and 4 more problems, see details)", problem.getMessage());
    }

    @Test
    void notAScanIsRefused() {
        assertEquals(422, refused("{\"time\":\"2026-03-01T10:00\"}").status());
        assertEquals(422, refused("{\"devices\":{}}").status());
        assertEquals(422, refused("[]").status());
        assertEquals(400, refused("{\"devices\":[").status());
        assertEquals(400, refused("").status());
        assertEquals(400, refused("{\"devices\":[]} {}").status());
    }
}

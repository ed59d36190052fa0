package net.presence.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.presence.problems.ApiProblem;
import net.presence.values.MacAddress;
import org.junit.jupiter.api.Test;

class JsonBodyTest {

    static JsonBody read(String json) {
        return JsonBody.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void fieldsAreReadAndParsed() {
        JsonBody body = read("{\"mac\": \"aa-bb-cc-dd-ee-ff\", \"info\": \"Küche\"}");
        assertEquals(MacAddress.parse("AA:BB:CC:DD:EE:FF"), body.required("mac", MacAddress::parse));
        assertEquals("Küche", body.optional("info", text -> text));
        body.validate();
    }

    @Test
    void nullAndAbsentAreTheSameForOptionalFields() {
        JsonBody body = read("{\"info\": null}");
        assertNull(body.optional("info", text -> text));
        assertNull(body.optional("other", text -> text));
        body.validate();
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        JsonBody body = read("{\"mac\": \"zz\", \"ip\": 5, \"start_time\": null}");
        body.required("mac", MacAddress::parse);
        body.required("ip", text -> text);
        body.required("start_time", text -> text);
        ApiProblem refused = assertThrows(ApiProblem.class, body::validate);
        assertEquals(422, refused.status());
        assertEquals(List.of("mac", "ip", "start_time"), refused.details().stream().map(ApiProblem.Detail::field).toList());
        assertTrue(refused.details().get(0).message().startsWith("Field 'mac' is invalid ('zz'): expected six hex pairs"),
                refused.details().get(0).message());
        assertEquals("Field 'ip' must be a string, not number", refused.details().get(1).message());
        assertEquals("Field 'start_time' is required", refused.details().get(2).message());
        assertTrue(refused.getMessage().endsWith("(and 2 more problems, see details)"), refused.getMessage());
    }

    @Test
    void malformedJsonIsABadRequestSayingWhere() {
        ApiProblem refused = assertThrows(ApiProblem.class, () -> read("{\"mac\": \n  \"aa\""));
        assertEquals(400, refused.status());
        assertTrue(refused.getMessage().contains("line 2"), refused.getMessage());
    }

    @Test
    void anEmptyBodyIsABadRequest() {
        assertEquals(400, assertThrows(ApiProblem.class, () -> read("")).status());
    }

    @Test
    void jsonThatIsNotAnObjectIsUnprocessable() {
        ApiProblem refused = assertThrows(ApiProblem.class, () -> read("[1, 2]"));
        assertEquals(422, refused.status());
        assertEquals("The request body must be a JSON object, not an array", refused.getMessage());
    }

    @Test
    void aLongValueIsCutShortInTheMessage() {
        JsonBody body = read("{\"mac\": \"" + "x".repeat(500) + "\"}");
        body.required("mac", MacAddress::parse);
        ApiProblem refused = assertThrows(ApiProblem.class, body::validate);
        assertTrue(refused.getMessage().length() < 300, refused.getMessage());
    }
}

package net.presence.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerationException;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class CsvRowsTest {

    private static String csv(List<String> columns, Consumer<JsonGenerator> fields) {
        StringWriter out = new StringWriter();
        try (CsvRows rows = new CsvRows(new CsvWriter(out), columns)) {
            rows.writeStartObject().write("success", true);
            fields.accept(rows);
            rows.writeEnd();
        }
        return out.toString();
    }

    @Test
    void theFirstArraysObjectsAreRowsAndTheTopLevelIsLeftOut() {
        String text = csv(List.of("mac", "seconds", "open", "info", "share"), json -> {
            json.write("timezone", "Europe/Berlin").write("total", 2);
            json.writeStartArray("sessions");
            json.writeStartObject().write("mac", "AA").write("seconds", 7200L).write("open", false).write("info", "")
                    .write("share", new BigDecimal("0.25")).writeEnd();
            json.writeStartObject().write("mac", "BB").writeNull("seconds").write("open", true).write("info", "=cmd")
                    .write("share", 1.5).writeEnd();
            json.writeEnd();
            json.writeStartObject("devices").write("AA", "Kitchen").writeEnd();
            json.writeStartArray("other").writeStartObject().write("mac", "CC").writeEnd().writeEnd();
        });
        assertEquals("mac,seconds,open,info,share\r\nAA,7200,false,\"\",0.25\r\nBB,,true,\"'=cmd\",1.5\r\n", text);
    }

    @Test
    void cellsFollowTheColumnsWhateverOrderTheFieldsComeIn() {
        String text = csv(List.of("a", "b", "c"), json -> json.writeStartArray("data")
                .writeStartObject().write("c", "3").write("a", "1").writeEnd().writeEnd());
        assertEquals("a,b,c\r\n1,,3\r\n", text);
    }

    @Test
    void nestedValuesFlattenToDottedColumns() {
        String text = csv(List.of("mac", "device.name", "device.seen", "hours.0", "hours.1"), json -> json.writeStartArray("rows")
                .writeStartObject().write("mac", "AA")
                .writeStartObject("device").write("name", "Kitchen, iPad").write("seen", 3).writeEnd()
                .writeStartArray("hours").write(0.5).write(1).writeEnd()
                .writeEnd().writeEnd());
        assertEquals("mac,device.name,device.seen,hours.0,hours.1\r\nAA,\"Kitchen, iPad\",3,0.5,1\r\n", text);
    }

    @Test
    void jsonValuesAndKeyedValuesAreCellsToo() {
        String text = csv(List.of("a", "b.x"), json -> json.writeStartArray("rows")
                .writeStartObject().writeKey("a").write("one")
                .write("b", Json.createObjectBuilder().add("x", 2).build()).writeEnd().writeEnd());
        assertEquals("a,b.x\r\none,2\r\n", text);
    }

    @Test
    void anEmptyListingIsTheHeaderRowAlone() {
        assertEquals("a,b\r\n", csv(List.of("a", "b"), json -> json.write("total", 0).writeStartArray("data").writeEnd()));
        assertEquals("a,b\r\n", csv(List.of("a", "b"), json -> json.write("total", 0)));
    }

    @Test
    void aFieldOutsideTheColumnsIsAProgrammingError() {
        assertThrows(JsonGenerationException.class, () -> csv(List.of("a"), json -> json.writeStartArray("data")
                .writeStartObject().write("b", "x").writeEnd().writeEnd()));
    }
}

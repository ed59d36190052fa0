package net.presence.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    private static String rows(List<List<String>> rows) {
        StringWriter out = new StringWriter();
        CsvWriter csv = new CsvWriter(out);
        rows.forEach(csv::row);
        csv.flush();
        return out.toString();
    }

    @Test
    void rowsEndWithCrlfAndPlainCellsStayBare() {
        assertEquals("a,b,c\r\n1,2,3\r\n", rows(List.of(List.of("a", "b", "c"), List.of("1", "2", "3"))));
    }

    @Test
    void quotesCommasQuotesAndLineBreaks() {
        assertEquals("\"a,b\",\"say \"\"hi\"\"\",\"line1\nline2\",\"cr\rhere\",\"crlf\r\nend\"\r\n",
                rows(List.of(List.of("a,b", "say \"hi\"", "line1\nline2", "cr\rhere", "crlf\r\nend"))));
    }

    @Test
    void missingValueIsNothingAndEmptyStringIsTwoQuotes() {
        assertEquals("x,,\"\",y\r\n", rows(List.of(Arrays.asList("x", null, "", "y"))));
    }

    @Test
    void formulaStartsAreQuotedBehindAnApostrophe() {
        assertEquals("\"'=1+2\",\"'+SUM(A1)\",\"'-3\",\"'@cmd\",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n",
                rows(List.of(List.of("=1+2", "+SUM(A1)", "-3", "@cmd", "=HYPERLINK(\"http://x\",\"y\")"))));
        // only the first character counts
        assertEquals("a=b,1-2,x@y\r\n", rows(List.of(List.of("a=b", "1-2", "x@y"))));
        assertEquals("\"'=\"", CsvWriter.escape("="));
    }

    @Test
    void unicodeIsWrittenAsItIs() {
        assertEquals("Küche,日本語,\"😀, smile\",Ωmega\r\n", rows(List.of(List.of("Küche", "日本語", "😀, smile", "Ωmega"))));
    }

    @Test
    void spacesAreKeptWithoutQuotes() {
        assertEquals(" lead,trail \r\n", rows(List.of(List.of(" lead", "trail "))));
    }
}

package net.presence.calendar.boundary;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RowLabelTest {

    @Test
    void aNamedDeviceShowsItsNameAndItsMacSmallerAsALinkToItsPage() {
        assertEquals("<a href=\"./device.xhtml?mac=AA%3ABB%3ACC%3ADD%3AEE%3AFF\"><span>Kitchen iPad</span> <small>AA:BB:CC:DD:EE:FF</small></a>",
                RowLabel.of("AA:BB:CC:DD:EE:FF", "Kitchen iPad"));
    }

    @Test
    void withoutANameTheMacAlone() {
        assertEquals("<a href=\"./device.xhtml?mac=AA%3ABB%3ACC%3ADD%3AEE%3AFF\"><span>AA:BB:CC:DD:EE:FF</span></a>",
                RowLabel.of("AA:BB:CC:DD:EE:FF", null));
    }

    @Test
    void aNameIsTextNeverMarkup() {
        assertEquals("<a href=\"./device.xhtml?mac=AA%3ABB%3ACC%3ADD%3AEE%3AFF\"><span>&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;co&#39;</span>"
                + " <small>AA:BB:CC:DD:EE:FF</small></a>", RowLabel.of("AA:BB:CC:DD:EE:FF", "<img src=x onerror=\"alert(1)\"> & 'co'"));
    }
}

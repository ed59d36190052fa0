package net.presence.calendar.boundary;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A calendar row's label: the device's name with its MAC in smaller type, or the MAC alone, as a
 * link to the device's page. vis-timeline shows a row's content as HTML through its XSS filter,
 * which keeps {@code a href}, {@code span} and {@code small} but no class and no address that does
 * not start with {@code ./}; a name is text, so it is escaped here.
 */
final class RowLabel {

    private RowLabel() {
    }

    static String of(String mac, String name) {
        String link = "<a href=\"" + DevicePage.link(mac) + "\">";
        if (name == null) {
            return link + "<span>" + html(mac) + "</span></a>";
        }
        return link + "<span>" + html(name) + "</span> <small>" + html(mac) + "</small></a>";
    }

    static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

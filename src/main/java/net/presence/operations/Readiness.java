package net.presence.operations;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer of a health probe in the MicroProfile Health format: UP only when every check is.
 * Checks have names and UP or DOWN, nothing else: a probe reveals no data, versions or paths.
 */
record Readiness(Map<String, Boolean> checks) {

    static Readiness of() {
        return new Readiness(new LinkedHashMap<>());
    }

    Readiness with(String name, boolean up) {
        checks.put(name, up);
        return this;
    }

    boolean up() {
        return !checks.containsValue(false);
    }

    int status() {
        return up() ? 200 : 503;
    }

    String toJson() {
        StringBuilder json = new StringBuilder("{\"status\":\"").append(up() ? "UP" : "DOWN").append("\",\"checks\":[");
        String separator = "";
        for (Map.Entry<String, Boolean> check : checks.entrySet()) {
            json.append(separator).append("{\"name\":\"").append(check.getKey()).append("\",\"status\":\"")
                    .append(check.getValue() ? "UP" : "DOWN").append("\"}");
            separator = ",";
        }
        return json.append("]}").toString();
    }
}

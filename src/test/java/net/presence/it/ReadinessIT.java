package net.presence.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Readiness follows PostgreSQL: stopped, the probe says DOWN with the database named; started again,
 * UP. PostgreSQL pairs only. The restart leaves the server's pooled connections dead, which no later
 * class may meet, so this class's server is not shared on (DiscardsServer).
 */
@DiscardsServer
@EnabledIfSystemProperty(named = "it.db.options", matches = ".*postgresql.*", disabledReason = "PostgreSQL pairs only")
class ReadinessIT extends DeployedWar {

    @Test
    void readinessFollowsTheDatabase() throws Exception {
        String cluster = run("pg_lsclusters", "-h").lines().findFirst().orElseThrow();
        String[] fields = cluster.trim().split("\\s+");
        assertEquals(200, api.get("/health/ready", null).status());
        try {
            run("pg_ctlcluster", fields[0], fields[1], "stop", "-m", "fast");
            Api.Reply down = api.get("/health/ready", null);
            assertEquals(503, down.status(), down::toString);
            assertEquals("DOWN", down.json().getString("status"));
            JsonObject database = down.json().getJsonArray("checks").getJsonObject(0);
            assertEquals("database", database.getString("name"));
            assertEquals("DOWN", database.getString("status"));
            assertEquals(200, api.get("/health/live", null).status(), "alive all the same");
        } finally {
            File script = new File(System.getProperty("server.config.dir"), "../.ci/postgres");
            run("bash", script.getCanonicalPath());
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Api.Reply up = api.get("/health/ready", null);
        while (up.status() != 200 && System.nanoTime() < until) {
            Thread.sleep(500);
            up = api.get("/health/ready", null);
        }
        assertEquals(200, up.status(), up::toString);
        assertEquals("UP", up.json().getString("status"));
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), String.join(" ", command));
        assertEquals(0, process.exitValue(), () -> String.join(" ", command) + ": " + output);
        return output;
    }
}

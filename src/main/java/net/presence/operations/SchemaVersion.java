package net.presence.operations;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import net.presence.platform.ConfiguredDataSource;
import net.presence.platform.Migrations;

/** The database's kind, and its schema version: the id of the last changeset Liquibase applied. */
record SchemaVersion(String kind, String version) {

    static SchemaVersion of(DataSource dataSource) {
        String kind = ConfiguredDataSource.isDerby() ? "derby" : "postgresql";
        if (!Migrations.ready()) {
            return new SchemaVersion(kind, BuildInfo.UNKNOWN);
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setMaxRows(1);
            try (ResultSet last = statement.executeQuery("SELECT ID FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED DESC")) {
                return new SchemaVersion(kind, last.next() ? last.getString(1) : BuildInfo.UNKNOWN);
            }
        } catch (SQLException e) {
            return new SchemaVersion(kind, BuildInfo.UNKNOWN);
        }
    }
}

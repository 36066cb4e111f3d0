package io.veroforge.operator.db;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.zip.CRC32;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * One version of the platform's own tables ({@link PlatformSchema}) as SQL kept in Java, checksummed over that SQL:
 * an upgrade is a further version, never an edit (Flyway's checksum refuses an edited one).
 */
final class PlatformMigration implements JavaMigration {
    private final String version;
    private final String description;
    private final List<String> sql;

    PlatformMigration(String version, String description, List<String> sql) {
        this.version = version;
        this.description = description;
        this.sql = List.copyOf(sql);
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(version);
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public Integer getChecksum() {
        CRC32 crc = new CRC32();
        sql.forEach(s -> crc.update(s.getBytes(StandardCharsets.UTF_8)));
        return (int) crc.getValue();
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        try (Statement statement = context.getConnection().createStatement()) {
            for (String s : sql) {
                statement.execute(s);
            }
        }
    }
}

package io.veroforge.operator.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SharedPostgresTest {

    @Test
    void toStringNeverShowsTheAdminPassword() {
        SharedPostgres server = new SharedPostgres("jdbc:postgresql://db:5432/postgres", "admin", "s3cret-admin", "db", 5432);

        assertThat(server.toString()).doesNotContain("s3cret-admin").contains("<redacted>");
    }

    @Test
    void pointsTheAdminUrlAtAnotherDatabaseKeepingItsParameters() {
        SharedPostgres server = new SharedPostgres("jdbc:postgresql://db1:5432,db2:5433/postgres?sslmode=require", "admin", null, "db", 5432);

        assertThat(server.jdbcUrlFor("tenant_acme")).isEqualTo("jdbc:postgresql://db1:5432,db2:5433/tenant_acme?sslmode=require");
    }

    @Test
    void pointsAUrlWithoutDatabaseAtTheGivenOne() {
        SharedPostgres server = new SharedPostgres("jdbc:postgresql://db:5432?sslmode=require", "admin", null, "db", 5432);

        assertThat(server.jdbcUrlFor("tenant_acme")).isEqualTo("jdbc:postgresql://db:5432/tenant_acme?sslmode=require");
    }

    @Test
    void refusesCredentialsInTheUrl() {
        assertThatThrownBy(() -> new SharedPostgres("jdbc:postgresql://db/postgres?user=x&password=y", "admin", null, "db", 5432))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("adminUser")
                .hasMessageNotContaining("password=y");
    }

    @Test
    void refusesNonPostgresUrls() {
        assertThatThrownBy(() -> new SharedPostgres("jdbc:mysql://db/x", "admin", null, "db", 5432))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

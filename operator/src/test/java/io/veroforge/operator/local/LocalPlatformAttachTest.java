package io.veroforge.operator.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.veroforge.localapi.StandaloneLocalApi;

/** {@code --local} against a standalone local API: nothing of the API's state is thrown away. */
class LocalPlatformAttachTest {

    @TempDir
    Path dir;

    @Test
    void attachingKeepsTheDatabaseAndLeavesTheSimulationToTheApi() throws Exception {
        String database = "vf_attach_" + ProcessHandle.current().pid();
        try (StandaloneLocalApi api = StandaloneLocalApi.start(0, dir.resolve("api-kubeconfig"))) {
            System.setProperty(LocalPlatform.API_URL_PROPERTY, api.url());
            System.setProperty("veroforge-local.database", database);
            System.setProperty("quarkus.http.port", "0");
            try (LocalPlatform first = LocalPlatform.start(0, dir.resolve("kubeconfig"))) {
                assertThat(first.attached()).isTrue();
                assertThat(first.operatorProperties())
                        .containsEntry("quarkus.kubernetes-client.api-server-url", api.url())
                        .containsEntry(LocalPlatform.SIMULATE_PROPERTY, "false");
                try (Connection c = DriverManager.getConnection(first.postgres().jdbcUrl(), "postgres", "");
                     Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE kept (id int)");
                }
            }
            try (LocalPlatform restarted = LocalPlatform.start(0, dir.resolve("kubeconfig"));
                 Connection c = DriverManager.getConnection(restarted.postgres().jdbcUrl(), "postgres", "");
                 var tables = c.getMetaData().getTables(null, "public", "kept", null)) {
                assertThat(tables.next()).as("a restarted operator finds the data of the objects the API kept").isTrue();
            }
        } finally {
            System.clearProperty(LocalPlatform.API_URL_PROPERTY);
            System.clearProperty("veroforge-local.database");
            System.clearProperty("quarkus.http.port");
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                 Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }
}

package io.veroforge.intelligence;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * What the engine runs on, for real: an in-JVM Kafka broker and a database of its own on the
 * machine's PostgreSQL, created for the test run and dropped after it.
 */
public class Infrastructure implements QuarkusTestResourceLifecycleManager {
    public static final String REVIEWER_TOKEN = "alice-" + UUID.randomUUID();
    public static final String APP_TOKEN = "app-" + UUID.randomUUID();
    public static final String APP_CUSTOMER = "a1".repeat(16);
    private static final String ADMIN_URL = System.getProperty("vf.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static InJvmKafka kafka;
    private static String database;

    public static InJvmKafka kafka() {
        return kafka;
    }

    public static String jdbcUrl() {
        return ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + database;
    }

    @Override
    public Map<String, String> start() {
        try {
            kafka = new InJvmKafka();
            database = "vf_intelligence_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            admin("create database " + database);
        } catch (Exception e) {
            throw new IllegalStateException("test infrastructure did not start", e);
        }
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("quarkus.datasource.jdbc.url", jdbcUrl());
        config.put("quarkus.datasource.reactive.url", jdbcUrl().substring("jdbc:".length()));
        config.put("quarkus.datasource.username", "postgres");
        config.put("veroforge.intelligence.reviewers.alice", REVIEWER_TOKEN);
        config.put("veroforge.intelligence.ingest-tokens." + APP_CUSTOMER, APP_TOKEN);
        // detection runs when a test asks for it, not on a timer in the middle of one
        config.put("veroforge.intelligence.detect-every", "1h");
        String generator = generatorCommand();
        if (generator != null) {
            config.put("veroforge.intelligence.checks.command", generator);
        }
        return config;
    }

    /**
     * The generator CLI as the proposal checks run it: a separate JVM on the generator module's
     * classes and runtime classpath (target/cli.classpath), or null when that module is not built.
     */
    public static String generatorCommand() {
        Path target = Path.of(System.getProperty("vf.generator.target", "../generator/target")).toAbsolutePath().normalize();
        Path classpath = target.resolve("cli.classpath");
        if (!Files.isRegularFile(classpath) || !Files.isDirectory(target.resolve("classes"))) {
            return null;
        }
        try {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            return java + " -cp " + target.resolve("classes") + File.pathSeparator + Files.readString(classpath).trim()
                    + " io.veroforge.generator.cli.GeneratorCli";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        try {
            if (kafka != null) {
                kafka.close();
            }
            if (database != null) {
                admin("drop database if exists " + database + " with (force)");
            }
        } catch (Exception e) {
            throw new IllegalStateException("test infrastructure did not stop cleanly", e);
        }
    }

    private static void admin(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, "postgres", ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}

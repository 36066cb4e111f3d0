package io.veroforge.generator.scan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tenant isolation in the database: every table with a {@code tenant_id} column must have row-level
 * security enabled and forced (so even the table owner is filtered) and at least one policy, which
 * should compare {@code tenant_id}. A table without {@code tenant_id} is flagged too, unless it is a
 * platform table: migration bookkeeping ({@link #PLATFORM_TABLES}) or a table whose CREATE
 * statement is preceded by the comment {@value #PLATFORM_MARKER}. All migrations are read together,
 * in path order, so a later migration may enable RLS on an earlier table; a later {@code DISABLE}
 * or {@code NO FORCE} is flagged.
 */
final class RowLevelSecurityRule implements ScanRule {

    static final String ID = "missing-rls";
    static final String PLATFORM_MARKER = "-- veroforge:platform-table";
    /** Migration tools' own bookkeeping tables, which hold no tenant data. */
    static final Set<String> PLATFORM_TABLES = Set.of("_prisma_migrations", "schema_migrations", "flyway_schema_history",
            "migrations", "knex_migrations", "knex_migrations_lock", "typeorm_metadata");

    private static final String NAME = "((?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)(?:\\s*\\.\\s*(?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*))?)";
    private static final Pattern CREATE_TABLE = Pattern.compile(
            "(?is)^CREATE\\s+(?:(?:GLOBAL|LOCAL)\\s+)?(?:(TEMP|TEMPORARY|UNLOGGED)\\s+)?TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?" + NAME + "\\s*\\((.*)\\)");
    private static final Pattern ALTER_TABLE = Pattern.compile("(?is)^ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?" + NAME + "\\s+(.*)$");
    private static final Pattern CREATE_POLICY = Pattern.compile("(?is)^CREATE\\s+POLICY\\s+" + NAME + "\\s+ON\\s+" + NAME + "(.*)$");
    private static final Pattern TENANT_COLUMN = Pattern.compile("(?i)(^|[\\s,(])\"?tenant_id\"?\\s");

    private static final class Table {
        final String name;
        final String file;
        final int line;
        final boolean tenantOwned;
        final boolean platform;
        String enabledAt;
        String forcedAt;
        final List<String> policies = new ArrayList<>();
        boolean policyChecksTenant;

        Table(String name, String file, int line, boolean tenantOwned, boolean platform) {
            this.name = name;
            this.file = file;
            this.line = line;
            this.tenantOwned = tenantOwned;
            this.platform = platform;
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> check(GeneratedFiles files) {
        List<Finding> findings = new ArrayList<>();
        Map<String, Table> tables = new LinkedHashMap<>();
        for (String path : files.paths(p -> p.startsWith("db/migrations/") && p.endsWith(".sql"))) {
            String content = files.content(path);
            String[] lines = content.split("\\R", -1);
            for (SqlStatements.Statement statement : SqlStatements.split(content)) {
                String sql = statement.text();
                Matcher create = CREATE_TABLE.matcher(sql);
                if (create.find()) {
                    if (create.group(1) != null) {
                        continue; // temporary tables live for a session, not tenant data
                    }
                    String name = SqlStatements.tableName(create.group(2));
                    boolean tenantOwned = TENANT_COLUMN.matcher(" " + create.group(3)).find();
                    boolean platform = PLATFORM_TABLES.contains(name.toLowerCase(Locale.ROOT)) || markedPlatform(lines, statement.line());
                    tables.put(name, new Table(name, path, statement.line(), tenantOwned, platform));
                    continue;
                }
                Matcher alter = ALTER_TABLE.matcher(sql);
                if (alter.find()) {
                    Table table = tables.get(SqlStatements.tableName(alter.group(1)));
                    String actions = alter.group(2).toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
                    if (table == null) {
                        continue;
                    }
                    if (actions.contains("ADD COLUMN") && TENANT_COLUMN.matcher(" " + alter.group(2)).find()) {
                        findings.add(new Finding(FindingSeverity.LOW, ID, path, statement.line(), "tenant_id is added to " + table.name
                                + " after it was created", "declare tenant_id in the CREATE TABLE statement"));
                    }
                    if (actions.matches(".*(^|, ?)NO FORCE ROW LEVEL SECURITY.*")) {
                        findings.add(new Finding(FindingSeverity.CRITICAL, ID, path, statement.line(), "row-level security of " + table.name
                                + " is no longer forced, so the table owner bypasses the tenant policy", "remove NO FORCE ROW LEVEL SECURITY"));
                        table.forcedAt = null;
                    } else if (actions.contains("FORCE ROW LEVEL SECURITY")) {
                        table.forcedAt = path;
                    }
                    if (actions.contains("DISABLE ROW LEVEL SECURITY")) {
                        findings.add(new Finding(FindingSeverity.CRITICAL, ID, path, statement.line(), "row-level security of " + table.name
                                + " is disabled, so every tenant sees every row", "remove DISABLE ROW LEVEL SECURITY"));
                        table.enabledAt = null;
                    } else if (actions.contains("ENABLE ROW LEVEL SECURITY")) {
                        table.enabledAt = path;
                    }
                    continue;
                }
                Matcher policy = CREATE_POLICY.matcher(sql);
                if (policy.find()) {
                    Table table = tables.get(SqlStatements.tableName(policy.group(2)));
                    if (table != null) {
                        table.policies.add(SqlStatements.tableName(policy.group(1)));
                        table.policyChecksTenant |= policy.group(3).toLowerCase(Locale.ROOT).contains("tenant_id");
                    }
                }
            }
        }
        for (Table t : tables.values()) {
            if (t.platform) {
                continue;
            }
            if (!t.tenantOwned) {
                findings.add(new Finding(FindingSeverity.HIGH, ID, t.file, t.line, "table " + t.name + " has no tenant_id column, so rows"
                        + " cannot be isolated per tenant", "add tenant_id (and RLS), or mark a platform table with the comment \""
                        + PLATFORM_MARKER + "\" on the line before CREATE TABLE"));
                continue;
            }
            if (t.enabledAt == null) {
                findings.add(new Finding(FindingSeverity.CRITICAL, ID, t.file, t.line, "tenant table " + t.name
                        + " does not enable row-level security", "add ALTER TABLE " + t.name + " ENABLE ROW LEVEL SECURITY;"));
            }
            if (t.forcedAt == null) {
                findings.add(new Finding(FindingSeverity.CRITICAL, ID, t.file, t.line, "tenant table " + t.name
                        + " does not force row-level security, so its owner (the app's role) bypasses it",
                        "add ALTER TABLE " + t.name + " FORCE ROW LEVEL SECURITY;"));
            }
            if (t.policies.isEmpty()) {
                findings.add(new Finding(FindingSeverity.CRITICAL, ID, t.file, t.line, "tenant table " + t.name
                        + " has no row-level security policy", "add CREATE POLICY tenant_isolation ON " + t.name
                        + " USING (tenant_id = current_setting('app.tenant_id')::uuid);"));
            } else if (!t.policyChecksTenant) {
                findings.add(new Finding(FindingSeverity.HIGH, ID, t.file, t.line, "no policy of tenant table " + t.name
                        + " compares tenant_id (policies: " + String.join(", ", t.policies) + ")",
                        "make a policy's USING and WITH CHECK compare tenant_id with the current tenant"));
            }
        }
        return findings;
    }

    private static boolean markedPlatform(String[] lines, int statementLine) {
        for (int i = statementLine - 2; i >= 0 && i < lines.length; i--) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("--")) {
                if (line.toLowerCase(Locale.ROOT).startsWith(PLATFORM_MARKER)) {
                    return true;
                }
                continue;
            }
            return false;
        }
        return false;
    }
}

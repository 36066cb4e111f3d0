package io.veroforge.generator.migrate;

import io.veroforge.generator.synthesize.AppView;
import io.veroforge.generator.synthesize.EntityView;
import io.veroforge.generator.synthesize.FieldSql;
import io.veroforge.generator.synthesize.RelationView;
import io.veroforge.generator.synthesize.TenantPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a schema written by an older template pack revision lacks, for the tables the deployed and the next
 * model share: every statement is idempotent ({@code ALTER POLICY}, {@code CREATE INDEX IF NOT EXISTS}), so it
 * is right whichever older revision wrote the schema, and a schema that already has it is left as it is.
 * Tables the migration creates or drops are not touched here: they are written or removed whole.
 */
final class PackUpgrade {

    private PackUpgrade() {
    }

    static List<PlannedStep> steps(AppView old, AppView now, Set<String> oldJoinTables) {
        List<PlannedStep> steps = new ArrayList<>();
        for (EntityView e : now.entities()) {
            EntityView was = old.entities().stream().filter(o -> o.name().equals(e.name())).findFirst().orElse(null);
            if (was == null) {
                continue;
            }
            String table = e.names().table();
            StringBuilder sql = new StringBuilder(TenantPolicy.alter(table)).append('\n').append(e.createListIndex()).append('\n');
            for (FieldSql f : e.sqlFields()) {
                boolean indexedBefore = was.sqlFields().stream().anyMatch(o -> o.name().equals(f.name()) && o.column().equals(f.column())
                        && o.storage() == f.storage() && o.indexed());
                if (f.indexed() && indexedBefore) {
                    sql.append(f.createTrigramIndex()).append('\n'); // fields indexed only now get both indexes from the diff
                }
            }
            steps.add(new PlannedStep("bring " + table + " to this pack revision: tenant setting read once per statement,"
                    + " list-order and search indexes", sql.toString(), false));
        }
        for (EntityView e : now.entities()) {
            for (RelationView j : e.joins()) {
                if (oldJoinTables.contains(j.joinTable())) {
                    steps.add(new PlannedStep("bring " + j.joinTable() + " to this pack revision: tenant setting read once per statement",
                            TenantPolicy.alter(j.joinTable()) + "\n", false));
                }
            }
        }
        steps.add(new PlannedStep("bring directory_users to this pack revision: tenant setting read once per statement",
                TenantPolicy.alter("directory_users") + "\n", false));
        if (old.auditLog()) {
            steps.add(new PlannedStep("bring audit_log to this pack revision: tenant setting read once per statement",
                    TenantPolicy.alter("audit_log") + "\n", false));
        }
        return steps;
    }
}

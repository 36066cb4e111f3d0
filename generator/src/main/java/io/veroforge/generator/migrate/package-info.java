/**
 * Schema migrations between generations: {@link io.veroforge.generator.migrate.MigrationPlanner}
 * compares the deployed {@link io.veroforge.generator.model.ResolvedModel} with the next one and
 * plans the DDL, rendered from the pack's own schema templates (via
 * {@link io.veroforge.generator.synthesize.SchemaSql}) so a migrated database matches a fresh
 * install. Steps that can lose data are flagged destructive; the operator applies a plan only
 * with approval then.
 */
package io.veroforge.generator.migrate;

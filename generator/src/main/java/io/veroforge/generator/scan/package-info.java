/**
 * The {@code scan} stage: security rules over the generated repository (path → content), each
 * finding with severity, rule, file, line, message and fix. {@link io.veroforge.generator.scan.SecurityScanner}
 * runs every rule; a {@link io.veroforge.generator.scan.FindingSeverity#CRITICAL} finding fails the run.
 * One class per rule; parsing is deliberately small and tolerant (SQL statements are split
 * properly; TypeScript is read with comment/string-aware scanning; package.json with Jackson).
 */
package io.veroforge.generator.scan;

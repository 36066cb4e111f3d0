/**
 * Running Node tooling on generated code: {@link io.veroforge.generator.node.CommandRunner} (one
 * command with a time limit, the tail of its output kept) and
 * {@link io.veroforge.generator.node.SharedNodeModules} (one npm install per distinct dependency
 * set, linked into every generated project that declares it). Used by the AI filler's validation
 * and by the proof harness in the tests. May import: the JDK and Jackson only.
 */
package io.veroforge.generator.node;

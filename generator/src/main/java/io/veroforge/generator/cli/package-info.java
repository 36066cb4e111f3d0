/** The {@code veroforge-generator} command line: validate, explain, generate. */
package io.veroforge.generator.cli;

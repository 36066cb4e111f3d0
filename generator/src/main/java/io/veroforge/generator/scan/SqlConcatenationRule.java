package io.veroforge.generator.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * No SQL built by string concatenation or interpolation: a string that reads like SQL joined with
 * {@code +}, an untagged template literal with SQL and {@code ${...}}, or Prisma's
 * {@code $queryRawUnsafe}/{@code $executeRawUnsafe} (which take a ready-made string). Tagged
 * templates ({@code $queryRaw`... ${id}`}, {@code $queryRaw<Row[]>`...`}, {@code Prisma.sql`...`}) bind parameters and
 * are fine. In test files (e2e tests interpolate generated table names) the finding is MEDIUM: tests take no user input.
 */
final class SqlConcatenationRule implements ScanRule {

    static final String ID = "sql-injection";
    private static final Pattern SQL = Pattern.compile(
            "(?is)\\b(select\\b.+\\bfrom\\b|insert\\s+into\\b|update\\s+\\S+\\s+set\\b|delete\\s+from\\b|\\bwhere\\b\\s+\\S+\\s*(=|<|>|like\\b|in\\b)"
                    + "|\\border\\s+by\\b|\\bset\\s+(local\\s+)?[a-z_.]+\\s*(=|to)\\b)");
    private static final Pattern UNSAFE = Pattern.compile("\\$(queryRawUnsafe|executeRawUnsafe)\\s*\\(");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> check(GeneratedFiles files) {
        List<Finding> findings = new ArrayList<>();
        for (String path : files.paths(p -> GeneratedFiles.isTypeScript(p) || p.endsWith(".js"))) {
            TypeScriptSource source = files.typeScript(path);
            // test code takes no user input and never ships in the image: still reported, as bad practice (as secrets in tests are)
            FindingSeverity built = GeneratedFiles.isTestFile(path) ? FindingSeverity.MEDIUM : FindingSeverity.CRITICAL;
            java.util.Set<Integer> reported = new java.util.HashSet<>();
            for (TypeScriptSource.Literal literal : source.literals) {
                if (!SQL.matcher(literal.content()).find()) {
                    continue;
                }
                int line = source.lineOf(literal.start());
                if (literal.kind() == '`' && literal.interpolated() && !literal.tagged()) {
                    if (reported.add(line)) {
                        findings.add(new Finding(built, ID, path, line, "SQL is built by template interpolation",
                                "use a tagged template ($queryRaw`... ${value}`) or Prisma's query API, so values are bind parameters"));
                    }
                } else if (!literal.tagged() && joinedWithPlus(source.skeleton, literal) && reported.add(line)) {
                    findings.add(new Finding(built, ID, path, line, "SQL is built by string concatenation",
                            "use a tagged template ($queryRaw`... ${value}`) or Prisma's query API, so values are bind parameters"));
                }
            }
            java.util.regex.Matcher unsafe = UNSAFE.matcher(source.skeleton);
            while (unsafe.find()) {
                int line = source.lineOf(unsafe.start());
                if (reported.add(line)) {
                    findings.add(new Finding(FindingSeverity.HIGH, ID, path, line, "$" + unsafe.group(1) + " runs a ready-made SQL string",
                            "use $queryRaw/$executeRaw with a tagged template, so values are bind parameters"));
                }
            }
        }
        return findings;
    }

    private static boolean joinedWithPlus(String skeleton, TypeScriptSource.Literal literal) {
        int before = literal.start() - 1;
        while (before >= 0 && Character.isWhitespace(skeleton.charAt(before))) {
            before--;
        }
        int after = literal.end();
        while (after < skeleton.length() && Character.isWhitespace(skeleton.charAt(after))) {
            after++;
        }
        boolean plusBefore = before >= 0 && skeleton.charAt(before) == '+' && (before == 0 || skeleton.charAt(before - 1) != '+');
        boolean plusAfter = after < skeleton.length() && skeleton.charAt(after) == '+'
                && (after + 1 >= skeleton.length() || skeleton.charAt(after + 1) != '+');
        boolean plusAssign = before >= 1 && skeleton.charAt(before) == '=' && skeleton.charAt(before - 1) == '+';
        return plusBefore || plusAfter || plusAssign;
    }
}

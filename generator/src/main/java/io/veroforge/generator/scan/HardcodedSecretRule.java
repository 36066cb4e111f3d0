package io.veroforge.generator.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * No secrets or default passwords in the generated files: private keys, AWS keys, credentials in
 * connection URLs ({@code postgres:postgres@}), secret-named keys with a literal value (code,
 * JSON, YAML, Dockerfile ENV/ARG, .env files, Kubernetes env entries), literal JWT signing keys and
 * literal fallbacks for secret environment variables ({@code process.env.DB_PASSWORD ?? 'postgres'}).
 * Environment lookups, Kubernetes secretKeyRef, and placeholders ({@code ${VAR}}, {@code {{ .Values.x }}},
 * {@code <password>}) are fine. Findings never contain the secret; in tests they are MEDIUM.
 */
final class HardcodedSecretRule implements ScanRule {

    static final String ID = "hardcoded-secret";
    private static final String SECRET_NAME = "(?:[A-Za-z0-9_.-]*(?:password|passwd|pwd|secret|api[_-]?key|apikey|access[_-]?key|auth[_-]?token"
            + "|token|private[_-]?key|client[_-]?secret|credentials?))";
    private static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY( BLOCK)?-----");
    private static final Pattern AWS_KEY_ID = Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b");
    private static final Pattern URL_CREDENTIALS = Pattern.compile(
            "\\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\\+srv)?|redis|rediss|amqps?|mssql|sqlserver)://([^:@/\\s'\"]+):([^@/\\s'\"]+)@");
    /**
     * key = "value", key: 'value', "key": "value" (code and JSON). The name starts at a word start: the
     * leftmost match is the same, but the engine no longer retries the name at every character of every word.
     */
    private static final Pattern QUOTED_ASSIGNMENT = Pattern.compile("(?i)[\"']?(?<![A-Za-z0-9_.-])(" + SECRET_NAME + ")[\"']?\\s*[:=]\\s*([\"'`])([^\"'`\\n]*)\\2");
    /** YAML key: value, .env KEY=value, Dockerfile ENV KEY=value / ENV KEY value / ARG KEY=value. */
    private static final Pattern CONFIG_ASSIGNMENT = Pattern.compile(
            "(?im)^[ \\t]*(?:-[ \\t]+)?(?:(?:ENV|ARG)[ \\t]+)?(?:export[ \\t]+)?(" + SECRET_NAME + ")[ \\t]*(?:[:=]|[ \\t])[ \\t]*([\"']?)([^\\s\"'#]+)\\2[ \\t]*(?:#.*)?$");
    /** Kubernetes env list: - name: DB_PASSWORD, then value: literal. */
    private static final Pattern K8S_ENV = Pattern.compile("(?im)^([ \\t]*)-[ \\t]+name:[ \\t]*[\"']?(" + SECRET_NAME + ")[\"']?[ \\t]*\\n\\1[ \\t]+value:[ \\t]*([\"']?)([^\\n\"']*)\\3[ \\t]*$");
    /** Cheap pre-check for {@link #QUOTED_ASSIGNMENT}: a secret-like name followed by an assignment; most files have none. */
    private static final Pattern SECRET_ASSIGNED = Pattern.compile("(?i)(?:password|passwd|pwd|secret|key|token|credentials?)[\"']?\\s*[:=]");
    private static final Pattern JWT_LITERAL = Pattern.compile("\\b(?:jwt\\.)?(?:sign|verify)\\s*\\([^,()]+,\\s*([\"'`])[^\"'`\\n]{3,}\\1");
    private static final Pattern ENV_FALLBACK = Pattern.compile("(?i)process\\.env(?:\\.|\\[[\"'])(" + SECRET_NAME + ")(?:[\"']\\])?\\s*(?:\\?\\?|\\|\\|)\\s*([\"'`])([^\"'`\\n]+)\\2");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> check(GeneratedFiles files) {
        List<Finding> findings = new ArrayList<>();
        for (String path : files.paths(p -> !p.endsWith("package-lock.json") && !p.endsWith("yarn.lock") && !p.endsWith("pnpm-lock.yaml"))) {
            String content = files.content(path);
            FindingSeverity severity = GeneratedFiles.isTestFile(path) ? FindingSeverity.MEDIUM : FindingSeverity.CRITICAL;
            List<Finding> found = new ArrayList<>();
            // each pattern runs only on files holding a literal it needs: String.contains is far cheaper than a regex scan
            if (content.contains("PRIVATE KEY")) {
                find(PRIVATE_KEY, content, m -> true, m -> "a private key is embedded in the file", path, severity, found,
                        m -> "load keys from a Kubernetes Secret or a secret manager at runtime");
            }
            if (content.contains("AKIA") || content.contains("ASIA")) {
                find(AWS_KEY_ID, content, m -> true, m -> "an AWS access key id is embedded in the file", path, severity, found,
                        m -> "use IAM roles (IRSA) or a Secret; rotate this key");
            }
            if (content.contains("://")) {
                find(URL_CREDENTIALS, content, m -> !placeholder(m.group(2)) && !placeholder(m.group(1)),
                        m -> "a connection URL contains a user and password" + (m.group(1).equals(m.group(2)) ? " (a default: user = password)" : ""),
                        path, severity, found, m -> "build the URL from environment variables fed by a Kubernetes Secret");
            }
            if (SECRET_ASSIGNED.matcher(content).find()) {
                find(QUOTED_ASSIGNMENT, content, m -> literalSecret(m.group(3)) && !namesASecret(m.group(1)),
                        m -> "\"" + m.group(1) + "\" is set to a literal value", path, severity, found,
                        m -> "read it from the environment (process.env." + envName(m.group(1)) + ") fed by a Kubernetes Secret");
            }
            if (configFile(path)) {
                find(CONFIG_ASSIGNMENT, content, m -> literalSecret(m.group(3)) && !namesASecret(m.group(1))
                        && !m.group(3).startsWith("$") && !m.group(3).endsWith(":"),
                        m -> "\"" + m.group(1) + "\" is set to a literal value", path, severity, found,
                        m -> "reference a Secret (valueFrom.secretKeyRef, existingSecret) or a placeholder instead");
                find(K8S_ENV, content, m -> literalSecret(m.group(4)),
                        m -> "environment variable " + m.group(2) + " has a literal value", path, severity, found,
                        m -> "use valueFrom: {secretKeyRef: {name: ..., key: ...}}");
            }
            if ((GeneratedFiles.isTypeScript(path) || path.endsWith(".js")) && (content.contains("sign") || content.contains("verify"))) {
                find(JWT_LITERAL, content, m -> true, m -> "a JWT is signed or verified with a literal key", path, severity, found,
                        m -> "use a key from the environment (ConfigService) fed by a Kubernetes Secret");
            }
            if ((GeneratedFiles.isTypeScript(path) || path.endsWith(".js")) && content.contains("process.env")) {
                find(ENV_FALLBACK, content, m -> true, m -> "secret " + m.group(1) + " falls back to a literal default when unset", path,
                        severity == FindingSeverity.CRITICAL ? FindingSeverity.HIGH : severity, found,
                        m -> "fail at startup when " + m.group(1) + " is unset instead of using a default");
            }
            // one finding per line: the patterns overlap (a URL inside a password assignment)
            java.util.Set<Integer> lines = new java.util.HashSet<>();
            found.stream().filter(f -> lines.add(f.line())).forEach(findings::add);
        }
        return findings;
    }

    private interface Describe {
        String apply(Matcher m);
    }

    private void find(Pattern pattern, String content, java.util.function.Predicate<Matcher> accept, Describe message, String path,
                      FindingSeverity severity, List<Finding> out, Describe fix) {
        Matcher m = pattern.matcher(content);
        while (m.find()) {
            if (accept.test(m)) {
                out.add(new Finding(severity, ID, path, GeneratedFiles.lineOf(content, m.start()), message.apply(m), fix.apply(m)));
            }
        }
    }

    private static boolean configFile(String path) {
        String name = GeneratedFiles.fileName(path).toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.startsWith(".env") || name.endsWith(".env")
                || name.startsWith("dockerfile") || name.endsWith(".dockerfile") || name.endsWith(".properties") || name.endsWith(".conf");
    }

    /** Keys that name or point to a secret rather than hold one ({@code existingSecret: app-db}). */
    private static boolean namesASecret(String key) {
        return key.toLowerCase(Locale.ROOT).matches("(existing|use|create|mount|k8s|kubernetes|vault)[a-z_.-]*");
    }

    /** A value that is a real literal, not empty, not a reference or placeholder. */
    private static boolean literalSecret(String value) {
        String v = value.strip();
        return v.length() >= 3 && !placeholder(v) && !v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")
                && !v.equalsIgnoreCase("null") && !v.equals("~") && !v.startsWith("process.env") && !v.startsWith("secretKeyRef")
                && !v.matches("[|>][-+]?") && !v.startsWith("&") && !v.startsWith("*");
    }

    private static boolean placeholder(String v) {
        return v.startsWith("${") || v.startsWith("$(") || v.startsWith("{{") || v.startsWith("<") || v.startsWith("%")
                || v.matches("\\$[A-Z_][A-Z0-9_]*") || v.matches("(?i)x{3,}|\\*{3,}|\\.{3,}|<.*>|change[-_]?me[-_]?in[-_]?secret|redacted");
    }

    private static String envName(String key) {
        return key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9]+", "_").toUpperCase(Locale.ROOT);
    }
}

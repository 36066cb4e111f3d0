package io.veroforge.generator.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CORS is not a wildcard: {@code app.enableCors()} without options (Nest's default allows every
 * origin), {@code origin: '*'} or {@code origin: true} (reflects any origin), {@code cors: true}
 * in {@code NestFactory.create}, a literal {@code Access-Control-Allow-Origin: *} header, or an
 * ingress annotation allowing every origin. With credentials allowed it is CRITICAL.
 */
final class CorsRule implements ScanRule {

    static final String ID = "cors-wildcard";
    private static final Pattern ENABLE_CORS = Pattern.compile("\\.enableCors\\s*\\(");
    private static final Pattern WILDCARD_ORIGIN = Pattern.compile("\\borigin\\s*:\\s*(?:(['\"`])\\*\\1|true\\b|\\[\\s*(['\"`])\\*\\2)");
    private static final Pattern CREDENTIALS = Pattern.compile("\\bcredentials\\s*:\\s*true\\b");
    private static final Pattern FACTORY_CORS = Pattern.compile("NestFactory\\.create\\s*(?:<[^>]*>)?\\s*\\([^;]*?\\bcors\\s*:\\s*true\\b");
    private static final Pattern HEADER = Pattern.compile("(?i)(['\"])Access-Control-Allow-Origin\\1\\s*,\\s*(['\"])\\*\\2");
    private static final Pattern INGRESS = Pattern.compile("(?im)cors-allow-origin\\s*:\\s*[\"']?\\*[\"']?\\s*$");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> check(GeneratedFiles files) {
        List<Finding> findings = new ArrayList<>();
        String fix = "allow only the app's own origins, e.g. enableCors({ origin: process.env.CORS_ORIGINS.split(',') })";
        for (String path : files.paths(p -> GeneratedFiles.isTypeScript(p) && !GeneratedFiles.isTestFile(p))) {
            TypeScriptSource source = files.typeScript(path);
            Matcher m = ENABLE_CORS.matcher(source.skeleton);
            while (m.find()) {
                int open = m.end() - 1;
                String args = source.code.substring(open + 1, Math.max(open + 1, source.matching(open) - 1)).strip();
                int line = source.lineOf(m.start());
                if (args.isEmpty()) {
                    findings.add(new Finding(FindingSeverity.HIGH, ID, path, line, "enableCors() without options allows every origin", fix));
                } else if (WILDCARD_ORIGIN.matcher(args).find()) {
                    boolean credentials = CREDENTIALS.matcher(args).find();
                    findings.add(new Finding(credentials ? FindingSeverity.CRITICAL : FindingSeverity.HIGH, ID, path, line,
                            "CORS allows every origin" + (credentials ? " with credentials, so any site can act as a signed-in user" : ""), fix));
                }
            }
            Matcher factory = FACTORY_CORS.matcher(source.code);
            while (factory.find()) {
                findings.add(new Finding(FindingSeverity.HIGH, ID, path, source.lineOf(factory.start()),
                        "NestFactory.create(..., { cors: true }) allows every origin", fix));
            }
            Matcher header = HEADER.matcher(source.code);
            while (header.find()) {
                findings.add(new Finding(FindingSeverity.HIGH, ID, path, source.lineOf(header.start()),
                        "the Access-Control-Allow-Origin header is set to *", fix));
            }
        }
        for (String path : files.paths(p -> p.endsWith(".yaml") || p.endsWith(".yml"))) {
            String content = files.content(path);
            Matcher m = INGRESS.matcher(content);
            while (m.find()) {
                findings.add(new Finding(FindingSeverity.HIGH, ID, path, GeneratedFiles.lineOf(content, m.start()),
                        "the ingress allows CORS from every origin", "set cors-allow-origin to the app's own origins"));
            }
        }
        return findings;
    }
}

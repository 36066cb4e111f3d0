package io.veroforge.generator.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Container images are pinned too: a Dockerfile {@code FROM} or a manifest's {@code image:} names
 * a version tag or a digest, never no tag or {@code :latest}. Build-stage references
 * ({@code FROM build AS …} naming an earlier stage), {@code scratch} and templated images
 * ({@code {{ .Values.image }}}) are fine.
 */
final class ImagePinningRule implements ScanRule {

    static final String ID = "unpinned-image";
    private static final Pattern FROM = Pattern.compile("(?im)^\\s*FROM\\s+(?:--platform=\\S+\\s+)?(\\S+)(?:\\s+AS\\s+(\\S+))?");
    private static final Pattern IMAGE = Pattern.compile("(?m)^\\s*(?:-\\s+)?image:\\s*[\"']?([^\\s\"'#]+)");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> check(GeneratedFiles files) {
        List<Finding> findings = new ArrayList<>();
        for (String path : files.paths(p -> GeneratedFiles.fileName(p).toLowerCase(Locale.ROOT).startsWith("dockerfile")
                || p.endsWith(".dockerfile"))) {
            String content = files.content(path);
            List<String> stages = new ArrayList<>();
            Matcher m = FROM.matcher(content);
            while (m.find()) {
                String image = m.group(1);
                if (!stages.contains(image.toLowerCase(Locale.ROOT)) && !image.equals("scratch") && !image.startsWith("$")) {
                    check(image, path, GeneratedFiles.lineOf(content, m.start()), findings);
                }
                if (m.group(2) != null) {
                    stages.add(m.group(2).toLowerCase(Locale.ROOT));
                }
            }
        }
        for (String path : files.paths(p -> p.startsWith("deploy/") && (p.endsWith(".yaml") || p.endsWith(".yml")))) {
            String content = files.content(path);
            Matcher m = IMAGE.matcher(content);
            while (m.find()) {
                String image = m.group(1);
                if (!image.contains("{{") && !image.startsWith("$") && !image.endsWith(":")) {
                    check(image, path, GeneratedFiles.lineOf(content, m.start()), findings);
                }
            }
        }
        return findings;
    }

    private static void check(String image, String path, int line, List<Finding> findings) {
        if (image.contains("@sha256:")) {
            return;
        }
        String afterRegistry = image.substring(image.lastIndexOf('/') + 1);
        int colon = afterRegistry.indexOf(':');
        String tag = colon < 0 ? null : afterRegistry.substring(colon + 1);
        if (tag == null || tag.isEmpty() || tag.equals("latest")) {
            findings.add(new Finding(FindingSeverity.MEDIUM, ID, path, line, "image " + image + (tag == null ? " has no tag" : " uses :latest"),
                    "pin a version tag or a digest, e.g. " + image.replaceFirst(":latest$", "") + ":<version>@sha256:<digest>"));
        }
    }
}

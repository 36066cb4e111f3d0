package io.veroforge.operator.delivery;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One image the generated repository builds: {@code deploy/<name>.Dockerfile}, built from
 * {@code contextDir} (relative to the repository root).
 *
 * @param name       the component, e.g. {@code api}; the manifests' image {@code <slug>-<name>:latest} is replaced by its build
 * @param dockerfile the Dockerfile's repository path
 * @param contextDir the build context, {@code .} for the repository root
 */
public record BuildComponent(String name, String dockerfile, String contextDir) {
    private static final Pattern DOCKERFILE = Pattern.compile("deploy/([a-z0-9]([a-z0-9-]*[a-z0-9])?)\\.Dockerfile");
    /** Migrations run by the operator itself, from the SQL files: no image to build. */
    static final String MIGRATIONS = "migrations";

    /** The components of a generated repository, in name order; migrations excluded. */
    public static List<BuildComponent> in(SortedMap<String, String> files) {
        List<BuildComponent> components = new ArrayList<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            Matcher m = DOCKERFILE.matcher(file.getKey());
            if (m.matches() && !m.group(1).equals(MIGRATIONS)) {
                components.add(new BuildComponent(m.group(1), file.getKey(), contextDir(file.getKey(), file.getValue())));
            }
        }
        return List.copyOf(components);
    }

    /**
     * The pack's Dockerfiles say how to build them in their first comment
     * ({@code docker build -f deploy/api.Dockerfile api}); the last word is the context.
     */
    private static String contextDir(String dockerfile, String content) {
        Matcher m = Pattern.compile("docker build -f " + Pattern.quote(dockerfile) + " ([^\\s`]+)").matcher(content);
        if (!m.find()) {
            return ".";
        }
        String dir = Path.of(m.group(1)).normalize().toString();
        return dir.isEmpty() || dir.startsWith("..") ? "." : dir;
    }

    /** The Dockerfile's path relative to the build context, as kaniko resolves {@code --dockerfile}. */
    public String dockerfileInContext() {
        return Path.of(contextDir).relativize(Path.of(dockerfile)).toString();
    }
}

package io.veroforge.generator;

import io.veroforge.generator.analyze.SpecAnalyzer;
import io.veroforge.generator.resolve.AppModelResolver;
import io.veroforge.generator.resolve.Resolution;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Small helpers to run analyze → resolve on test YAML (inline or under src/test/resources/appspecs). */
public final class Fixtures {

    private Fixtures() {
    }

    public static Resolution resolveYaml(String yaml) {
        return new AppModelResolver().resolve(new SpecAnalyzer().analyze(yaml, "test.yaml"));
    }

    public static Resolution resolveResource(String name) {
        return resolveYaml(resource(name));
    }

    public static String resource(String name) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream("appspecs/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource appspecs/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A manifest around a spec body written with two-space indentation under "spec:". */
    public static String manifest(String specBody) {
        return "apiVersion: veroforge.io/v1alpha1\nkind: AppSpec\nmetadata:\n  name: test\nspec:\n" + specBody.stripIndent().indent(2);
    }
}

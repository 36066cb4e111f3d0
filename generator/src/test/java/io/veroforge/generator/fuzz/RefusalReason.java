package io.veroforge.generator.fuzz;

import io.veroforge.generator.model.Problem;

/** A refusal with the specifics taken out (indexes, quoted names, numbers), so equal reasons count together. */
public final class RefusalReason {

    private RefusalReason() {
    }

    public static String of(Problem error) {
        String path = error.path().replaceAll("\\[\\d+]", "[]");
        String message = error.message().replaceAll("\"[^\"]*\"", "\"…\"").replaceAll("\\b[A-Za-z][A-Za-z0-9_]*\\.[A-Za-z][A-Za-z0-9_]*\\b", "<Entity.field>")
                .replaceAll("\\d+", "N");
        return path + ": " + message;
    }
}

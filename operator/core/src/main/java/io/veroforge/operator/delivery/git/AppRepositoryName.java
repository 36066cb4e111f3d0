package io.veroforge.operator.delivery.git;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The name of one app's platform-kept repository, {@code <namespace>/<app>.git}. Both parts are
 * DNS-1123 labels, checked here once: a name that passes cannot contain {@code /}, {@code .} or
 * {@code ..}, so it cannot leave the repository root however it is later joined into a path.
 */
record AppRepositoryName(String namespace, String app) {

    static final String SUFFIX = ".git";
    private static final int MAX_LABEL_LENGTH = 63;
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    /** @throws IllegalArgumentException when namespace or app is not a DNS-1123 label */
    AppRepositoryName {
        requireLabel("namespace", namespace);
        requireLabel("app", app);
    }

    /**
     * The repository named by a path relative to the server root, e.g. {@code ns/app.git}; empty
     * for anything else (more or fewer segments, no {@code .git}, names that are not labels).
     */
    static Optional<AppRepositoryName> parse(String relative) {
        if (relative == null) {
            return Optional.empty();
        }
        int slash = relative.indexOf('/');
        if (slash < 0 || !relative.endsWith(SUFFIX)) {
            return Optional.empty();
        }
        String namespace = relative.substring(0, slash);
        String app = relative.substring(slash + 1, relative.length() - SUFFIX.length());
        if (!isLabel(namespace) || !isLabel(app)) {
            return Optional.empty();
        }
        return Optional.of(new AppRepositoryName(namespace, app));
    }

    /** {@code <namespace>/<app>.git}, as in clone URLs and on disk under the root. */
    String relativePath() {
        return namespace + "/" + app + SUFFIX;
    }

    static boolean isLabel(String value) {
        return value != null && value.length() <= MAX_LABEL_LENGTH && DNS_LABEL.matcher(value).matches();
    }

    private static void requireLabel(String what, String value) {
        if (!isLabel(value)) {
            throw new IllegalArgumentException(what + " " + describe(value)
                    + " is not a DNS-1123 label: use at most " + MAX_LABEL_LENGTH
                    + " lower-case letters, digits and '-', starting and ending with a letter or digit");
        }
    }

    private static String describe(String value) {
        if (value == null) {
            return "(missing)";
        }
        // escaped so that control characters in a request path cannot forge log lines
        StringBuilder shown = new StringBuilder("'");
        value.codePoints().limit(80).forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                shown.append(String.format("\\u%04x", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.append(value.length() > 80 ? "...'" : "'").toString();
    }
}

package io.veroforge.generator.validate;

import java.util.Optional;

/**
 * The part of Java's regular-expression syntax a generated app can use: the pattern runs as a
 * JavaScript {@code RegExp} (class-validator {@code @Matches}, the UI's form check) without flags,
 * so constructs Java accepts but JavaScript rejects or reads differently are refused here.
 */
final class RegexDialect {

    private RegexDialect() {
    }

    /** Why a pattern (already compiled by Java) cannot run as a JavaScript RegExp, or empty. */
    static Optional<String> javaOnlyConstruct(String pattern) {
        if (pattern.indexOf('\n') >= 0 || pattern.indexOf('\r') >= 0) {
            return Optional.of("a line break inside the pattern (write \\n)");
        }
        boolean inClass = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            char next = i + 1 < pattern.length() ? pattern.charAt(i + 1) : 0;
            if (c == '\\') {
                if ("AZzGQEhHRXpPe".indexOf(next) >= 0) {
                    return Optional.of("\\" + next + " (" + (next == 'p' || next == 'P' ? "Unicode classes need the u flag"
                            : "Java-only escape") + ")");
                }
                i++;
                continue;
            }
            if (inClass) {
                if (c == ']') {
                    inClass = false;
                } else if (c == '[') {
                    return Optional.of("a character class inside a character class (Java union; JavaScript reads '[' literally)");
                } else if (c == '&' && next == '&') {
                    return Optional.of("&& in a character class (Java intersection)");
                }
                continue;
            }
            if (c == '[') {
                inClass = true;
                if (next == '^') {
                    i++;
                }
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == ']') {
                    i++; // a leading ] is literal in Java
                }
                continue;
            }
            if (c == '(' && next == '?') {
                char kind = i + 2 < pattern.length() ? pattern.charAt(i + 2) : 0;
                if (kind == '>') {
                    return Optional.of("(?>...) (atomic group)");
                }
                if (Character.isLetter(kind) || kind == '-') {
                    return Optional.of("(?" + kind + "...) (inline flags)");
                }
            }
            if ((c == '*' || c == '+' || c == '?' || c == '}') && next == '+') {
                return Optional.of(c + "+ (possessive quantifier)");
            }
        }
        return Optional.empty();
    }
}

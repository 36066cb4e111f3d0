package io.veroforge.generator.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TypeScript file read just well enough for the rules: comments blanked out (offsets and line
 * numbers kept), string literals found with their kind, and decorators ({@code @Name(args)})
 * grouped the way they stack above one class, method or property.
 */
final class TypeScriptSource {

    /** A string literal: {@code kind} is the quote character; {@code tagged} for a tagged template ({@code sql`…`}). */
    record Literal(int start, int end, char kind, String content, boolean tagged, boolean interpolated) {
    }

    /** One decorator; {@code end} is just past its closing parenthesis (or its name when it has none). */
    record Decorator(String name, String args, int start, int end) {
    }

    /** Decorators stacked on one declaration, and the declaration text that follows them (up to its first "(" "{" ";" or "="). */
    record DecoratorGroup(List<Decorator> decorators, String declaration, int declarationStart) {
        boolean has(String name) {
            return decorators.stream().anyMatch(d -> d.name().equals(name));
        }

        Decorator first(String name) {
            return decorators.stream().filter(d -> d.name().equals(name)).findFirst().orElse(null);
        }
    }

    private static final Pattern DECORATOR = Pattern.compile("@([A-Za-z_][A-Za-z0-9_]*)");

    final String text;
    /** The text with comments blanked. */
    final String code;
    /** The text with comments and string contents blanked (quotes kept): safe for brace and parenthesis matching. */
    final String skeleton;
    final List<Literal> literals = new ArrayList<>();
    private List<DecoratorGroup> decoratorGroups;

    TypeScriptSource(String text) {
        this.text = text;
        StringBuilder code = new StringBuilder(text);
        StringBuilder skeleton = new StringBuilder(text);
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            char next = i + 1 < n ? text.charAt(i + 1) : '\0';
            if (c == '/' && next == '/') {
                int end = text.indexOf('\n', i);
                end = end < 0 ? n : end;
                blank(code, i, end);
                blank(skeleton, i, end);
                i = end;
            } else if (c == '/' && next == '*') {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                blank(code, i, end);
                blank(skeleton, i, end);
                i = end;
            } else if (c == '\'' || c == '"' || c == '`') {
                int end = endOfString(text, i, c);
                boolean tagged = c == '`' && taggedAt(text, i);
                String content = text.substring(i + 1, Math.max(i + 1, end - 1));
                literals.add(new Literal(i, end, c, content, tagged, c == '`' && content.contains("${")));
                blank(skeleton, i + 1, Math.max(i + 1, end - 1));
                i = end;
            } else {
                i++;
            }
        }
        this.code = code.toString();
        this.skeleton = skeleton.toString();
    }

    private static int endOfString(String text, int start, char quote) {
        int i = start + 1;
        int depth = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (quote == '`') {
                if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                    depth++;
                    i += 2;
                    continue;
                }
                if (c == '}' && depth > 0) {
                    depth--;
                } else if (c == '`' && depth == 0) {
                    return i + 1;
                }
            } else if (c == quote || c == '\n') {
                return i + 1;
            }
            i++;
        }
        return text.length();
    }

    /** An identifier (or member access) just before the backtick, optionally with type arguments: {@code $queryRaw<Row[]>`…`}. */
    private static boolean taggedAt(String text, int backtick) {
        int j = skipSpacesBack(text, backtick - 1);
        if (j >= 0 && text.charAt(j) == '>') {
            j = skipSpacesBack(text, typeArgumentsStart(text, j) - 1);
        }
        return j >= 0 && (Character.isJavaIdentifierPart(text.charAt(j)) || text.charAt(j) == '.');
    }

    private static int skipSpacesBack(String text, int from) {
        int j = from;
        while (j >= 0 && text.charAt(j) == ' ') {
            j--;
        }
        return j;
    }

    /**
     * Where the {@code <…>} closing at {@code close} opens, on the same line; -1 when it does not
     * (then the {@code >} is a comparison and the template literal is not tagged).
     */
    private static int typeArgumentsStart(String text, int close) {
        int depth = 0;
        for (int i = close; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == '\n' || c == ';' || c == '=' && (i + 1 > close || text.charAt(i + 1) != '>')) {
                return -1;
            }
            if (c == '>' && (i == 0 || text.charAt(i - 1) != '=')) {
                depth++;
            } else if (c == '<' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static void blank(StringBuilder b, int from, int to) {
        for (int k = from; k < to && k < b.length(); k++) {
            if (b.charAt(k) != '\n') {
                b.setCharAt(k, ' ');
            }
        }
    }

    int lineOf(int offset) {
        return GeneratedFiles.lineOf(text, offset);
    }

    /** Index just past the bracket that closes the one at {@code open}, on the skeleton. */
    int matching(int open) {
        char o = skeleton.charAt(open);
        char c = o == '(' ? ')' : o == '{' ? '}' : o == '[' ? ']' : '>';
        int depth = 0;
        for (int i = open; i < skeleton.length(); i++) {
            char ch = skeleton.charAt(i);
            if (ch == o) {
                depth++;
            } else if (ch == c && --depth == 0) {
                return i + 1;
            }
        }
        return skeleton.length();
    }

    /** Every decorator group of the file, in order (computed once: several rules ask). */
    List<DecoratorGroup> decoratorGroups() {
        if (decoratorGroups == null) {
            decoratorGroups = List.copyOf(findDecoratorGroups());
        }
        return decoratorGroups;
    }

    private List<DecoratorGroup> findDecoratorGroups() {
        List<DecoratorGroup> groups = new ArrayList<>();
        Matcher m = DECORATOR.matcher(skeleton);
        List<Decorator> current = new ArrayList<>();
        int searchFrom = 0;
        while (searchFrom < skeleton.length() && m.find(searchFrom)) {
            if (m.start() > 0 && (Character.isJavaIdentifierPart(skeleton.charAt(m.start() - 1)) || skeleton.charAt(m.start() - 1) == '"'
                    || skeleton.charAt(m.start() - 1) == '\'')) {
                searchFrom = m.end();
                continue; // an e-mail address or a scoped package name inside a string that survived
            }
            int end = m.end();
            int k = skipSpace(end);
            String args = "";
            if (k < skeleton.length() && skeleton.charAt(k) == '(') {
                int close = matching(k);
                args = code.substring(k + 1, Math.max(k + 1, close - 1));
                end = close;
            }
            current.add(new Decorator(m.group(1), args, m.start(), end));
            int after = skipSpace(end);
            if (after < skeleton.length() && skeleton.charAt(after) == '@') {
                searchFrom = after;
                continue;
            }
            int declarationEnd = after;
            while (declarationEnd < skeleton.length() && "({;=".indexOf(skeleton.charAt(declarationEnd)) < 0) {
                declarationEnd++;
            }
            groups.add(new DecoratorGroup(List.copyOf(current), code.substring(after, declarationEnd).strip(), after));
            current.clear();
            searchFrom = Math.max(end, after);
        }
        return groups;
    }

    private int skipSpace(int from) {
        int k = from;
        while (k < skeleton.length() && Character.isWhitespace(skeleton.charAt(k))) {
            k++;
        }
        return k;
    }
}

package io.veroforge.generator.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits PostgreSQL script text into statements at top-level semicolons, understanding line and
 * block comments (nested), single-quoted strings (with {@code ''} and E'' escapes), quoted
 * identifiers and dollar-quoted bodies ({@code $$ … $$}, {@code $fn$ … $fn$}), so a semicolon
 * inside a function body or a string never splits a statement.
 */
final class SqlStatements {

    /** @param text the statement with comments replaced by spaces; @param line where it starts (1-based) */
    record Statement(String text, int line) {
    }

    private static final Pattern DOLLAR_TAG = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)?\\$");

    private SqlStatements() {
    }

    static List<Statement> split(String sql) {
        List<Statement> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int start = -1;
        int line = 1;
        int startLine = 1;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            char next = i + 1 < n ? sql.charAt(i + 1) : '\0';
            if (c == '-' && next == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            if (c == '/' && next == '*') {
                int depth = 0;
                do {
                    if (sql.startsWith("/*", i)) {
                        depth++;
                        i += 2;
                    } else if (sql.startsWith("*/", i)) {
                        depth--;
                        i += 2;
                    } else {
                        if (sql.charAt(i) == '\n') {
                            line++;
                            current.append('\n');
                        }
                        i++;
                    }
                } while (depth > 0 && i < n);
                current.append(' ');
                continue;
            }
            if (c == '\n') {
                line++;
            }
            if (start < 0 && !Character.isWhitespace(c) && c != ';') {
                start = i;
                startLine = line;
            }
            if (c == '\'' || c == '"') {
                boolean escapes = c == '\'' && i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e');
                int j = i + 1;
                while (j < n) {
                    char d = sql.charAt(j);
                    if (escapes && d == '\\') {
                        j += 2;
                        continue;
                    }
                    if (d == c) {
                        if (j + 1 < n && sql.charAt(j + 1) == c) {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                j = Math.min(j + 1, n);
                String quoted = sql.substring(i, j);
                line += count(quoted, '\n');
                current.append(quoted);
                i = j;
                continue;
            }
            if (c == '$') {
                Matcher tag = DOLLAR_TAG.matcher(sql).region(i, n);
                if (tag.lookingAt() && (i == 0 || !Character.isLetterOrDigit(sql.charAt(i - 1)))) {
                    String delimiter = tag.group();
                    int end = sql.indexOf(delimiter, tag.end());
                    end = end < 0 ? n : end + delimiter.length();
                    String body = sql.substring(i, end);
                    line += count(body, '\n');
                    current.append(body);
                    i = end;
                    continue;
                }
            }
            if (c == ';') {
                add(out, current, startLine);
                start = -1;
                i++;
                continue;
            }
            current.append(c);
            i++;
        }
        add(out, current, startLine);
        return out;
    }

    private static void add(List<Statement> out, StringBuilder current, int line) {
        String text = current.toString().strip();
        if (!text.isEmpty()) {
            out.add(new Statement(text, line));
        }
        current.setLength(0);
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(ch -> ch == c).count();
    }

    /** A table name without schema and quotes, lower-cased unless it was quoted: {@code public."Job" → Job}, {@code app.jobs → jobs}. */
    static String tableName(String qualified) {
        String last = qualified.strip();
        // the last dot outside quotes separates the schema
        int cut = -1;
        boolean quoted = false;
        for (int i = 0; i < last.length(); i++) {
            char c = last.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '.' && !quoted) {
                cut = i;
            }
        }
        last = last.substring(cut + 1);
        if (last.startsWith("\"") && last.endsWith("\"") && last.length() >= 2) {
            return last.substring(1, last.length() - 1).replace("\"\"", "\"");
        }
        return last.toLowerCase(java.util.Locale.ROOT);
    }
}

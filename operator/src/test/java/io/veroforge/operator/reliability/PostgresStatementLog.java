package io.veroforge.operator.reliability;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every statement PostgreSQL ran in one database during a run, read back from the server's own
 * log: {@code log_statement = all} is set on that database only (for connections opened after
 * {@link #start}), and the log's new entries are read from the offset it had then. Debian's
 * cluster logs to {@code /var/log/postgresql/postgresql-<version>-main.log} with
 * {@code log_line_prefix = '%m [%p] %q%u@%d '}, so an entry names its database.
 *
 * <p>What it is for: a hostile string that reaches SQL spliced in, not bound or quoted, shows up in
 * a statement's text with its quote single ({@code vfq'm}); quoted as a literal it reads
 * {@code vfq''m}, bound as a parameter it is only in the {@code DETAIL: parameters:} line.
 */
final class PostgresStatementLog {
    private static final Pattern ENTRY_START = Pattern.compile("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");

    private final Path file;
    private final long offset;
    private final String database;

    private PostgresStatementLog(Path file, long offset, String database) {
        this.file = file;
        this.offset = offset;
        this.database = database;
    }

    /** The server's log file, when this is a Debian cluster whose log this process may read. */
    static Optional<Path> serverLog() throws IOException {
        Path dir = Path.of("/var/log/postgresql");
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("postgresql-\\d+-main\\.log")).filter(Files::isReadable)
                    .max(java.util.Comparator.comparing(p -> p.toFile().lastModified()));
        }
    }

    /** Turns statement logging on for {@code database} and remembers where the log is now. */
    static PostgresStatementLog start(Path log, String database) throws SQLException, IOException {
        try (Connection c = DriverManager.getConnection(ScratchDatabase.ADMIN_URL, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + database + " SET log_statement = 'all'");
        }
        return new PostgresStatementLog(log, Files.size(log), database);
    }

    /** What the run's statements show: how many there were and those that carry a marker unquoted. */
    record Findings(int statements, List<String> unquoted) {
    }

    Findings scan(List<String> rawMarkers) throws IOException {
        List<String> entries = entriesOfDatabase();
        int statements = 0;
        List<String> unquoted = new ArrayList<>();
        for (String entry : entries) {
            boolean statement = entry.contains("LOG:  statement: ") || entry.contains("LOG:  execute ") || entry.contains("STATEMENT:  ");
            if (!statement) {
                continue;
            }
            statements++;
            String code = withoutComments(entry);
            for (String marker : rawMarkers) {
                if (code.contains(marker)) {
                    unquoted.add(entry.length() > 600 ? entry.substring(0, 600) + "…" : entry);
                }
            }
        }
        return new Findings(statements, unquoted);
    }

    /**
     * The statement with its comments removed: a quote inside {@code -- …} or {@code /* … *\/} is
     * not SQL (the generator quotes requirement phrases in migration comments). Strings, quoted
     * identifiers and dollar-quoted bodies are kept as written, so an unescaped quote in them still shows.
     */
    static String withoutComments(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n' && sql.charAt(i) != '\r') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int depth = 0;
                do {
                    if (sql.startsWith("/*", i)) {
                        depth++;
                        i += 2;
                    } else if (sql.startsWith("*/", i)) {
                        depth--;
                        i += 2;
                    } else {
                        i++;
                    }
                } while (i < n && depth > 0);
            } else if (c == '\'' || c == '"') {
                int end = i + 1;
                while (end < n) {
                    if (sql.charAt(end) == c) {
                        if (end + 1 < n && sql.charAt(end + 1) == c) {
                            end += 2; // a doubled quote inside
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                out.append(sql, i, Math.min(n, end + 1));
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The log's entries since {@link #start} that belong to the database, continuation lines joined. */
    private List<String> entriesOfDatabase() throws IOException {
        byte[] bytes;
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            if (length < offset) {
                throw new IOException(file + " shrank during the run (rotated?): statements cannot be checked");
            }
            bytes = new byte[(int) Math.min(Integer.MAX_VALUE - 8, length - offset)];
            in.seek(offset);
            in.readFully(bytes);
        }
        String tag = "@" + database + " ";
        List<String> entries = new ArrayList<>();
        StringBuilder current = null;
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n", -1)) {
            if (ENTRY_START.matcher(line).find()) {
                if (current != null) {
                    entries.add(current.toString());
                }
                current = line.contains(tag) ? new StringBuilder(line) : null;
            } else if (current != null) {
                current.append('\n').append(line);
            }
        }
        if (current != null) {
            entries.add(current.toString());
        }
        return entries;
    }

    void stop() throws SQLException {
        try (Connection c = DriverManager.getConnection(ScratchDatabase.ADMIN_URL, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + database + " RESET log_statement");
        }
    }
}

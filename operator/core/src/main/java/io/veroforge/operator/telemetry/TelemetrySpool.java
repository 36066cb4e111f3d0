package io.veroforge.operator.telemetry;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The bounded, append-only file where telemetry waits while the broker is down: one JSON line per
 * event in {@code events.jsonl}, and in {@code cursor} the byte offset of the oldest line not yet
 * sent. Sending reads from the cursor in file order, so events leave in the order they came; an
 * operator restart finds both files and goes on. When more than {@code maxEvents} wait, the oldest
 * is skipped (the cursor moves past it) and counted: telemetry is worth less than the disk.
 *
 * <p>Not thread-safe: only the sink's drain thread uses it.
 */
final class TelemetrySpool implements AutoCloseable {
    /** Rewrite the file without its sent prefix once that prefix is this large. */
    private static final long COMPACT_AFTER_BYTES = 4L << 20;

    private final Path file;
    private final Path cursorFile;
    private final int maxEvents;
    private RandomAccessFile data;
    private long cursor;
    private int waiting;
    private long dropped;

    /** One spooled line and the offset just after it. */
    record Entry(String line, long end) {
    }

    TelemetrySpool(Path directory, int maxEvents) {
        if (maxEvents < 1) {
            throw new IllegalArgumentException("veroforge.telemetry.spool-max-events must be at least 1, got " + maxEvents);
        }
        this.maxEvents = maxEvents;
        this.file = directory.resolve("events.jsonl");
        this.cursorFile = directory.resolve("cursor");
        try {
            Files.createDirectories(directory);
            data = new RandomAccessFile(file.toFile(), "rw");
            cursor = Files.exists(cursorFile) ? Long.parseLong(Files.readString(cursorFile).trim()) : 0;
            if (cursor > data.length()) {
                cursor = 0; // a cursor from an older, compacted file: resend rather than lose
            }
            waiting = countLinesFrom(cursor);
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("telemetry spool " + directory + " cannot be opened (check veroforge.telemetry.spool-dir is writable): " + e.getMessage(), e);
        }
    }

    int waiting() {
        return waiting;
    }

    boolean isEmpty() {
        return waiting == 0;
    }

    /** Events skipped because the spool was full, since this spool was opened. */
    long dropped() {
        return dropped;
    }

    void append(String jsonLine) {
        try {
            data.seek(data.length());
            data.write((jsonLine + "\n").getBytes(StandardCharsets.UTF_8));
            waiting++;
            while (waiting > maxEvents) {
                List<Entry> oldest = peek(1);
                commit(oldest.get(0).end(), 1);
                dropped++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Up to {@code max} waiting lines, oldest first; nothing moves until {@link #commit}. */
    List<Entry> peek(int max) {
        List<Entry> entries = new ArrayList<>();
        try {
            FileChannel channel = data.getChannel();
            long position = cursor;
            long length = channel.size();
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream(512);
            while (entries.size() < max && position < length) {
                buffer.clear();
                int read = channel.read(buffer, position);
                if (read <= 0) {
                    break;
                }
                buffer.flip();
                int start = 0;
                for (int i = 0; i < read && entries.size() < max; i++) {
                    if (buffer.get(i) == '\n') {
                        line.write(buffer.array(), start, i - start);
                        entries.add(new Entry(line.toString(StandardCharsets.UTF_8), position + i + 1));
                        line.reset();
                        start = i + 1;
                    }
                }
                if (entries.size() < max) {
                    line.write(buffer.array(), start, read - start);
                }
                position += read;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** The first {@code count} waiting lines, ending at {@code end}, are sent (or dropped). */
    void commit(long end, int count) {
        try {
            cursor = end;
            waiting -= count;
            if (waiting == 0) {
                data.setLength(0);
                cursor = 0;
            } else if (cursor > COMPACT_AFTER_BYTES && cursor * 2 > data.length()) {
                compact();
            }
            writeCursor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void compact() throws IOException {
        Path fresh = file.resolveSibling("events.jsonl.compacting");
        try (FileChannel out = FileChannel.open(fresh, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            FileChannel in = data.getChannel();
            long size = in.size();
            for (long done = cursor; done < size; ) {
                done += in.transferTo(done, size - done, out);
            }
        }
        data.close();
        Files.move(fresh, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        data = new RandomAccessFile(file.toFile(), "rw");
        cursor = 0;
    }

    private void writeCursor() throws IOException {
        Path tmp = cursorFile.resolveSibling("cursor.tmp");
        Files.writeString(tmp, Long.toString(cursor));
        Files.move(tmp, cursorFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private int countLinesFrom(long offset) throws IOException {
        int lines = 0;
        FileChannel channel = data.getChannel();
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        for (long position = offset; ; ) {
            buffer.clear();
            int read = channel.read(buffer, position);
            if (read <= 0) {
                return lines;
            }
            for (int i = 0; i < read; i++) {
                if (buffer.get(i) == '\n') {
                    lines++;
                }
            }
            position += read;
        }
    }

    @Override
    public void close() {
        try {
            data.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

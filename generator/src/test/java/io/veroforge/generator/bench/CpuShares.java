package io.veroforge.generator.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Where a run's CPU went, in cores: the API (node and its workers), PostgreSQL (every {@code postgres} process, so the
 * backends of the pool) and everything else on the machine (wrk, this JVM, other work). The bound of a run is the
 * part that is near a whole core per single-threaded process, or the machine when all cores are busy.
 */
final class CpuShares {

    /** USER_HZ: Linux reports process times in 1/100 s whatever the kernel's own tick. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private final ProcessHandle api;
    private Snapshot start;

    CpuShares(ProcessHandle api) {
        this.api = api;
    }

    void start() throws IOException {
        start = snapshot();
    }

    /** Cores used since {@link #start()}: api / postgres / other, and the machine's busy cores. */
    Usage stop() throws IOException {
        Snapshot end = snapshot();
        double seconds = (end.wallNanos - start.wallNanos) / 1e9;
        double machine = (end.machineBusy - start.machineBusy) / (double) (end.machineAll - start.machineAll)
                * Runtime.getRuntime().availableProcessors();
        double apiCores = (end.apiNanos - start.apiNanos) / 1e9 / seconds;
        double pgCores = (end.postgresNanos - start.postgresNanos) / 1e9 / seconds;
        return new Usage(apiCores, pgCores, Math.max(0, machine - apiCores - pgCores), machine);
    }

    record Usage(double api, double postgres, double other, double machine) {
        String cell() {
            return String.format("%.2f / %.2f / %.2f", api, postgres, other);
        }
    }

    private record Snapshot(long wallNanos, long apiNanos, long postgresNanos, long machineBusy, long machineAll) {}

    private Snapshot snapshot() throws IOException {
        long apiNanos = cpu(Stream.concat(Stream.of(api), api.descendants()).map(ProcessHandle::pid));
        long pgNanos = cpu(ProcessHandle.allProcesses().map(ProcessHandle::pid).filter(pid -> "postgres".equals(comm(pid))));
        // /proc/stat's first line: user nice system idle iowait irq softirq steal … in clock ticks
        String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long all = 0;
        for (int i = 1; i <= 8 && i < cpu.length; i++) {
            all += Long.parseLong(cpu[i]);
        }
        long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
        return new Snapshot(System.nanoTime(), apiNanos, pgNanos, all - idle, all);
    }

    /** From /proc/<pid>/stat (world-readable, unlike the executable path of another user's process). */
    private static long cpu(Stream<Long> pids) {
        return pids.mapToLong(pid -> {
            String[] fields = statAfterComm(pid);
            // utime + stime + the reaped children's cutime + cstime: a backend that exits during a run moves its time
            // into the postmaster's children's time, so the sum over the group never drops
            return fields == null ? 0 : (Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                    + Long.parseLong(fields[14])) * NANOS_PER_TICK;
        }).sum();
    }

    private static String comm(long pid) {
        try {
            return Files.readString(Path.of("/proc", String.valueOf(pid), "comm")).strip();
        } catch (IOException gone) {
            return "";
        }
    }

    /** The fields after "(comm)": index 0 is the state, 11–14 are utime, stime, cutime and cstime. */
    private static String[] statAfterComm(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException gone) {
            return null;
        }
    }
}

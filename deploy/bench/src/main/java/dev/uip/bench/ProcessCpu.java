package dev.uip.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The CPU time (user and system) that Linux processes have used so far, read from {@code /proc/PID/stat}. */
final class ProcessCpu {

    /** Clock ticks per second of {@code /proc} times; 100 on every Linux this runs on (getconf CLK_TCK). */
    private static final double TICKS = Double.parseDouble(System.getProperty("bench.clk-tck", "100"));

    private ProcessCpu() {
    }

    /** CPU seconds used by each process of {@code pids} ({@code name=pid,...}); a process that is gone is left out. */
    static Map<String, Double> of(String pids) {
        Map<String, Double> used = new LinkedHashMap<>();
        for (String entry : pids.split(",")) {
            String[] nameAndPid = entry.trim().split("=");
            if (nameAndPid.length != 2) {
                continue;
            }
            try {
                String stat = Files.readString(Path.of("/proc", nameAndPid[1].trim(), "stat"));
                // the command name (field 2) may hold spaces: count fields after its closing parenthesis
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                used.put(nameAndPid[0], (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS);
            } catch (IOException | RuntimeException e) {
                // not running (or not Linux): no figure for it
            }
        }
        return used;
    }
}

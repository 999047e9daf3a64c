package io.crossview.deploy.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/** Peak memory of this process: resident set (from Linux) and Java heap. */
final class PeakMemory {
    private PeakMemory() {
    }

    /** Peak resident set in MiB (VmHWM), or -1 where /proc is not available. */
    static double residentMiB() {
        return status("VmHWM:");
    }

    /** Resident set now, in MiB (VmRSS), or -1 where /proc is not available. */
    static double currentResidentMiB() {
        return status("VmRSS:");
    }

    private static double status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** Sum of the peak use of every heap pool, in MiB: an upper bound of the peak heap. */
    static double heapMiB() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024.0 * 1024.0);
    }
}

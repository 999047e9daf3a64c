package io.crossview.ingest.publish;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.LongAdder;

/**
 * CPU time ingest spends per step (decode, resize, encode, produce), summed over every
 * camera thread. Thread CPU time, not wall time: with many cameras on few cores, waiting
 * for a core is not work.
 */
public final class StageTimes {
    /** The steps of one frame, in order. */
    public enum Step { DECODE, RESIZE, ENCODE, PRODUCE }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final LongAdder[] nanos = new LongAdder[Step.values().length];
    private final LongAdder frames = new LongAdder();

    public StageTimes() {
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = new LongAdder();
        }
    }

    /** CPU nanoseconds of the calling thread so far. */
    public static long cpuNow() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /** Adds the CPU the calling thread used since {@code startCpu}; returns the new reading to chain steps. */
    public long add(Step step, long startCpu) {
        long now = cpuNow();
        nanos[step.ordinal()].add(now - startCpu);
        return now;
    }

    /** Adds CPU measured elsewhere (the producer's network thread). */
    public void addNanos(Step step, long cpuNanos) {
        nanos[step.ordinal()].add(cpuNanos);
    }

    public void countFrame() {
        frames.increment();
    }

    public long frames() {
        return frames.sum();
    }

    public long nanos(Step step) {
        return nanos[step.ordinal()].sum();
    }

    /** Mean CPU milliseconds per frame of a step. */
    public double msPerFrame(Step step) {
        long n = frames();
        return n == 0 ? 0 : nanos(step) / 1e6 / n;
    }
}

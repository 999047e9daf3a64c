package io.crossview.deploy.run;

/**
 * Which frames the demo annotates: {@code count} evenly spread over the run. Each pick is a
 * window one sampling step wide, so exactly one sampled frame falls in it whatever the
 * sampling phase.
 */
public record AnnotatedFrames(long start, long span, int step, int count) {
    public AnnotatedFrames {
        if (span < 1 || step < 1 || count < 1) {
            throw new IllegalArgumentException("span, step and count must be >= 1");
        }
    }

    public boolean contains(long seq) {
        for (int k = 0; k < count; k++) {
            long target = start + Math.round((k + 0.5) * span / count);
            if (seq >= target && seq < target + step) {
                return true;
            }
        }
        return false;
    }
}

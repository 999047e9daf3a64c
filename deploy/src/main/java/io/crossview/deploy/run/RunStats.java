package io.crossview.deploy.run;

/**
 * How the stages of one run performed. Stage rates divide the records a stage handled by
 * the time it spent handling them, so they show each stage's own cost while sharing the
 * machine with the others.
 *
 * @param modelVersion  the re-ID model version the embeddings carry
 * @param detectorModel the detector model id the detections carry (after any fallback)
 * @param latenciesMs   every capture-to-identity latency measured, for a histogram
 */
public record RunStats(long detectorFrames, long detectorBusyNanos, long embedderFrames, long embedderBusyNanos,
                       long crops, long wallNanos, long latencyP50Ms, long latencyP99Ms, int latencySamples,
                       String modelVersion, String detectorModel, long[] latenciesMs) {
    public double detectorFramesPerSecond() {
        return rate(detectorFrames, detectorBusyNanos);
    }

    public double embedderFramesPerSecond() {
        return rate(embedderFrames, embedderBusyNanos);
    }

    public double embedderCropsPerSecond() {
        return rate(crops, embedderBusyNanos);
    }

    private static double rate(long count, long nanos) {
        return nanos <= 0 ? 0 : count / (nanos / 1e9);
    }
}

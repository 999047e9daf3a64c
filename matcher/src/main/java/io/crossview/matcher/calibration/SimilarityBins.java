package io.crossview.matcher.calibration;

/** The bins of the similarity histograms: {@value #BINS} equal bins over [-1, 1]. */
public final class SimilarityBins {
    public static final int BINS = 200;

    private SimilarityBins() {
    }

    public static int of(double similarity) {
        int bin = (int) Math.floor((similarity + 1) / 2 * BINS);
        return Math.max(0, Math.min(BINS - 1, bin));
    }

    public static double centre(int bin) {
        return -1 + (bin + 0.5) * 2.0 / BINS;
    }
}

package io.crossview.common.calibration;

/**
 * The bins of the similarity histograms: {@value #BINS} equal bins over [-1, 1]. The matcher
 * counts the stream's pairs in them and the trainer its held-out pairs, so both fit on the same
 * grid.
 */
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

    /** The mean similarity of a histogram over these bins; 0 when it is empty. */
    public static double mean(double[] histogram) {
        double n = 0;
        double sum = 0;
        for (int b = 0; b < histogram.length; b++) {
            n += histogram[b];
            sum += histogram[b] * centre(b);
        }
        return n == 0 ? 0 : sum / n;
    }

    /** How many pairs a histogram holds, rounded (its bins may hold weights). */
    public static long total(double[] histogram) {
        double n = 0;
        for (double v : histogram) {
            n += v;
        }
        return Math.round(n);
    }

    /** The similarity below which {@code q} of the histogram's pairs lie (a bin's centre). */
    public static double quantile(double[] histogram, double q) {
        double need = q * total(histogram);
        double seen = 0;
        for (int b = 0; b < histogram.length; b++) {
            seen += histogram[b];
            if (seen >= need) {
                return centre(b);
            }
        }
        return centre(histogram.length - 1);
    }
}

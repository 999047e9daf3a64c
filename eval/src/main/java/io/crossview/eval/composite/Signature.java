package io.crossview.eval.composite;

import java.util.List;

/**
 * A rough look of a person: the mean colour of their silhouette's upper and lower half (coat
 * and trousers), averaged over a few cut-outs. Enough to tell that the person a track picks up
 * again after a meeting is not the one they met when their clothes differ.
 */
public record Signature(double[] upper, double[] lower) {
    /** The signature of some cut-outs; null when none has a silhouette. */
    public static Signature of(List<Sprite> sprites) {
        double[] sums = new double[6];
        long[] counts = new long[2];
        for (Sprite s : sprites) {
            for (int y = 0; y < s.height(); y++) {
                int half = y < s.height() / 2 ? 0 : 1;
                for (int x = 0; x < s.width(); x++) {
                    if (s.alphaAt(x, y) >= 128) {
                        int o = (y * s.width() + x) * 3;
                        for (int c = 0; c < 3; c++) {
                            sums[half * 3 + c] += s.bgr()[o + c] & 0xff;
                        }
                        counts[half]++;
                    }
                }
            }
        }
        if (counts[0] == 0 || counts[1] == 0) {
            return null;
        }
        double[] upper = new double[3];
        double[] lower = new double[3];
        for (int c = 0; c < 3; c++) {
            upper[c] = sums[c] / counts[0];
            lower[c] = sums[3 + c] / counts[1];
        }
        return new Signature(upper, lower);
    }

    /** Root-mean-square difference of the six channel means, 0..255. */
    public double distance(Signature o) {
        double sum = 0;
        for (int c = 0; c < 3; c++) {
            sum += Math.pow(upper[c] - o.upper[c], 2) + Math.pow(lower[c] - o.lower[c], 2);
        }
        return Math.sqrt(sum / 6);
    }
}

package io.crossview.eval.composite;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits a walk's clean runs into disjoint pieces, one per camera visit, so that no two cameras
 * show the same frames of a person: each camera sees them a little later in their walk, in
 * another pose and place, as a real camera further along would.
 */
public final class Chunks {
    /** Lengths of a piece, and the frames left out between two pieces cut from one run. */
    public record Rules(int minLength, int maxLength, int gap) {
        public static final Rules DEFAULT = new Rules(15, 50, 5);

        public Rules {
            if (minLength < 1 || maxLength < minLength || gap < 0) {
                throw new IllegalArgumentException("stretch lengths need 1 <= min <= max and gap >= 0, got "
                        + minLength + ", " + maxLength + ", " + gap);
            }
        }
    }

    private Chunks() {
    }

    /**
     * {@code count} disjoint pieces of the runs, in time order, each of at least the minimum
     * length, as long as the runs allow up to the maximum; empty when the runs cannot give that
     * many. Pieces go one at a time to the run where they come out longest.
     */
    public static List<Stretch> pick(List<Stretch> runs, int count, Rules rules) {
        int[] pieces = new int[runs.size()];
        for (int k = 0; k < count; k++) {
            int best = -1;
            int bestLength = -1;
            for (int r = 0; r < runs.size(); r++) {
                int length = pieceLength(runs.get(r).length(), pieces[r] + 1, rules);
                if (length >= rules.minLength() && length > bestLength) {
                    best = r;
                    bestLength = length;
                }
            }
            if (best < 0) {
                return List.of();
            }
            pieces[best]++;
        }
        List<Stretch> out = new ArrayList<>();
        for (int r = 0; r < runs.size(); r++) {
            out.addAll(split(runs.get(r), pieces[r], rules));
        }
        out.sort(Comparator.comparingInt(Stretch::first));
        return out;
    }

    /** How long each of {@code n} pieces of a run can be; with too little room the gap goes first. */
    static int pieceLength(int runLength, int n, Rules rules) {
        int withGap = (runLength - (n - 1) * rules.gap()) / n;
        int length = withGap >= rules.minLength() ? withGap : runLength / n;
        return Math.min(rules.maxLength(), length);
    }

    /** {@code n} equal pieces spread evenly over the run, the gap left out between them where it fits. */
    static List<Stretch> split(Stretch run, int n, Rules rules) {
        if (n == 0) {
            return List.of();
        }
        int length = pieceLength(run.length(), n, rules);
        int gap = run.length() - n * length >= (n - 1) * rules.gap() ? rules.gap() : 0;
        int spare = run.length() - n * length - (n - 1) * gap;
        List<Stretch> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            // spare frames shared out before, between and after the pieces, on top of the gaps
            int start = run.first() + i * (length + gap) + (int) ((long) spare * (2L * i + 1) / (2L * n));
            out.add(new Stretch(start, start + length - 1));
        }
        return out;
    }
}

package io.crossview.eval.mot;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One sequence (one camera) as every metric reads it: ground-truth and predicted boxes grouped by
 * frame, frames ascending. Only frames with at least one box exist, as in py-motmetrics, which
 * walks the union of frame ids found in the two files.
 */
public final class MotSequence {
    private final String name;
    private final Frame[] frames;
    private final int gtCount;
    private final int predCount;

    private MotSequence(String name, Frame[] frames, int gtCount, int predCount) {
        this.name = name;
        this.frames = frames;
        this.gtCount = gtCount;
        this.predCount = predCount;
    }

    /**
     * Groups rows by frame. Rows are used as given: filter them first (see {@link MotFile}).
     *
     * @throws IllegalArgumentException when an id occurs twice in one frame of the same side, which
     *     TrackEval also refuses: identity counts would be ambiguous
     */
    public static MotSequence of(String name, Collection<MotRow> gt, Collection<MotRow> pred) {
        Map<Integer, List<MotRow>> gtByFrame = byFrame(name, "ground truth", gt);
        Map<Integer, List<MotRow>> predByFrame = byFrame(name, "predictions", pred);
        TreeMap<Integer, Boolean> all = new TreeMap<>();
        gtByFrame.keySet().forEach(f -> all.put(f, true));
        predByFrame.keySet().forEach(f -> all.put(f, true));
        Frame[] frames = new Frame[all.size()];
        int t = 0;
        for (int f : all.keySet()) {
            frames[t++] = new Frame(f, gtByFrame.getOrDefault(f, List.of()), predByFrame.getOrDefault(f, List.of()));
        }
        return new MotSequence(name, frames, gt.size(), pred.size());
    }

    private static Map<Integer, List<MotRow>> byFrame(String seq, String side, Collection<MotRow> rows) {
        Map<Integer, List<MotRow>> byFrame = new TreeMap<>();
        for (MotRow r : rows) {
            byFrame.computeIfAbsent(r.frame(), k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<Integer, List<MotRow>> e : byFrame.entrySet()) {
            Set<Long> seen = new HashSet<>();
            for (MotRow r : e.getValue()) {
                if (!seen.add(r.id())) {
                    throw new IllegalArgumentException("sequence " + seq + ": " + side + " has id " + r.id()
                            + " more than once in frame " + e.getKey());
                }
            }
        }
        return byFrame;
    }

    public String name() {
        return name;
    }

    /** Number of frames holding at least one box. */
    public int frameCount() {
        return frames.length;
    }

    /** Number of ground-truth boxes. */
    public int gtCount() {
        return gtCount;
    }

    /** Number of predicted boxes. */
    public int predCount() {
        return predCount;
    }

    Frame frame(int t) {
        return frames[t];
    }

    /** The boxes of one frame in file order, as parallel arrays (x, y, w, h flattened). */
    static final class Frame {
        final int number;
        final long[] gtIds;
        final double[] gtBoxes;
        final long[] predIds;
        final double[] predBoxes;

        Frame(int number, List<MotRow> gt, List<MotRow> pred) {
            this.number = number;
            this.gtIds = ids(gt);
            this.gtBoxes = boxes(gt);
            this.predIds = ids(pred);
            this.predBoxes = boxes(pred);
        }

        int gtSize() {
            return gtIds.length;
        }

        int predSize() {
            return predIds.length;
        }

        /** Fills {@code out[i][j]} with the IoU of gt box i and predicted box j. */
        void iou(double[][] out) {
            for (int i = 0; i < gtIds.length; i++) {
                for (int j = 0; j < predIds.length; j++) {
                    out[i][j] = BoxIou.iou(gtBoxes, i, predBoxes, j);
                }
            }
        }

        private static long[] ids(List<MotRow> rows) {
            long[] ids = new long[rows.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = rows.get(i).id();
            }
            return ids;
        }

        private static double[] boxes(List<MotRow> rows) {
            double[] b = new double[4 * rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                MotRow r = rows.get(i);
                b[4 * i] = r.x();
                b[4 * i + 1] = r.y();
                b[4 * i + 2] = r.w();
                b[4 * i + 3] = r.h();
            }
            return b;
        }
    }
}

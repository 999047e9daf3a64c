package io.crossview.eval.mot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Hand-checkable boxes: 10×10 squares on the x axis. Two of them shifted by d overlap with
 * IoU (10 - d) / (10 + d): d = 0 gives 1, d = 3 gives 7/13 ≈ 0.538 (matchable at 0.5), d = 4 gives
 * 6/14 ≈ 0.43 (not matchable). Objects 100 apart never overlap.
 */
final class Rows {
    private Rows() {
    }

    static MotRow box(int frame, long id, double x) {
        return MotRow.of(frame, id, x, 0, 10, 10);
    }

    /** Object {@code id} at {@code x} in every frame from {@code from} to {@code to} inclusive. */
    static List<MotRow> track(long id, double x, int from, int to) {
        List<MotRow> rows = new ArrayList<>();
        for (int f = from; f <= to; f++) {
            rows.add(box(f, id, x));
        }
        return rows;
    }

    /** Object {@code id} at {@code x} in the listed frames. */
    static List<MotRow> at(long id, double x, int... frames) {
        return Arrays.stream(frames).mapToObj(f -> box(f, id, x)).toList();
    }

    @SafeVarargs
    static List<MotRow> concat(List<MotRow>... parts) {
        List<MotRow> all = new ArrayList<>();
        for (List<MotRow> p : parts) {
            all.addAll(p);
        }
        return all;
    }

    static MotSequence seq(List<MotRow> gt, List<MotRow> pred) {
        return MotSequence.of("S", gt, pred);
    }
}

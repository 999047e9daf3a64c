package io.crossview.eval.mot;

/**
 * Single-camera identity measures (Ristani et al. 2016, "Performance Measures and a Data Set for
 * Multi-Target, Multi-Camera Tracking"): one global matching between the sequence's ground-truth
 * and predicted trajectories, then IDTP, IDFP, IDFN and IDF1 / IDP / IDR. Matches py-motmetrics'
 * {@code id_global_assignment} and TrackEval's Identity metric at IoU 0.5.
 */
public final class Idf1 {
    private Idf1() {
    }

    /** Identity counts of one sequence; pool sequences with {@link IdScores#plus}. */
    public static IdScores evaluate(MotSequence seq) {
        IdentityMatcher matcher = new IdentityMatcher();
        matcher.add(seq);
        return matcher.solve();
    }
}

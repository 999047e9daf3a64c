package io.crossview.eval.mot;

/**
 * Identity measures of Ristani et al. (2016) from their three counts: IDF1, IDP and IDR. A ratio
 * with a zero denominator is NaN, as py-motmetrics' {@code quiet_divide} gives.
 */
public record IdScores(long idtp, long idfp, long idfn) {
    public static final IdScores ZERO = new IdScores(0, 0, 0);

    /** 2·IDTP / (ground-truth boxes + predicted boxes). */
    public double idf1() {
        return 2.0 * idtp / (2 * idtp + idfp + idfn);
    }

    /** IDTP / (IDTP + IDFP). */
    public double idp() {
        return (double) idtp / (idtp + idfp);
    }

    /** IDTP / (IDTP + IDFN). */
    public double idr() {
        return (double) idtp / (idtp + idfn);
    }

    /** Pooled counts: sums, as py-motmetrics and TrackEval combine sequences. */
    public IdScores plus(IdScores o) {
        return new IdScores(idtp + o.idtp, idfp + o.idfp, idfn + o.idfn);
    }
}

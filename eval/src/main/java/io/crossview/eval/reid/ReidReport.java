package io.crossview.eval.reid;

import java.util.Locale;

/**
 * The result of a re-ID evaluation under the Market-1501 protocol: CMC rank-1/5/10 and mAP as
 * fractions in [0, 1], the query and gallery counts behind them, and the model that was measured.
 */
public record ReidReport(double rank1, double rank5, double rank10, double mAP, int queriesEvaluated,
                         int queriesSkipped, int gallerySize, String modelVersion) {
    public ReidReport {
        for (double v : new double[] {rank1, rank5, rank10, mAP}) {
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException("scores are fractions in [0, 1], got " + v);
            }
        }
        if (rank1 > rank5 || rank5 > rank10) {
            throw new IllegalArgumentException("CMC never falls with rank, got " + rank1 + ", " + rank5 + ", " + rank10);
        }
        if (queriesEvaluated < 1 || queriesSkipped < 0 || gallerySize < 1) {
            throw new IllegalArgumentException("need at least one evaluated query and one gallery item, got "
                    + queriesEvaluated + " evaluated, " + queriesSkipped + " skipped, gallery " + gallerySize);
        }
        if (modelVersion == null || modelVersion.isBlank()) {
            throw new IllegalArgumentException("a report names the model version it measured");
        }
    }

    /** The report of a model on its scores. */
    public static ReidReport of(MarketMetrics.Scores scores, int gallerySize, String modelVersion) {
        return new ReidReport(scores.rank(1), scores.rank(5), scores.rank(10), scores.mAP(), scores.evaluated(),
                scores.skipped(), gallerySize, modelVersion);
    }

    /**
     * {@code {"rank1":...,"rank5":...,"rank10":...,"mAP":...}} and nothing more, so scripts can
     * compare runs on exactly these keys; the counts are in {@link #toText()}. Fractions, not percent.
     */
    public String toJson() {
        // Double.toString of a finite double is a valid JSON number (1.0E-4 included)
        return "{\"rank1\":" + rank1 + ",\"rank5\":" + rank5 + ",\"rank10\":" + rank10 + ",\"mAP\":" + mAP + "}";
    }

    /** The human form: percentages, then what they were computed over. */
    public String toText() {
        return String.format(Locale.ROOT, """
                re-ID evaluation, Market-1501 protocol, model %s
                  rank-1   %5.1f%%
                  rank-5   %5.1f%%
                  rank-10  %5.1f%%
                  mAP      %5.1f%%
                  queries  %d evaluated, %d skipped (no true match from another camera)
                  gallery  %d images
                """, modelVersion, 100 * rank1, 100 * rank5, 100 * rank10, 100 * mAP, queriesEvaluated,
                queriesSkipped, gallerySize);
    }
}

package io.crossview.trainer.train;

import java.util.Locale;

/**
 * What one epoch did, for the progress line and the benchmark tables.
 *
 * @param samplerSeconds building the epoch's batches, including embedding the class
 *                       representatives and the class graph for the graph sampler
 * @param labelSeconds   re-clustering (pseudo-labels only; 0 otherwise)
 */
public record EpochReport(int epoch, int epochs, int batches, long batchesSoFar, double loss, double identityLoss,
                          double tripletLoss, double seconds, double samplerSeconds, double labelSeconds,
                          int classes, int pictures, String labelSummary) {
    public String toLine() {
        return String.format(Locale.ROOT,
                "epoch %d/%d  loss %.3f (identity %.3f, triplet %.3f)  %d batches  %.1f s (sampler %.2f s%s)  %s",
                epoch, epochs, loss, identityLoss, tripletLoss, batches, seconds, samplerSeconds,
                labelSeconds > 0 ? String.format(Locale.ROOT, ", clustering %.2f s", labelSeconds) : "", labelSummary);
    }
}

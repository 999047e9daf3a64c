package io.crossview.trainer.sampling;

import java.util.List;

/**
 * The batches of one epoch and what it cost the sampler to build them, for the training log.
 *
 * @param batches    in training order
 * @param buildNanos wall time of the whole {@code epoch(...)} call, graph included
 * @param graphNanos of that, the nearest-class search of the graph sampler; 0 for samplers
 *                   without a graph
 */
public record Epoch(List<Batch> batches, long buildNanos, long graphNanos) {
    public Epoch {
        batches = List.copyOf(batches);
        if (buildNanos < 0 || graphNanos < 0 || graphNanos > buildNanos) {
            throw new IllegalArgumentException(
                    "epoch timings must satisfy 0 <= graph <= build, got graph=" + graphNanos + " build=" + buildNanos);
        }
    }
}

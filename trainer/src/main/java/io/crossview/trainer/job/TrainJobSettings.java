package io.crossview.trainer.job;

import io.crossview.trainer.eval.HeldOutSplit;
import io.crossview.trainer.labels.PseudoLabels;
import io.crossview.trainer.model.NetShape;
import io.crossview.trainer.promotion.Promotion;
import io.crossview.trainer.train.TrainSettings;

/**
 * Everything one training job is told: the model name embedders follow, training, clustering,
 * the held-out split and the promotion margin.
 */
public record TrainJobSettings(String modelName, TrainSettings training, NetShape shape,
                               PseudoLabels.Settings clustering, HeldOutSplit.Rule split, double margin) {
    public static final String DEFAULT_MODEL_NAME = "reid";

    public static TrainJobSettings defaults() {
        return new TrainJobSettings(DEFAULT_MODEL_NAME, TrainSettings.DEFAULTS, NetShape.DEFAULT,
                PseudoLabels.Settings.DEFAULTS, HeldOutSplit.Rule.defaults(), Promotion.DEFAULT_MARGIN);
    }

    public TrainJobSettings {
        if (modelName == null || modelName.isBlank()) {
            throw new IllegalArgumentException("model name must not be blank");
        }
    }

    public TrainJobSettings withTraining(TrainSettings t) {
        return new TrainJobSettings(modelName, t, shape, clustering, split, margin);
    }
}

package io.crossview.matcher.linking;

import io.crossview.common.wire.TrackLink;
import io.crossview.common.wire.TrackObservation;
import io.crossview.common.wire.TrackletUpdate;
import io.crossview.matcher.calibration.Calibrations;
import io.crossview.matcher.tracking.Boxes;
import io.crossview.matcher.tracking.Vectors;
import java.util.List;

/**
 * The supervision the stream gives for free, counted for the model's calibration: a track's
 * evidence against its own evidence some observations earlier (the same person), and the
 * tracks one camera shows in one frame against each other (different people).
 */
final class CalibrationPairs {
    /** Observations between a track's same-person pairs: close ones are near copies. */
    static final int ANCHOR_EVERY = 10;
    /** Frames of a camera between two counts of its co-occurring tracks. */
    static final int CO_OCCURRING_EVERY = 5;

    private final Calibrations calibrations;

    CalibrationPairs(Calibrations calibrations) {
        this.calibrations = calibrations;
    }

    /** Counts the track's same-person pair when one is due, and moves its anchor. */
    TrackLink sameTrack(TrackLink link) {
        if (link.getEvidence().getValuesCount() == 0
                || link.getObservations() - link.getAnchorObservations() < ANCHOR_EVERY) {
            return link;
        }
        if (link.getAnchor().getValuesCount() == link.getEvidence().getValuesCount()) {
            calibrations.sameTrack(link.getModelVersion(), Vectors.cosine(link.getAnchor(), link.getEvidence()));
        }
        return link.toBuilder().setAnchor(link.getEvidence()).setAnchorObservations(link.getObservations()).build();
    }

    void coOccurring(TrackletUpdate update) {
        if (update.getFrame().getSeq() % CO_OCCURRING_EVERY != 0) {
            return;
        }
        List<TrackObservation> tracks = update.getTracksList();
        for (int i = 0; i < tracks.size(); i++) {
            for (int j = i + 1; j < tracks.size(); j++) {
                if (!Boxes.apart(tracks.get(i).getBox(), tracks.get(j).getBox())) {
                    continue;
                }
                if (tracks.get(i).getEmbedding().getValuesCount() > 0
                        && tracks.get(i).getEmbedding().getValuesCount() == tracks.get(j).getEmbedding().getValuesCount()) {
                    calibrations.coOccurring(update.getModelVersion(),
                            Vectors.cosine(tracks.get(i).getEmbedding(), tracks.get(j).getEmbedding()));
                }
            }
        }
    }
}

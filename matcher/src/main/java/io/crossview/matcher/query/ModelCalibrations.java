package io.crossview.matcher.query;

import io.crossview.common.wire.SimilarityCounts;
import io.crossview.matcher.calibration.Calibration;
import io.crossview.matcher.calibration.CalibrationFit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every model version's calibration as the linker fits it: its pair counts (summed over the
 * linker tasks of all instances), where its curves come from and the curves themselves.
 */
public record ModelCalibrations(List<Model> models) {
    public ModelCalibrations {
        models = List.copyOf(models);
    }

    /** One model; {@code curve} rows are [similarity, P same track, P between tracks]. */
    public record Model(String modelVersion, String source, long sameTrackPairs, long coOccurringPairs,
                        long candidatePairs, double sameTrackMidpoint, double sameTrackSlope, double betweenMidpoint,
                        double betweenSlope, List<double[]> curve, List<Long> sameTrack, List<Long> coOccurring,
                        List<Long> candidates) {
    }

    static ModelCalibrations of(List<SimilarityCounts> counts) {
        Map<String, SimilarityCounts.Builder> byModel = new TreeMap<>();
        for (SimilarityCounts c : counts) {
            SimilarityCounts.Builder sum = byModel.get(c.getModelVersion());
            if (sum == null) {
                byModel.put(c.getModelVersion(), c.toBuilder());
                continue;
            }
            for (int b = 0; b < Math.min(sum.getSameTrackCount(), c.getSameTrackCount()); b++) {
                sum.setSameTrack(b, sum.getSameTrack(b) + c.getSameTrack(b));
                sum.setCoOccurring(b, sum.getCoOccurring(b) + c.getCoOccurring(b));
                sum.setCandidates(b, sum.getCandidates(b) + c.getCandidates(b));
            }
        }
        List<Model> models = new ArrayList<>();
        byModel.forEach((model, sum) -> {
            Calibration fit = CalibrationFit.fit(sum.build(), Calibration.defaults());
            models.add(new Model(model, fit.source(), fit.sameTrackPairs(), fit.coOccurringPairs(), fit.candidatePairs(),
                    fit.sameTrack().midpoint(), fit.sameTrack().slope(), fit.between().midpoint(),
                    fit.between().slope(), fit.curve(), sum.getSameTrackList(), sum.getCoOccurringList(),
                    sum.getCandidatesList()));
        });
        return new ModelCalibrations(models);
    }

    /** Back to counts, so the parts instances answer with can be summed and refitted. */
    List<SimilarityCounts> counts() {
        List<SimilarityCounts> out = new ArrayList<>();
        for (Model m : models) {
            out.add(SimilarityCounts.newBuilder().setModelVersion(m.modelVersion()).addAllSameTrack(m.sameTrack())
                    .addAllCoOccurring(m.coOccurring()).addAllCandidates(m.candidates()).build());
        }
        return out;
    }
}

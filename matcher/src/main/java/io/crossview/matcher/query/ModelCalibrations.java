package io.crossview.matcher.query;

import io.crossview.common.wire.ModelCalibration;
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

    /**
     * One model; {@code curve} rows are [similarity, P same track, P between tracks];
     * {@code prior} is the calibration the model's metadata carries, null when it has none.
     */
    public record Model(String modelVersion, String source, long sameTrackPairs, long coOccurringPairs,
                        long candidatePairs, double sameTrackMidpoint, double sameTrackSlope, double betweenMidpoint,
                        double betweenSlope, List<double[]> curve, List<Long> sameTrack, List<Long> coOccurring,
                        List<Long> candidates, Prior prior) {
    }

    /** A model's own curves (logistic slope and intercept of each) and the held-out pairs behind them. */
    public record Prior(double sameTrackSlope, double sameTrackIntercept, double betweenSlope,
                        double betweenIntercept, long positivePairs, long negativePairs) {
        static Prior of(SimilarityCounts counts) {
            if (!counts.hasPrior()) {
                return null;
            }
            ModelCalibration p = counts.getPrior();
            return new Prior(p.getSameTrackSlope(), p.getSameTrackIntercept(), p.getBetweenSlope(),
                    p.getBetweenIntercept(), p.getPositivePairs(), p.getNegativePairs());
        }

        ModelCalibration toWire() {
            return ModelCalibration.newBuilder().setSameTrackSlope(sameTrackSlope)
                    .setSameTrackIntercept(sameTrackIntercept).setBetweenSlope(betweenSlope)
                    .setBetweenIntercept(betweenIntercept).setPositivePairs(positivePairs)
                    .setNegativePairs(negativePairs).build();
        }
    }

    static ModelCalibrations of(List<SimilarityCounts> counts) {
        Map<String, SimilarityCounts.Builder> byModel = new TreeMap<>();
        for (SimilarityCounts c : counts) {
            SimilarityCounts.Builder sum = byModel.get(c.getModelVersion());
            if (sum == null) {
                byModel.put(c.getModelVersion(), c.toBuilder());
                continue;
            }
            if (!sum.hasPrior() && c.hasPrior()) {
                sum.setPrior(c.getPrior());
            }
            for (int b = 0; b < Math.min(sum.getSameTrackCount(), c.getSameTrackCount()); b++) {
                sum.setSameTrack(b, sum.getSameTrack(b) + c.getSameTrack(b));
                sum.setCoOccurring(b, sum.getCoOccurring(b) + c.getCoOccurring(b));
                sum.setCandidates(b, sum.getCandidates(b) + c.getCandidates(b));
            }
        }
        List<Model> models = new ArrayList<>();
        byModel.forEach((model, sum) -> {
            SimilarityCounts summed = sum.build();
            Calibration fit = CalibrationFit.fit(summed);
            models.add(new Model(model, fit.source(), fit.sameTrackPairs(), fit.coOccurringPairs(), fit.candidatePairs(),
                    fit.sameTrack().midpoint(), fit.sameTrack().slope(), fit.between().midpoint(),
                    fit.between().slope(), fit.curve(), summed.getSameTrackList(), summed.getCoOccurringList(),
                    summed.getCandidatesList(), Prior.of(summed)));
        });
        return new ModelCalibrations(models);
    }

    /** Back to counts, so the parts instances answer with can be summed and refitted. */
    List<SimilarityCounts> counts() {
        List<SimilarityCounts> out = new ArrayList<>();
        for (Model m : models) {
            SimilarityCounts.Builder counts = SimilarityCounts.newBuilder().setModelVersion(m.modelVersion())
                    .addAllSameTrack(m.sameTrack()).addAllCoOccurring(m.coOccurring()).addAllCandidates(m.candidates());
            if (m.prior() != null) {
                counts.setPrior(m.prior().toWire());
            }
            out.add(counts.build());
        }
        return out;
    }
}

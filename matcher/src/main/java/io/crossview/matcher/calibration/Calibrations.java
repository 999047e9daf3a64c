package io.crossview.matcher.calibration;

import io.crossview.common.calibration.SimilarityBins;
import io.crossview.common.wire.ModelCalibration;
import io.crossview.common.wire.SimilarityCounts;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The calibration of every model version the linker sees: pair counts kept in a state store
 * (so a restarted or moved task goes on from them), the fitted curves cached and refitted as
 * the counts grow by a tenth. Until a model has shown enough pairs its prior applies: the
 * calibration its metadata carries where there is one, else the defaults.
 */
public final class Calibrations {
    public static final String STORE = "similarity-calibration";

    private final KeyValueStore<String, SimilarityCounts> store;
    private final Map<String, SimilarityCounts.Builder> dirty = new HashMap<>();
    private final Map<String, Fitted> fitted = new HashMap<>();
    /** The prior last seen per model, so a message carrying the same one again costs no store read. */
    private final Map<String, ModelCalibration> priors = new HashMap<>();

    private record Fitted(Calibration calibration, long pairsAtFit) {
    }

    public Calibrations(KeyValueStore<String, SimilarityCounts> store) {
        this.store = store;
    }

    /**
     * The calibration a model's metadata carries, used until the stream's own fit takes over.
     * Kept with the counts, so the query API and a restarted task see the same prior.
     */
    public void prior(String modelVersion, ModelCalibration calibration) {
        if (calibration == null || calibration.equals(priors.get(modelVersion))) {
            return;
        }
        priors.put(modelVersion, calibration);
        SimilarityCounts.Builder counts = counts(modelVersion);
        if (!counts.hasPrior() || !counts.getPrior().equals(calibration)) {
            dirty.put(modelVersion, counts.setPrior(calibration));
            fitted.remove(modelVersion);
        }
    }

    public Calibration of(String modelVersion) {
        SimilarityCounts.Builder counts = counts(modelVersion);
        long pairs = pairs(counts);
        Fitted known = fitted.get(modelVersion);
        if (known == null || pairs > known.pairsAtFit() * 1.1 + 10) {
            known = new Fitted(CalibrationFit.fit(counts.build()), pairs);
            fitted.put(modelVersion, known);
        }
        return known.calibration();
    }

    public void sameTrack(String modelVersion, double similarity) {
        add(counts(modelVersion), 0, similarity);
    }

    public void coOccurring(String modelVersion, double similarity) {
        add(counts(modelVersion), 1, similarity);
    }

    public void candidate(String modelVersion, double similarity) {
        add(counts(modelVersion), 2, similarity);
    }

    /** Writes what changed since the last flush; called once per processed record. */
    public void flush() {
        for (Map.Entry<String, SimilarityCounts.Builder> e : dirty.entrySet()) {
            store.put(e.getKey(), e.getValue().build());
        }
        dirty.clear();
    }

    private SimilarityCounts.Builder counts(String modelVersion) {
        SimilarityCounts.Builder open = dirty.get(modelVersion);
        if (open != null) {
            return open;
        }
        SimilarityCounts stored = store.get(modelVersion);
        return stored != null ? stored.toBuilder() : empty(modelVersion);
    }

    private void add(SimilarityCounts.Builder counts, int kind, double similarity) {
        int bin = SimilarityBins.of(similarity);
        switch (kind) {
            case 0 -> counts.setSameTrack(bin, counts.getSameTrack(bin) + 1);
            case 1 -> counts.setCoOccurring(bin, counts.getCoOccurring(bin) + 1);
            default -> counts.setCandidates(bin, counts.getCandidates(bin) + 1);
        }
        dirty.put(counts.getModelVersion(), counts);
    }

    private static SimilarityCounts.Builder empty(String modelVersion) {
        SimilarityCounts.Builder counts = SimilarityCounts.newBuilder().setModelVersion(modelVersion);
        for (int b = 0; b < SimilarityBins.BINS; b++) {
            counts.addSameTrack(0).addCoOccurring(0).addCandidates(0);
        }
        return counts;
    }

    private static long pairs(SimilarityCounts.Builder counts) {
        long n = 0;
        for (int b = 0; b < counts.getSameTrackCount(); b++) {
            n += counts.getSameTrack(b) + counts.getCoOccurring(b) + counts.getCandidates(b);
        }
        return n;
    }
}

package io.crossview.matcher.linking;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The similarity under which two tracks of the window are as alike as known strangers: pairs
 * of tracks seen at once on one camera are different people for certain, so a high quantile
 * of their similarities, per model, is where looking alike starts to mean something.
 */
final class StrangerGate {
    /** Fewer stranger pairs than this and no gate is set: the quantile would be noise. */
    static final int MIN_PAIRS = 20;

    private StrangerGate() {
    }

    /** Per model version, the {@code quantile} of its stranger pairs' cosines; models with too few pairs are absent. */
    static Map<String, Double> of(List<Tracklet> tracklets, double quantile) {
        Map<String, List<Double>> byModel = new HashMap<>();
        for (int i = 0; i < tracklets.size(); i++) {
            for (int j = i + 1; j < tracklets.size(); j++) {
                Tracklet a = tracklets.get(i);
                Tracklet b = tracklets.get(j);
                if (a.camera().equals(b.camera()) && a.model().equals(b.model()) && a.overlapsInTime(b)) {
                    byModel.computeIfAbsent(a.model(), m -> new ArrayList<>()).add(a.cosine(b));
                }
            }
        }
        Map<String, Double> gates = new HashMap<>();
        byModel.forEach((model, sims) -> {
            if (sims.size() >= MIN_PAIRS) {
                Collections.sort(sims);
                gates.put(model, sims.get((int) Math.min(sims.size() - 1, Math.floor(quantile * sims.size()))));
            }
        });
        return gates;
    }
}

package io.crossview.deploy.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crossview.matcher.calibration.Calibration;

/** A model's fitted calibration in a bench report: where it came from, its pairs, both curves. */
final class CalibrationReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CalibrationReport() {
    }

    static ObjectNode of(Calibration c) {
        ObjectNode node = JSON.createObjectNode();
        node.put("source", c.source()).put("same_track_pairs", c.sameTrackPairs())
                .put("co_occurring_pairs", c.coOccurringPairs()).put("candidate_pairs", c.candidatePairs());
        if (!Double.isNaN(c.candidatePositiveShare())) {
            node.put("candidate_same_person_share", BenchAccuracy.round(c.candidatePositiveShare()));
        }
        node.putObject("same_track").put("slope", BenchAccuracy.round(c.sameTrack().slope()))
                .put("midpoint", BenchAccuracy.round(c.sameTrack().midpoint()));
        node.putObject("between").put("slope", BenchAccuracy.round(c.between().slope()))
                .put("midpoint", BenchAccuracy.round(c.between().midpoint()));
        ArrayNode curve = node.putArray("curve");
        for (double[] p : c.curve()) {
            if (p[0] >= 0) {
                curve.addArray().add(p[0]).add(BenchAccuracy.round(p[1])).add(BenchAccuracy.round(p[2]));
            }
        }
        return node;
    }
}

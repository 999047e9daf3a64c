package io.crossview.matcher.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.crossview.common.calibration.SimilarityBins;
import io.crossview.common.wire.ModelCalibration;
import io.crossview.common.wire.SimilarityCounts;
import io.crossview.matcher.calibration.Calibration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelCalibrationsTest {
    private static final ModelCalibration OWN = ModelCalibration.newBuilder()
            .setSameTrackSlope(40).setSameTrackIntercept(-28).setBetweenSlope(30).setBetweenIntercept(-18)
            .setPositivePairs(120).setNegativePairs(900).build();

    private static SimilarityCounts.Builder few(String model) {
        SimilarityCounts.Builder counts = SimilarityCounts.newBuilder().setModelVersion(model);
        for (int b = 0; b < SimilarityBins.BINS; b++) {
            counts.addSameTrack(b == 190 ? 5 : 0).addCoOccurring(0).addCandidates(0);
        }
        return counts;
    }

    @Test
    void aModelsOwnCalibrationIsReportedAsItsSourceAndSurvivesSummingAcrossInstances() throws Exception {
        // one instance has seen the model's calibration, the other only counted pairs
        ModelCalibrations parts = ModelCalibrations.of(List.of(few("m@1").build(), few("m@1").setPrior(OWN).build(),
                few("plain@2").build()));
        ModelCalibrations.Model m = parts.models().get(0);
        assertEquals(Calibration.METADATA, m.source());
        assertEquals(0.6, m.betweenMidpoint(), 1e-9);
        assertEquals(120, m.prior().positivePairs());
        assertEquals(10, m.sameTrack().get(190));
        assertEquals(Calibration.DEFAULTS, parts.models().get(1).source());
        assertNull(parts.models().get(1).prior());

        // as a peer answers it: JSON, back to counts, summed again
        String json = QueryJson.MAPPER.writeValueAsString(parts);
        ModelCalibrations again = ModelCalibrations.of(
                QueryJson.MAPPER.readValue(json, ModelCalibrations.class).counts());
        assertEquals(OWN, again.counts().get(0).getPrior());
        assertEquals(Calibration.METADATA, again.models().get(0).source());
    }
}

package io.crossview.eval.reid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReidReportTest {
    private static final ReidReport REPORT = new ReidReport(0.875, 0.95, 1.0, 0.7123, 40, 2, 200, "builtin-appearance@0123456789ab");

    @Test
    void jsonHasExactlyTheFourScoreKeys() throws Exception {
        JsonNode json = new ObjectMapper().readTree(REPORT.toJson());
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("rank1", "rank5", "rank10", "mAP"), keys);
        assertEquals(0.875, json.get("rank1").asDouble());
        assertEquals(0.95, json.get("rank5").asDouble());
        assertEquals(1.0, json.get("rank10").asDouble());
        assertEquals(0.7123, json.get("mAP").asDouble());
    }

    @Test
    void tinyScoresStayValidJson() throws Exception {
        ReidReport r = new ReidReport(1e-4, 1e-4, 1e-4, 1e-5, 1, 0, 1, "m@0");
        assertEquals(1e-5, new ObjectMapper().readTree(r.toJson()).get("mAP").asDouble());
    }

    @Test
    void textShowsPercentagesAndCounts() {
        String text = REPORT.toText();
        assertTrue(text.contains("builtin-appearance@0123456789ab"), text);
        assertTrue(text.contains("rank-1    87.5%"), text);
        assertTrue(text.contains("mAP       71.2%"), text);
        assertTrue(text.contains("40 evaluated, 2 skipped"), text);
        assertTrue(text.contains("gallery  200 images"), text);
    }

    @Test
    void fromScores() {
        MarketMetrics.Scores s = MarketMetrics.compute(new float[][] {{0.1f, 0.2f}}, new int[] {1}, new int[] {1},
                new int[] {2, 1}, new int[] {2, 2});
        ReidReport r = ReidReport.of(s, 2, "m@1");
        assertEquals(new ReidReport(0, 1, 1, 0.5, 1, 0, 2, "m@1"), r);
    }

    @Test
    void rejectsImpossibleReports() {
        assertThrows(IllegalArgumentException.class, () -> new ReidReport(1.2, 1, 1, 1, 1, 0, 1, "m"));
        assertThrows(IllegalArgumentException.class, () -> new ReidReport(Double.NaN, 1, 1, 1, 1, 0, 1, "m"));
        assertThrows(IllegalArgumentException.class, () -> new ReidReport(0.9, 0.8, 1, 1, 1, 0, 1, "m"));
        assertThrows(IllegalArgumentException.class, () -> new ReidReport(0.5, 0.5, 0.5, 0.5, 0, 0, 1, "m"));
        assertThrows(IllegalArgumentException.class, () -> new ReidReport(0.5, 0.5, 0.5, 0.5, 1, 0, 1, " "));
    }
}

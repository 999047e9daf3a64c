package io.crossview.eval.mot;

import static io.crossview.eval.mot.Rows.concat;
import static io.crossview.eval.mot.Rows.track;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MotEvaluatorTest {
    @TempDir
    Path dir;

    private void writeGt(String seq, List<MotRow> rows) throws IOException {
        Path gt = dir.resolve("gt").resolve(seq).resolve("gt");
        Files.createDirectories(gt);
        MotFile.write(gt.resolve("gt.txt"), rows);
    }

    private void writePred(String seq, List<MotRow> rows) throws IOException {
        Files.createDirectories(dir.resolve("pred"));
        MotFile.write(dir.resolve("pred").resolve(seq + ".txt"), rows);
    }

    @Test
    void evaluatesDirectoryLayoutPerSequenceAndCombined() throws IOException {
        writeGt("SEQ-A", track(1, 0, 1, 10));
        writePred("SEQ-A", track(7, 0, 1, 10));
        writeGt("SEQ-B", track(1, 0, 1, 2));
        // SEQ-B has no prediction file: evaluated as empty. A stray file without gt is ignored.
        writePred("SEQ-Z", track(1, 0, 1, 5));

        MotReport report = MotEvaluator.evaluateDirectories(dir.resolve("gt"), dir.resolve("pred"));
        Map<String, Map<String, Number>> table = report.table();
        assertEquals(List.of("SEQ-A", "SEQ-B", "COMBINED"), new ArrayList<>(table.keySet()));
        assertEquals(1.0, table.get("SEQ-A").get("MOTA"));
        assertEquals(1.0, table.get("SEQ-A").get("HOTA"));
        assertEquals(0.0, table.get("SEQ-B").get("MOTA"));
        assertEquals(2L, table.get("SEQ-B").get("FN"));
        // Pooled counts: MOTA = 1 - 2 / 12 and IDF1 = 2·10 / (12 + 10), not means of the rows.
        assertEquals(1 - 2.0 / 12, table.get("COMBINED").get("MOTA").doubleValue(), 1e-12);
        assertEquals(20.0 / 22, table.get("COMBINED").get("IDF1").doubleValue(), 1e-12);
        assertEquals(1L, table.get("COMBINED").get("MT"));
        assertEquals(1L, table.get("COMBINED").get("ML"));
    }

    @Test
    void groundTruthRowsWithFlagZeroAreNotEvaluated() throws IOException {
        List<MotRow> gt = new ArrayList<>(track(1, 0, 1, 4));
        gt.add(new MotRow(1, 2, 200, 0, 10, 10, 0, 7, 1));
        writeGt("S", gt);
        writePred("S", track(5, 0, 1, 4));
        Map<String, Number> row = MotEvaluator.evaluateDirectories(dir.resolve("gt"), dir.resolve("pred")).table().get("S");
        assertEquals(0L, row.get("FN"));
        assertEquals(1.0, row.get("MOTA"));
    }

    @Test
    void jsonHasExactlyTheDocumentedKeys() throws IOException {
        MotReport report = MotEvaluator.evaluate(
                Map.of("S1", concat(track(1, 0, 1, 10)), "S2", List.of()),
                Map.of("S1", concat(track(7, 0, 1, 5), track(8, 0, 6, 10)), "S2", track(3, 0, 1, 2)));
        JsonNode json = new ObjectMapper().readTree(report.toJson());
        assertEquals(List.of("S1", "S2", "COMBINED"), fieldNames(json));
        for (JsonNode row : json) {
            assertEquals(MotReport.KEYS, fieldNames(row));
        }
        assertEquals(0.9, json.get("S1").get("MOTA").asDouble(), 1e-12);
        assertEquals(1, json.get("S1").get("IDSW").asInt());
        assertTrue(json.get("S1").get("FP").isIntegralNumber());
        assertEquals(0.5, json.get("S1").get("IDF1").asDouble(), 1e-12);
        // S2 has no ground truth: MOTA divides by zero objects and is written as null.
        assertTrue(json.get("S2").get("MOTA").isNull());
    }

    @Test
    void missingDirectoriesAreReported() {
        assertThrows(IOException.class, () -> MotEvaluator.evaluateDirectories(dir.resolve("nope"), dir));
        assertThrows(IOException.class, () -> MotEvaluator.evaluateDirectories(dir, dir), "no SEQ/gt/gt.txt");
    }

    @Test
    void sequenceNamedCombinedIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> MotEvaluator.evaluate(Map.of("COMBINED", track(1, 0, 1, 2)), Map.of()));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

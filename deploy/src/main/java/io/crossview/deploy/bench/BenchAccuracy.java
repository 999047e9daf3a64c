package io.crossview.deploy.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crossview.eval.mot.IdScores;
import io.crossview.eval.mot.MotEvaluator;
import io.crossview.eval.mot.MotReport;
import io.crossview.eval.mot.MtmcIdf1;
import java.nio.file.Path;
import java.util.List;

/** The accuracy block of a bench report: per-camera IDF1, HOTA, MOTA, ID switches, and MTMC IDF1. */
final class BenchAccuracy {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchAccuracy() {
    }

    static ObjectNode of(Path gt, Path pred) throws Exception {
        MotReport report = MotEvaluator.evaluateDirectories(gt, pred);
        ObjectNode accuracy = JSON.createObjectNode();
        ObjectNode perCamera = accuracy.putObject("per_camera");
        report.table().forEach((camera, metrics) -> {
            ObjectNode row = perCamera.putObject(camera);
            for (String key : List.of("IDF1", "HOTA", "MOTA", "IDSW")) {
                Number value = metrics.get(key);
                if (value instanceof Double d) {
                    row.put(key, round(d));
                } else {
                    row.put(key, value.longValue());
                }
            }
        });
        IdScores mtmc = MtmcIdf1.evaluateDirectories(gt, pred);
        accuracy.put("mtmc_idf1", round(mtmc.idf1()));
        // perfect per-camera tracks never linked across cameras: what linking must beat
        accuracy.put("no_linking_floor_mtmc_idf1", round(io.crossview.eval.mot.NoLinkingFloor.evaluateDirectory(gt,
                io.crossview.eval.mot.NoLinkingFloor.DEFAULT_GAP_SECONDS).idf1()));
        return accuracy;
    }

    static double round(double value) {
        return Math.round(value * 10000) / 10000.0;
    }
}

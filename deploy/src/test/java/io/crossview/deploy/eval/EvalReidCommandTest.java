package io.crossview.deploy.eval;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.deploy.cli.CrossviewCli;
import io.crossview.eval.reid.MarketWriter;
import io.crossview.embedder.model.AppearanceModel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalReidCommandTest {
    @Test
    void againstMeasuresBothModelsOnTheSameDataAndPrintsTheGap(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("market");
        List<MarketWriter.Crop> crops = new ArrayList<>();
        Random random = new Random(1);
        for (int id = 1; id <= 6; id++) {
            for (int camera = 1; camera <= 2; camera++) {
                for (int frame = 0; frame < 3; frame++) {
                    Scalar colour = new Scalar(40 * id % 256, 255 - 30 * id, random.nextInt(40) + 100 * (id % 2), 0);
                    crops.add(new MarketWriter.Crop(id, camera, frame, new Mat(96, 40, CV_8UC3, colour)));
                }
            }
        }
        new MarketWriter(1, 1).write(data, crops);
        Path renamed = Files.write(dir.resolve("twin.onnx"), AppearanceModel.build("twin"));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int code;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            code = CrossviewCli.run("eval", "reid", "--model", renamed.toString(),
                    "--against-builtin", "--data", data.toString());
        } finally {
            System.setOut(original);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, printed);
        assertTrue(printed.contains("model twin@"), printed);
        assertTrue(printed.contains("model builtin-appearance@"), printed);
        // the same descriptor under two names: both measured, no gap
        assertTrue(printed.contains("gap: mAP +0.0 points, rank-1 +0.0 points (twin@"), printed);
    }
}

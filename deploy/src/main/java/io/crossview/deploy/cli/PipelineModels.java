package io.crossview.deploy.cli;

import io.crossview.deploy.run.DetectionMode;
import io.crossview.detector.oracle.OracleSettings;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The two model choices every command that runs the whole pipeline takes, spelled the same
 * everywhere: the person detector and the re-ID model. Older spellings stay as aliases
 * ({@code --detection}, and {@code --model} for the re-ID model).
 */
public final class PipelineModels {
    @Option(names = {"--detector", "--detection"}, paramLabel = "DETECTOR",
            description = "Person detector: " + DetectionMode.CHOICES + " (a YOLO-family or NanoDet export; "
                    + "oracle reads the ground truth of synthetic sources and is labelled as such)")
    String detector;

    @Option(names = {"--reid-model", "--model"}, paramLabel = "M.onnx",
            description = "Re-ID ONNX model for the embedder (default: the built-in appearance model)")
    Path reidModel;

    @Option(names = "--detect-every", paramLabel = "N",
            description = "Run the detector on every Nth frame of a camera only; the tracker carries people over the "
                    + "others by their motion (default 1: every frame; bench: 3 for a real detector)")
    Integer detectEvery;

    @Option(names = "--detector-score", paramLabel = "S",
            description = "Score from which an ONNX detector's box is a person, cropped and embedded (default: 0.4 for "
                    + "NanoDet, 0.3 for others); weaker boxes down to 0.1 go without crops, only to continue tracks")
    Double detectorScore;

    /** The detector named, or {@code fallback} when none was, on every frame unless told otherwise. */
    public DetectionMode detection(String fallback, OracleSettings oracle) {
        return detection(fallback, oracle, 1);
    }

    /**
     * The detector named, or {@code fallback}; a real detector runs on every {@code defaultEvery}th
     * frame unless {@code --detect-every} says otherwise (the oracle always sees every frame).
     */
    public DetectionMode detection(String fallback, OracleSettings oracle, int defaultEvery) {
        DetectionMode mode = DetectionMode.parse(detector == null ? fallback : detector, oracle);
        int every = detectEvery != null ? detectEvery : mode.isOracle() ? 1 : defaultEvery;
        return (detectorScore == null ? mode : mode.scoring(detectorScore)).detectingEvery(every);
    }

    public Path reidModel() {
        return reidModel;
    }
}

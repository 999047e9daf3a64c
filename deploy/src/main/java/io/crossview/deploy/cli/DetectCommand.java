package io.crossview.deploy.cli;

import io.crossview.deploy.stages.Stages;
import io.crossview.detector.DetectorConfig;
import io.crossview.detector.DetectorConfigFile;
import io.crossview.detector.ImageCheck;
import io.crossview.detector.hog.HogSettings;
import io.crossview.detector.yolo.YoloLayout;
import io.crossview.detector.yolo.YoloSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crossview detect}: finds people in `frames` and publishes `detections`; with
 * {@code --image}, prints the people of one picture instead, for checking a model.
 */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = {"Run the person detector stage (the built-in NanoDet, OpenCV HOG, or an ONNX YOLOX/YOLOv5/YOLOv8/YOLO11 "
                + "or NanoDet model).",
            "With --image, print the boxes of one picture: 'person 0.87 x=120 y=44 w=38 h=102'."})
public final class DetectCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Mixin
    ManagementOptions management;

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "Detector YAML file (keys as in detector/README.md)")
    Path config;

    @Option(names = "--image", paramLabel = "FILE", description = "Detect people in this picture, print them and exit")
    Path image;

    @Option(names = "--out", paramLabel = "FILE", description = "With --image: write the picture with its boxes drawn")
    Path out;

    @Option(names = {"--detector", "--model"}, paramLabel = "DETECTOR",
            description = "nanodet (default: the built-in NanoDet, fetched and converted on first use), hog, or a "
                    + "YOLO-family or NanoDet PATH.onnx")
    String detector;

    @Option(names = "--layout", paramLabel = "LAYOUT", description = "auto (default), yolox, yolov5, yolov8 (also YOLO11) or nanodet")
    String layout;

    @Option(names = "--fit", paramLabel = "FIT", description = "auto (default: letterbox for YOLO, stretch for NanoDet), letterbox or stretch")
    String fit;

    @Option(names = "--score", description = "Minimum score: objectness x class for ONNX (default 0.3), the SVM weight for HOG")
    Double score;

    @Option(names = "--track-score", paramLabel = "S", description = "ONNX detectors: also keep boxes from this "
            + "score up to --score, without crops, for the tracker to continue its tracks with (default 0.1; "
            + "equal to --score: none)")
    Double trackScore;

    @Option(names = "--nms", paramLabel = "IOU", description = "NMS IoU threshold of ONNX models (default 0.45)")
    Double nmsIou;

    @Option(names = "--classes", split = ",", paramLabel = "ID", description = "Class ids kept (default: 0, person)")
    List<Integer> classes;

    @Option(names = "--min-box", paramLabel = "PX", description = "Smallest box side kept, picture px (default 8)")
    Integer minBox;

    @Option(names = "--input-size", paramLabel = "WxH", description = "Input size of a model without a static one (default: its imgsz metadata, else 640x640)")
    String inputSize;

    @Option(names = "--batch", description = "Frames per inference when the model has a free batch dimension (default 0: 8 on CUDA, 1 on CPU)")
    Integer batch;

    @Option(names = "--batch-wait-ms", paramLabel = "MS", description = "Longest wait to fill a batch (default 5)")
    Long batchWaitMs;

    @Option(names = "--threads", description = "ONNX Runtime intra-op threads (default 1)")
    Integer threads;

    @Option(names = "--detect-every", paramLabel = "N", description = "Run the detector on every Nth frame of a camera only; the tracker carries people over the others (default 1)")
    Integer detectEvery;

    @Option(names = "--cpu", description = "Do not try the CUDA execution provider")
    boolean cpu;

    @Override
    public Integer call() throws Exception {
        DetectorConfig detector = detectorConfig();
        if (image == null) {
            if (out != null) {
                throw new IllegalArgumentException("--out needs --image");
            }
            return StageCommand.runUntilSignal("detect", management, ManagementOptions.DETECT,
                () -> Stages.detector(kafka.connection(), kafka.ensureTopics(), detector));
        }
        PrintWriter stdout = spec.commandLine().getOut();
        ImageCheck.run(detector, image, out).forEach(stdout::println);
        stdout.flush();
        return 0;
    }

    /** The config file (or the defaults) with the options given on the command line on top. */
    private DetectorConfig detectorConfig() throws Exception {
        DetectorConfig base = config == null ? DetectorConfig.defaults() : DetectorConfigFile.load(config);
        if (detectEvery != null) {
            base = base.withDetectEvery(detectEvery);
        }
        YoloSettings y = detector == null ? base.yolo() : switch (detector.trim()) {
            case DetectorConfigFile.HOG -> null;
            case DetectorConfigFile.NANODET -> DetectorConfig.defaults().yolo();
            default -> base.yolo() == null || base.yolo().builtin() ? DetectorConfig.onnx(Path.of(detector)).yolo()
                    : base.yolo().withModel(Path.of(detector));
        };
        if (y == null) {
            if (layout != null || fit != null || nmsIou != null || classes != null || minBox != null
                    || inputSize != null || batch != null || batchWaitMs != null || threads != null || trackScore != null) {
                throw new IllegalArgumentException("--layout, --fit, --nms, --classes, --min-box, --input-size, "
                        + "--batch, --batch-wait-ms, --threads and --track-score set up an ONNX detector, not HOG");
            }
            base = base.withYolo(null);
            if (score != null) {
                HogSettings h = base.hog();
                base = new DetectorConfig(base.modelId(), new HogSettings(h.upscale(), score, h.winStride(),
                        h.scaleStep(), h.padding(), h.minBoxHeight(), h.maxBoxHeight(), h.nmsIou()),
                        base.cropPadding(), base.cropJpegQuality()).withDetectEvery(base.detectEvery());
            }
            return base;
        }
        if (layout != null) {
            y = y.withLayout(YoloLayout.parse(layout));
        }
        if (fit != null) {
            y = y.withFit(YoloSettings.Fit.parse(fit));
        }
        if (inputSize != null) {
            int[] size = DetectorConfigFile.parseSize(inputSize);
            y = y.withInputSize(size[0], size[1]);
        }
        y = y.withThresholds(score == null ? y.scoreThreshold() : score, nmsIou == null ? y.nmsIou() : nmsIou);
        if (trackScore != null) {
            y = y.withTrackScore(trackScore);
        }
        y = y.withClasses(classes == null ? y.classes() : classes, minBox == null ? y.minBoxSize() : minBox)
                .withBatching(batch == null ? y.batchSize() : batch, batchWaitMs == null ? y.batchWaitMs() : batchWaitMs)
                .withRuntime(threads == null ? y.intraOpThreads() : threads, y.cuda() && !cpu);
        return base.withYolo(y);
    }
}

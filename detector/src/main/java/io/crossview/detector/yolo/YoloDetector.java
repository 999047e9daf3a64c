package io.crossview.detector.yolo;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import io.crossview.common.onnx.OrtEnvironments;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.crossview.common.model.ModelVersion;
import io.crossview.common.wire.Frame;
import io.crossview.detector.PersonBox;
import io.crossview.detector.PersonDetector;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A one-stage person detector on ONNX Runtime: YOLO-family exports (YOLOX, YOLOv5, YOLOv8/11) and
 * NanoDet (GFL head), told apart by their output shapes. Owns its
 * session; runs several pictures in one inference when the model has a batch dimension.
 * Not safe for concurrent use.
 */
public final class YoloDetector implements PersonDetector {
    private static final Logger LOG = LoggerFactory.getLogger(YoloDetector.class);
    private static final AtomicBoolean SAID_NO_CUDA = new AtomicBoolean();

    private final OrtEnvironment env;
    private final OrtSession session;
    private final YoloModel model;
    private final YoloSettings settings;
    private final YoloLayout layout;
    private final BoxDecoder decoder;
    private final List<String> outputs;
    private final YoloSettings.Fit fit;
    private final String modelId;
    private final String device;

    private YoloDetector(OrtEnvironment env, OrtSession session, YoloModel model, YoloSettings settings,
                         String modelId, String device) throws OrtException {
        this.env = env;
        this.session = session;
        this.model = model;
        this.settings = settings;
        this.modelId = modelId;
        this.device = device;
        // a warm-up run on grey pictures shows the real output shapes, whatever the graph declares
        int probe = model.fixedBatch() > 0 ? model.fixedBatch() : 1;
        List<long[]> shapes = new ArrayList<>();
        for (Output output : run(new float[probe * model.inputValues()], probe, model.outputs())) {
            if (output.shape.length == 3 && output.shape[0] != probe) {
                throw new IllegalArgumentException("an output has batch " + output.shape[0] + " for " + probe
                        + " input picture(s)");
            }
            shapes.add(output.shape);
        }
        GflDecoder gfl = settings.layout() == YoloLayout.NANODET || settings.layout() == YoloLayout.AUTO
                ? GflDecoder.of(shapes, model.inputWidth(), model.inputHeight(), settings) : null;
        if (gfl != null) {
            this.layout = YoloLayout.NANODET;
            this.decoder = gfl;
            this.outputs = Arrays.stream(gfl.outputOrder()).mapToObj(model.outputs()::get).toList();
        } else if (settings.layout() == YoloLayout.NANODET) {
            throw new IllegalArgumentException("outputs " + shapes.stream().map(Arrays::toString).toList()
                    + " are not a NanoDet head, which has " + GflDecoder.expected(model.inputWidth(), model.inputHeight()));
        } else {
            long[] shape = shapes.get(0);
            this.layout = settings.layout().resolve(shape, model.inputWidth(), model.inputHeight());
            this.decoder = new YoloDecoder(layout, layout.anchors(shape), layout.classes(shape), model.inputWidth(),
                    model.inputHeight(), settings);
            this.outputs = List.of(model.outputs().get(0));
        }
        this.fit = settings.fit().resolve(layout);
    }

    /** Loads and checks the model; a missing file or an unusable model gives one readable line. */
    public static YoloDetector open(YoloSettings settings) throws IOException {
        Path file = settings.model();
        if (file == null) {
            throw new IllegalArgumentException("the built-in NanoDet has no file yet: obtain it first");
        }
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "detector model file not found");
        }
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length == 0) {
            throw new IOException(file + ": detector model file is empty");
        }
        String stem = file.getFileName().toString().replaceFirst("\\.onnx$", "").replace('@', '_');
        String modelId = ModelVersion.of(stem.isBlank() ? "detector" : stem, bytes, 1, 1).id();
        OrtEnvironment env = OrtEnvironments.shared();
        OrtSession session = null;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(settings.intraOpThreads());
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            String device = settings.cuda() && tryCuda(options) ? "cuda" : "cpu";
            session = env.createSession(bytes, options);
            YoloModel model = YoloModel.inspect(session, settings);
            YoloDetector detector = new YoloDetector(env, session, model, settings, modelId, device);
            LOG.info("detector model {} from {}: {} layout, {}x{} input ({}), batch {}, {} class names, keeping classes {}, on {}",
                    modelId, file, detector.layout, model.inputWidth(), model.inputHeight(), detector.fit,
                    model.fixedBatch() > 0 ? model.fixedBatch() : "any", model.classNames().size(),
                    settings.classes(), device);
            return detector;
        } catch (OrtException | RuntimeException e) {
            if (session != null) {
                try {
                    session.close();
                } catch (OrtException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw new IllegalArgumentException("detector model " + file + " is not a usable YOLO or NanoDet model: "
                    + e.getMessage(), e);
        }
    }

    private static boolean tryCuda(OrtSession.SessionOptions options) {
        try {
            options.addCUDA(0);
            return true;
        } catch (OrtException | RuntimeException e) {
            if (SAID_NO_CUDA.compareAndSet(false, true)) {
                LOG.info("detector: no CUDA execution provider here ({}); running on CPU", e.getMessage());
            }
            return false;
        }
    }

    /** {@code name@sha12} of the model file: what every FrameDetections of this detector carries. */
    public String modelId() {
        return modelId;
    }

    public YoloLayout layout() {
        return layout;
    }

    /** How pictures go into the input: letterboxed or stretched. */
    public YoloSettings.Fit fit() {
        return fit;
    }

    public int inputWidth() {
        return model.inputWidth();
    }

    public int inputHeight() {
        return model.inputHeight();
    }

    /** {@code cuda} or {@code cpu}. */
    public String device() {
        return device;
    }

    /** The model's name for a class (ultralytics metadata {@code names}), else COCO's "person" for 0. */
    @Override
    public String label(int classId) {
        return model.classNames().getOrDefault(classId, classId == 0 ? "person" : "class" + classId);
    }

    @Override
    public double cropScore() {
        return settings.scoreThreshold();
    }

    @Override
    public int maxBatch() {
        if (model.fixedBatch() > 0) {
            return model.fixedBatch();
        }
        return settings.batchSize() > 0 ? settings.batchSize() : "cuda".equals(device) ? 8 : 1;
    }

    @Override
    public List<PersonBox> detect(Mat bgr) {
        return detectAll(List.of(bgr)).get(0);
    }

    @Override
    public List<List<PersonBox>> detectBatch(List<Mat> pictures, List<Frame> frames) {
        return detectAll(pictures);
    }

    /** People in each BGR picture, in order, running up to {@link #maxBatch()} pictures per inference. */
    public List<List<PersonBox>> detectAll(List<Mat> pictures) {
        List<List<PersonBox>> out = new ArrayList<>(pictures.size());
        Letterbox.Convention convention = layout.convention();
        int perPicture = model.inputValues();
        for (int start = 0; start < pictures.size(); start += maxBatch()) {
            List<Mat> chunk = pictures.subList(start, Math.min(pictures.size(), start + maxBatch()));
            // a fixed batch dimension is filled up with grey pictures whose boxes are ignored
            int batch = model.fixedBatch() > 0 ? model.fixedBatch() : chunk.size();
            float[] input = new float[batch * perPicture];
            List<Letterbox> boxes = new ArrayList<>(chunk.size());
            for (int i = 0; i < chunk.size(); i++) {
                Mat bgr = chunk.get(i);
                check(bgr);
                Letterbox letterbox = placement(bgr.cols(), bgr.rows());
                letterbox.write(bgr, convention, input, i * perPicture);
                boxes.add(letterbox);
            }
            convention.fillGrey(input, chunk.size() * perPicture, batch - chunk.size(), perPicture / 3);
            float[][] values = new float[outputs.size()][];
            try {
                List<Output> result = run(input, batch, outputs);
                for (int o = 0; o < values.length; o++) {
                    values[o] = result.get(o).values;
                    if (values[o].length < batch * decoder.valuesPerPicture(o)) {
                        throw new IllegalStateException("detector model " + modelId + " gave output "
                                + Arrays.toString(result.get(o).shape) + " for a batch of " + batch
                                + ", not the shape it had at load");
                    }
                }
            } catch (OrtException e) {
                throw new IllegalStateException("detector model " + modelId + " failed on a batch of " + batch + ": "
                        + e.getMessage(), e);
            }
            for (int i = 0; i < chunk.size(); i++) {
                out.add(decoder.decode(values, i, boxes.get(i), chunk.get(i).cols(), chunk.get(i).rows()));
            }
        }
        return out;
    }

    /** Where a picture goes in the input: letterboxed as the family's tools do, or stretched. */
    private Letterbox placement(int width, int height) {
        return fit == YoloSettings.Fit.STRETCH
                ? Letterbox.stretch(width, height, model.inputWidth(), model.inputHeight())
                : Letterbox.fit(width, height, model.inputWidth(), model.inputHeight(), layout.convention());
    }

    private static void check(Mat bgr) {
        if (bgr == null || bgr.empty()) {
            throw new IllegalArgumentException("cannot detect people in an empty picture");
        }
        if (bgr.type() != opencv_core.CV_8UC3) {
            throw new IllegalArgumentException("the detector takes 8-bit BGR pictures, got OpenCV type " + bgr.type());
        }
    }

    private record Output(long[] shape, float[] values) {
    }

    private List<Output> run(float[] input, int batch, List<String> names) throws OrtException {
        long[] shape = {batch, 3, model.inputHeight(), model.inputWidth()};
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), shape);
             OrtSession.Result result = session.run(Map.of(model.input(), tensor), new LinkedHashSet<>(names))) {
            List<Output> out = new ArrayList<>(names.size());
            for (String name : names) {
                OnnxTensor output = (OnnxTensor) result.get(name).orElseThrow();
                FloatBuffer buffer = output.getFloatBuffer();
                float[] values = new float[buffer.remaining()];
                buffer.get(values);
                out.add(new Output(output.getInfo().getShape(), values));
            }
            return out;
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            LOG.warn("detector model {}: could not close its session: {}", modelId, e.getMessage());
        }
    }
}

package io.crossview.detector.yolo;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
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
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A YOLO-family person detector on ONNX Runtime (YOLOX, YOLOv5, YOLOv8/11 exports). Owns its
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
    private final YoloDecoder decoder;
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
        // a warm-up run on grey pictures shows the real output shape, whatever the graph declares
        int probe = model.fixedBatch() > 0 ? model.fixedBatch() : 1;
        long[] shape = run(new float[probe * model.inputValues()], probe).shape;
        if (shape.length == 3 && shape[0] != probe) {
            throw new IllegalArgumentException("output '" + model.output() + "' has batch " + shape[0] + " for "
                    + probe + " input picture(s)");
        }
        this.layout = settings.layout().resolve(shape, model.inputWidth(), model.inputHeight());
        this.decoder = new YoloDecoder(layout, layout.anchors(shape), layout.classes(shape), model.inputWidth(),
                model.inputHeight(), settings);
    }

    /** Loads and checks the model; a missing file or an unusable model gives one readable line. */
    public static YoloDetector open(YoloSettings settings) throws IOException {
        Path file = settings.model();
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "detector model file not found");
        }
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length == 0) {
            throw new IOException(file + ": detector model file is empty");
        }
        String stem = file.getFileName().toString().replaceFirst("\\.onnx$", "").replace('@', '_');
        String modelId = ModelVersion.of(stem.isBlank() ? "detector" : stem, bytes, 1, 1).id();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession session = null;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(settings.intraOpThreads());
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            String device = settings.cuda() && tryCuda(options) ? "cuda" : "cpu";
            session = env.createSession(bytes, options);
            YoloModel model = YoloModel.inspect(session, settings);
            YoloDetector detector = new YoloDetector(env, session, model, settings, modelId, device);
            LOG.info("detector model {} from {}: {} layout, {}x{} input, batch {}, {} classes kept {}, on {}",
                    modelId, file, detector.layout, model.inputWidth(), model.inputHeight(),
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
            throw new IllegalArgumentException("detector model " + file + " is not a usable YOLO model: "
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
                Letterbox letterbox = Letterbox.fit(bgr.cols(), bgr.rows(), model.inputWidth(), model.inputHeight(),
                        convention);
                letterbox.write(bgr, convention, input, i * perPicture);
                boxes.add(letterbox);
            }
            Arrays.fill(input, chunk.size() * perPicture, input.length, convention.value(Letterbox.PAD));
            Output result;
            try {
                result = run(input, batch);
            } catch (OrtException e) {
                throw new IllegalStateException("detector model " + modelId + " failed on a batch of " + batch + ": "
                        + e.getMessage(), e);
            }
            if (result.values.length < batch * decoder.valuesPerPicture()) {
                throw new IllegalStateException("detector model " + modelId + " gave output " + Arrays.toString(
                        result.shape) + " for a batch of " + batch + ", not the shape it had at load");
            }
            for (int i = 0; i < chunk.size(); i++) {
                out.add(decoder.decode(result.values, i, boxes.get(i), chunk.get(i).cols(), chunk.get(i).rows()));
            }
        }
        return out;
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

    private Output run(float[] input, int batch) throws OrtException {
        long[] shape = {batch, 3, model.inputHeight(), model.inputWidth()};
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), shape);
             OrtSession.Result result = session.run(Map.of(model.input(), tensor), Set.of(model.output()))) {
            OnnxTensor output = (OnnxTensor) result.get(0);
            FloatBuffer buffer = output.getFloatBuffer();
            float[] values = new float[buffer.remaining()];
            buffer.get(values);
            return new Output(output.getInfo().getShape(), values);
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

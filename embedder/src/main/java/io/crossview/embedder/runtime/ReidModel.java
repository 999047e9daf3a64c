package io.crossview.embedder.runtime;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import io.crossview.common.onnx.OrtEnvironments;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.platform.Fp16Conversions;
import io.crossview.common.model.ModelVersion;
import io.crossview.embedder.model.AppearanceModel;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A re-ID model on ONNX Runtime: BGR crops in, L2-normalised embeddings out. Owns its
 * session; preprocessing comes from the model's metadata, else the torchreid defaults, and so
 * does its calibration where it carries one.
 */
public final class ReidModel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReidModel.class);

    private final OrtEnvironment env;
    private final OrtSession session;
    private final ModelVersion version;
    private final Preprocessing preprocessing;
    /** The model's own calibration from its metadata; null when it carries none. */
    private final CalibrationMetadata calibration;
    private final String input;
    private final String globalOutput;
    private final String partsOutput;
    /** Some exports fix the batch size (often 1); 0 means any batch size is accepted. */
    private final int fixedBatch;
    /** FP16 exports take half floats: the crops are converted after preprocessing. */
    private final boolean halfInput;
    private final String device;
    private static final java.util.concurrent.atomic.AtomicBoolean SAID_NO_CUDA = new java.util.concurrent.atomic.AtomicBoolean();

    private ReidModel(OrtEnvironment env, OrtSession session, String fallbackName, byte[] bytes, String device)
            throws OrtException {
        this.env = env;
        this.session = session;
        this.device = device;
        Map<String, String> metadata = session.getMetadata().getCustomMetadata();
        if (session.getNumInputs() != 1) {
            throw new IllegalArgumentException("a re-ID model takes one input (the images), this one takes "
                    + session.getInputNames());
        }
        Map.Entry<String, NodeInfo> in = session.getInputInfo().entrySet().iterator().next();
        this.input = in.getKey();
        TensorInfo inputInfo = floatTensor(in.getValue(), "input");
        this.halfInput = inputInfo.type == OnnxJavaType.FLOAT16;
        this.preprocessing = Preprocessing.resolve(metadata, inputInfo.getShape());
        this.calibration = CalibrationMetadata.read(metadata).orElse(null);
        this.fixedBatch = (int) Math.max(0, inputInfo.getShape()[0]);
        Map<String, NodeInfo> outputs = session.getOutputInfo();
        this.globalOutput = outputs.containsKey("global") ? "global" : outputs.keySet().iterator().next();
        floatTensor(outputs.get(globalOutput), "output");
        NodeInfo parts = outputs.get("parts");
        this.partsOutput = parts != null && !globalOutput.equals("parts") && floatTensor(parts, "output").getShape().length == 3 ? "parts" : null;
        String name = metadata.getOrDefault(Preprocessing.KEY_NAME, fallbackName);
        this.version = ModelVersion.of(name, bytes, preprocessing.height(), preprocessing.width());
    }

    /** The built-in appearance model, needing no download. */
    public static ReidModel builtin() {
        return builtin(1);
    }

    public static ReidModel builtin(int intraOpThreads) {
        return builtin(new RuntimeOptions(intraOpThreads, Provider.AUTO, 0));
    }

    public static ReidModel builtin(RuntimeOptions options) {
        return open(AppearanceModel.build(), AppearanceModel.NAME, options, "the built-in model");
    }

    public static ReidModel open(byte[] onnx) {
        return open(onnx, 1);
    }

    /** Loads ONNX bytes; throws IllegalArgumentException when they are not a usable re-ID model. */
    public static ReidModel open(byte[] onnx, int intraOpThreads) {
        return open(onnx, new RuntimeOptions(intraOpThreads, Provider.AUTO, 0));
    }

    /** Loads ONNX bytes (an announced model, say); IllegalArgumentException when they are not a usable re-ID model. */
    public static ReidModel open(byte[] onnx, RuntimeOptions options) {
        return open(onnx, "reid", options, "given bytes");
    }

    public static ReidModel open(Path file) throws IOException {
        return open(file, 1);
    }

    /** Loads an ONNX file; its name (without extension) names the model unless metadata does. */
    public static ReidModel open(Path file, int intraOpThreads) throws IOException {
        return open(file, new RuntimeOptions(intraOpThreads, Provider.AUTO, 0));
    }

    public static ReidModel open(Path file, RuntimeOptions options) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "re-ID model file not found");
        }
        String stem = file.getFileName().toString().replaceFirst("\\.onnx$", "").replace('@', '_');
        return open(Files.readAllBytes(file), stem.isBlank() ? "reid" : stem, options, file.toString());
    }

    private static ReidModel open(byte[] onnx, String fallbackName, RuntimeOptions runtime, String source) {
        if (onnx == null || onnx.length == 0) {
            throw new IllegalArgumentException("re-ID model from " + source + " is empty");
        }
        OrtEnvironment env = OrtEnvironments.shared();
        OrtSession session = null;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(runtime.intraOpThreads());
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            String device = addProvider(options, runtime);
            session = env.createSession(onnx, options);
            ReidModel model = new ReidModel(env, session, fallbackName, onnx, device);
            // provenance: which bytes, from where, read how
            LOG.info("re-ID model {} from {}: sha256 {}, {}", model.version(), source, model.version.sha256(), model);
            return model;
        } catch (CudaUnavailableException e) {
            throw e;
        } catch (OrtException | RuntimeException e) {
            closeQuietly(session, e);
            throw new IllegalArgumentException("re-ID model from " + source + " is not a usable ONNX model: "
                    + e.getMessage(), e);
        }
    }

    /** Adds CUDA where asked and present; returns where the model runs. */
    private static String addProvider(OrtSession.SessionOptions options, RuntimeOptions runtime) throws OrtException {
        if (runtime.provider() == Provider.CPU) {
            return "cpu";
        }
        try {
            options.addCUDA(runtime.device());
            return "cuda:" + runtime.device();
        } catch (OrtException | RuntimeException | UnsatisfiedLinkError e) {
            if (runtime.provider() == Provider.CUDA) {
                throw new CudaUnavailableException("CUDA was asked for and is not available: "
                        + firstLine(e.getMessage()) + " (build with -Pgpu and check the driver)", e);
            }
            if (SAID_NO_CUDA.compareAndSet(false, true)) {
                LOG.info("CUDA not available ({}): re-ID models run on the CPU", firstLine(e.getMessage()));
            }
            return "cpu";
        }
    }

    /** Provider cuda on a machine or build without it: a setup error, not a bad model. */
    static final class CudaUnavailableException extends IllegalStateException {
        CudaUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static String firstLine(String message) {
        return message == null ? "no CUDA provider in this build" : message.lines().findFirst().orElse("");
    }

    /** Runs one batch of blank crops, so the first real batch does not pay for ORT's lazy set-up. */
    public void warmUp() {
        try (Mat blank = new Mat(preprocessing.height(), preprocessing.width(),
                org.bytedeco.opencv.global.opencv_core.CV_8UC3, new org.bytedeco.opencv.opencv_core.Scalar(128, 128, 128, 0))) {
            embed(List.of(blank));
        }
    }

    /** Where the model runs: {@code cpu} or {@code cuda:N}. */
    public String device() {
        return device;
    }

    /** {@code name@sha12}: what every embedding of this model carries. */
    public String version() {
        return version.id();
    }

    public ModelVersion modelVersion() {
        return version;
    }

    public Preprocessing preprocessing() {
        return preprocessing;
    }

    /** The model's own P(same person | similarity) from its metadata; empty when it carries none. */
    public Optional<CalibrationMetadata> calibration() {
        return Optional.ofNullable(calibration);
    }

    /** Embeds BGR 8-bit crops of any size in one batch (or in the model's fixed batch size). */
    public List<Embedding> embed(List<Mat> bgrCrops) {
        Objects.requireNonNull(bgrCrops, "crops");
        int step = fixedBatch > 0 ? fixedBatch : Math.max(1, bgrCrops.size());
        List<Embedding> out = new ArrayList<>(bgrCrops.size());
        for (int start = 0; start < bgrCrops.size(); start += step) {
            out.addAll(run(bgrCrops.subList(start, Math.min(bgrCrops.size(), start + step)), step));
        }
        return out;
    }

    private List<Embedding> run(List<Mat> crops, int batch) {
        int per = preprocessing.floatsPerCrop();
        float[] data = new float[batch * per]; // slots past crops.size() stay zero: padding for fixed batches
        for (int i = 0; i < crops.size(); i++) {
            preprocessing.fill(crops.get(i), data, i * per);
        }
        return infer(data, crops.size(), batch);
    }

    /**
     * Embeddings of pictures already preprocessed as {@link #preprocessing()} says, laid out NCHW
     * in {@code data}: for callers that hold model inputs rather than crops, such as the trainer
     * checking an export against its own forward pass.
     */
    public List<Embedding> embedPreprocessed(float[] data, int count) {
        int per = preprocessing.floatsPerCrop();
        if (count < 1 || data.length != count * per) {
            throw new IllegalArgumentException("expected " + count + " x " + per + " floats, got " + data.length);
        }
        if (fixedBatch <= 0) {
            return infer(data, count, count);
        }
        // a model with a fixed batch runs chunk by chunk, the last chunk padded with zeros
        List<Embedding> out = new ArrayList<>(count);
        for (int start = 0; start < count; start += fixedBatch) {
            int n = Math.min(fixedBatch, count - start);
            float[] chunk = new float[fixedBatch * per];
            System.arraycopy(data, start * per, chunk, 0, n * per);
            out.addAll(infer(chunk, n, fixedBatch));
        }
        return out;
    }

    private List<Embedding> infer(float[] data, int count, int batch) {
        long[] shape = {batch, 3, preprocessing.height(), preprocessing.width()};
        Set<String> wanted = new LinkedHashSet<>();
        wanted.add(globalOutput);
        if (partsOutput != null) {
            wanted.add(partsOutput);
        }
        try (OnnxTensor tensor = halfInput
                ? OnnxTensor.createTensor(env, Fp16Conversions.convertFloatBufferToFp16Buffer(FloatBuffer.wrap(data)),
                        shape, OnnxJavaType.FLOAT16)
                : OnnxTensor.createTensor(env, FloatBuffer.wrap(data), shape);
             OrtSession.Result result = session.run(Map.of(input, tensor), wanted)) {
            float[][] globals = rows(result, globalOutput, batch);
            float[][] parts = partsOutput == null ? null : rows(result, partsOutput, batch);
            int partCount = parts == null ? 0 : (int) ((OnnxTensor) result.get(partsOutput).orElseThrow()).getInfo().getShape()[1];
            List<Embedding> out = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                float[][] p = new float[partCount][];
                for (int k = 0; k < partCount; k++) {
                    int d = parts[i].length / partCount;
                    p[k] = Embedding.normalised(Arrays.copyOfRange(parts[i], k * d, (k + 1) * d));
                }
                out.add(new Embedding(Embedding.normalised(globals[i]), p));
            }
            return out;
        } catch (OrtException e) {
            throw new IllegalStateException("re-ID model " + version() + " failed on " + count + " crops: "
                    + e.getMessage(), e);
        }
    }

    /** One flat row per batch item, whatever the rank ([N,D], [N,D,1,1], [N,P,D]). */
    private float[][] rows(OrtSession.Result result, String output, int batch) {
        OnnxTensor tensor = (OnnxTensor) result.get(output).orElseThrow();
        long[] shape = tensor.getInfo().getShape();
        FloatBuffer values = tensor.getFloatBuffer();
        if (shape.length < 2 || shape[0] != batch || values.remaining() == 0 || values.remaining() % batch != 0) {
            throw new IllegalStateException("re-ID model " + version() + " output " + output + " has shape "
                    + Arrays.toString(shape) + " for a batch of " + batch);
        }
        float[][] out = new float[batch][values.remaining() / batch];
        for (float[] row : out) {
            values.get(row);
        }
        return out;
    }

    private static TensorInfo floatTensor(NodeInfo node, String role) {
        if (!(node.getInfo() instanceof TensorInfo info)
                || (info.type != OnnxJavaType.FLOAT && info.type != OnnxJavaType.FLOAT16)) {
            throw new IllegalArgumentException("re-ID model " + role + " " + node.getName()
                    + " must be a float or float16 tensor, is " + node.getInfo());
        }
        return info;
    }

    private static void closeQuietly(OrtSession session, Exception cause) {
        if (session != null) {
            try {
                session.close();
            } catch (OrtException | RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("could not close re-ID model " + version(), e);
        }
    }

    @Override
    public String toString() {
        return "ReidModel[" + version() + ", " + preprocessing + (partsOutput != null ? ", parts" : "")
                + (halfInput ? ", fp16" : "") + (calibration != null ? ", " + calibration : "") + ", " + device + "]";
    }
}

package io.crossview.common.tfjs;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/** Runs a converted model in ONNX Runtime: one float input, every output back as flat floats with its shape. */
final class Ort implements AutoCloseable {
    record Output(long[] shape, float[] values) {
    }

    private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();
    private final OrtSession session;

    Ort(byte[] model, int threads) throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(threads);
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        session = ENV.createSession(model, options);
    }

    Ort(byte[] model) throws OrtException {
        this(model, 1);
    }

    Map<String, Output> run(String input, float[] values, long... shape) throws OrtException {
        Map<String, Output> out = new LinkedHashMap<>();
        try (OnnxTensor x = OnnxTensor.createTensor(ENV, FloatBuffer.wrap(values), shape);
                OrtSession.Result r = session.run(Map.of(input, x))) {
            r.forEach(e -> {
                OnnxTensor t = (OnnxTensor) e.getValue();
                FloatBuffer b = t.getFloatBuffer();
                float[] v = new float[b.remaining()];
                b.get(v);
                out.put(e.getKey(), new Output(t.getInfo().getShape(), v));
            });
        }
        return out;
    }

    /** The first output's values. */
    float[] first(String input, float[] values, long... shape) throws OrtException {
        return run(input, values, shape).values().iterator().next().values();
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}

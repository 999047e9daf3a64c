package io.crossview.embedder.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.google.protobuf.ByteString;
import io.crossview.common.image.Jpeg;
import io.crossview.common.serde.WireSchema;
import io.crossview.common.topics.Topics;
import io.crossview.common.wire.Box;
import io.crossview.common.wire.Detection;
import io.crossview.common.wire.FrameDetections;
import io.crossview.common.wire.FrameRef;
import io.crossview.embedder.EmbedderStage;
import io.crossview.embedder.model.AppearanceModel;
import io.crossview.embedder.registry.ModelSlot;
import io.crossview.embedder.runtime.Preprocessing;
import io.crossview.embedder.runtime.ReidModel;
import io.crossview.embedder.testing.Pictures;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bytedeco.opencv.opencv_core.Mat;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The embedder stage against bare {@code OrtSession.run} on the same model and batch: the
 * stage's cost over the model's (JPEG decode, resize and normalisation, protobuf) as a
 * ratio. Both paths embed {@code batch} crops per operation, so time per operation / batch
 * is time per crop.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EmbedderBenchmark {
    @Param({"1", "8", "32"})
    int batch;

    private ReidModel model;
    private EmbedderStage stage;
    private List<ConsumerRecord<byte[], byte[]>> records;
    private OrtEnvironment env;
    private OrtSession bare;
    private OnnxTensor tensor;
    private String input;
    private Mat crop;
    private float[] scratch;

    @Setup(Level.Trial)
    public void setUp() throws OrtException {
        model = ReidModel.builtin();
        stage = new EmbedderStage(new ModelSlot(model), Topics.defaults(), 32);
        crop = Pictures.person(Pictures.RED, Pictures.BLUE, 0, 0, 1, 1, 1);
        byte[] jpeg = Jpeg.encode(crop, 90);
        // one crop per message, as from a frame with one person: the stage gathers them
        records = new ArrayList<>();
        for (int i = 0; i < batch; i++) {
            FrameDetections message = FrameDetections.newBuilder().setSchemaVersion(WireSchema.VERSION)
                    .setFrame(FrameRef.newBuilder().setCamera("cam").setSeq(i).setWidth(640).setHeight(480))
                    .addDetections(Detection.newBuilder().setBox(Box.newBuilder().setW(32).setH(64))
                            .setCropJpeg(ByteString.copyFrom(jpeg)))
                    .build();
            records.add(new ConsumerRecord<>("detections", 0, i, "cam".getBytes(), message.toByteArray()));
        }
        env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            bare = env.createSession(AppearanceModel.build(), options);
        }
        input = bare.getInputNames().iterator().next();
        Preprocessing p = model.preprocessing();
        float[] data = new float[batch * p.floatsPerCrop()];
        for (int i = 0; i < batch; i++) {
            p.fill(crop, data, i * p.floatsPerCrop());
        }
        tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(data), new long[] {batch, 3, p.height(), p.width()});
        scratch = new float[p.floatsPerCrop()];
    }

    /** The stage: messages in, FrameEmbeddings out. */
    @Benchmark
    public Object stage() {
        return stage.handle(records);
    }

    /** The model alone on an already prepared tensor. */
    @Benchmark
    public Object bareSessionRun() throws OrtException {
        try (OrtSession.Result result = bare.run(Map.of(input, tensor))) {
            return result.get(0).getValue();
        }
    }

    /** Resize, channel order and normalisation of one crop, as the stage does it. */
    @Benchmark
    public float[] preprocessOneCrop() {
        model.preprocessing().fill(crop, scratch, 0);
        return scratch;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws OrtException {
        tensor.close();
        bare.close();
        model.close();
        crop.close();
    }
}

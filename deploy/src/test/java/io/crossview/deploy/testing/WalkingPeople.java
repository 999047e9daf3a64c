package io.crossview.deploy.testing;

import io.crossview.common.kafka.KafkaConnection;
import io.crossview.common.serde.WireSchema;
import io.crossview.common.wire.Box;
import io.crossview.common.wire.EmbeddedBox;
import io.crossview.common.wire.FrameEmbeddings;
import io.crossview.common.wire.FrameRef;
import io.crossview.common.wire.Vector;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The matcher ITs' input: six people walking back and forth across two cameras ("east" and
 * "west") of one site, with jitter, seeded; frames alternate between the cameras.
 */
public final class WalkingPeople {
    public static final String MODEL = "test@000000000000";
    public static final List<String> CAMERAS = List.of("east", "west");

    private WalkingPeople() {
    }

    /** The first {@code count} frames; the same on every call. */
    public static List<FrameEmbeddings> frames(int count) {
        Random random = new Random(42);
        float[][] looks = new float[6][16];
        for (float[] look : looks) {
            for (int i = 0; i < look.length; i++) {
                look[i] = (float) random.nextGaussian();
            }
        }
        List<FrameEmbeddings> frames = new ArrayList<>(count);
        for (int f = 0; f < count; f++) {
            String camera = CAMERAS.get(f % 2);
            long seq = f / 2;
            FrameEmbeddings.Builder frame = FrameEmbeddings.newBuilder().setSchemaVersion(WireSchema.VERSION)
                    .setModelVersion(MODEL)
                    .setFrame(FrameRef.newBuilder().setCamera(camera).setSite("site").setSeq(seq)
                            .setCaptureMs(1_000_000 + seq * 200).setWidth(640).setHeight(480));
            for (int p = 0; p < looks.length; p++) {
                // each person is in one camera for 100 frames, then in the other
                boolean here = ((seq + 37L * p) / 100) % 2 == (camera.equals("east") ? 0 : 1);
                if (!here) {
                    continue;
                }
                double phase = ((seq + 37L * p) % 100) / 100.0;
                frame.addBoxes(EmbeddedBox.newBuilder()
                        .setBox(Box.newBuilder().setX((float) (20 + 520 * phase + random.nextGaussian()))
                                .setY(60 * p + 20).setW(40).setH(100).setScore(0.9f))
                        .setGlobal(noisy(looks[p], random)));
            }
            frames.add(frame.build());
        }
        return frames;
    }

    /** Sends the frames to {@code topic}, keyed by camera, in order. */
    public static void produce(KafkaConnection kafka, String topic, List<FrameEmbeddings> frames) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka.producer("it"))) {
            for (FrameEmbeddings frame : frames) {
                producer.send(new ProducerRecord<>(topic, frame.getFrame().getCamera().getBytes(StandardCharsets.UTF_8),
                        frame.toByteArray()));
            }
        }
    }

    private static Vector noisy(float[] look, Random random) {
        float[] v = new float[look.length];
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (look[i] + 0.15 * random.nextGaussian());
            norm += v[i] * v[i];
        }
        Vector.Builder out = Vector.newBuilder();
        for (float x : v) {
            out.addValues((float) (x / Math.sqrt(norm)));
        }
        return out.build();
    }
}

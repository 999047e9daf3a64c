package io.crossview.embedder;

import io.crossview.common.image.BadImageException;
import io.crossview.common.image.Jpeg;
import io.crossview.common.kafka.RecordHandler;
import io.crossview.common.serde.BadMessageException;
import io.crossview.common.serde.WireSchema;
import io.crossview.common.serde.WireSerdes;
import io.crossview.common.topics.Topics;
import io.crossview.common.wire.Detection;
import io.crossview.common.wire.EmbeddedBox;
import io.crossview.common.wire.FrameDetections;
import io.crossview.common.wire.FrameEmbeddings;
import io.crossview.common.wire.Vector;
import io.crossview.embedder.runtime.Embedding;
import io.crossview.embedder.runtime.ReidModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bytedeco.opencv.opencv_core.Mat;

/** The embedder stage: one FrameDetections in, one FrameEmbeddings out, all crops of a frame in one batch. */
public final class EmbedderStage implements RecordHandler {
    private final ReidModel model;
    private final String outputTopic;

    public EmbedderStage(ReidModel model, Topics topics) {
        this.model = Objects.requireNonNull(model, "model");
        this.outputTopic = topics.embeddings().name();
    }

    @Override
    public List<ProducerRecord<byte[], byte[]>> handle(ConsumerRecord<byte[], byte[]> record) {
        FrameDetections detections = WireSerdes.DETECTIONS.deserialize(record.topic(), record.value());
        if (detections == null) {
            throw new BadMessageException("FrameDetections on " + record.topic() + " has no value");
        }
        FrameEmbeddings out = embed(detections);
        return List.of(new ProducerRecord<>(outputTopic, record.key(), WireSerdes.EMBEDDINGS.serialize(outputTopic, out)));
    }

    /** Embeds every crop of the frame; a frame without detections gives a message without boxes. */
    public FrameEmbeddings embed(FrameDetections detections) {
        List<Embedding> embeddings = detections.getDetectionsCount() == 0 ? List.of() : embedCrops(detections);
        FrameEmbeddings.Builder out = FrameEmbeddings.newBuilder()
                .setSchemaVersion(WireSchema.VERSION)
                .setFrame(detections.getFrame())
                .setModelVersion(model.version());
        for (int i = 0; i < embeddings.size(); i++) {
            Embedding e = embeddings.get(i);
            EmbeddedBox.Builder box = EmbeddedBox.newBuilder()
                    .setBox(detections.getDetections(i).getBox())
                    .setGlobal(vector(e.global()));
            for (float[] part : e.parts()) {
                box.addParts(vector(part));
            }
            out.addBoxes(box);
        }
        return out.build();
    }

    private List<Embedding> embedCrops(FrameDetections detections) {
        List<Mat> crops = new ArrayList<>(detections.getDetectionsCount());
        try {
            for (int i = 0; i < detections.getDetectionsCount(); i++) {
                Detection d = detections.getDetections(i);
                try {
                    crops.add(Jpeg.decode(d.getCropJpeg().toByteArray()));
                } catch (BadImageException e) {
                    throw new BadImageException("crop " + i + " of camera " + detections.getFrame().getCamera()
                            + " frame " + detections.getFrame().getSeq() + ": " + e.getMessage());
                }
            }
            return model.embed(crops);
        } finally {
            crops.forEach(Mat::close);
        }
    }

    private static Vector vector(float[] values) {
        Vector.Builder v = Vector.newBuilder();
        for (float x : values) {
            v.addValues(x);
        }
        return v.build();
    }
}

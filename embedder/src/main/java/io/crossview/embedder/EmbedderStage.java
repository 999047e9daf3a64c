package io.crossview.embedder;

import io.crossview.common.image.BadImageException;
import io.crossview.common.image.Jpeg;
import io.crossview.common.kafka.BatchHandler;
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
import io.crossview.embedder.registry.ModelSlot;
import io.crossview.embedder.runtime.Embedding;
import io.crossview.embedder.runtime.ReidModel;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The embedder stage: FrameDetections in, one FrameEmbeddings out per message. The crops of
 * every message of a batch go through the model together, in runs of at most
 * {@code maxBatch}, and the vectors are split back per frame in input order. Every
 * {@code cropsEvery}-th frame (by sequence number) also carries each box's JPEG crop, for the
 * matcher to harvest training crops from. Every message carries the model's own calibration
 * when its metadata has one.
 */
public final class EmbedderStage implements BatchHandler, RecordHandler {
    private final ModelSlot slot;
    private final String outputTopic;
    private final int maxBatch;
    private final int cropsEvery;

    /**
     * @param cropsEvery frames whose sequence number is a multiple of this carry their crops; 0 never
     */
    public EmbedderStage(ModelSlot slot, Topics topics, int maxBatch, int cropsEvery) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("embedder max batch must be >= 1, got " + maxBatch);
        }
        if (cropsEvery < 0) {
            throw new IllegalArgumentException("embedder crops every must be >= 0, got " + cropsEvery);
        }
        this.slot = slot;
        this.outputTopic = topics.embeddings().name();
        this.maxBatch = maxBatch;
        this.cropsEvery = cropsEvery;
    }

    public EmbedderStage(ModelSlot slot, Topics topics, int maxBatch) {
        this(slot, topics, maxBatch, EmbedderConfig.DEFAULT_CROPS_EVERY);
    }

    /** A stage that owns nothing but this model, embedding each message's crops in one run. */
    public EmbedderStage(ReidModel model, Topics topics) {
        this(new ModelSlot(model), topics, Integer.MAX_VALUE);
    }

    /** One message of a batch: decoded, with its crops, or the reason it cannot be embedded. */
    private static final class Item {
        FrameDetections detections;
        final List<Mat> crops = new ArrayList<>();
        Exception error;
    }

    @Override
    public List<Outcome> handle(List<ConsumerRecord<byte[], byte[]>> records) {
        ReidModel model = slot.forNextBatch();
        List<Item> items = new ArrayList<>(records.size());
        try {
            List<Mat> all = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> record : records) {
                Item item = decode(record);
                items.add(item);
                all.addAll(item.crops);
            }
            List<Embedding> vectors = new ArrayList<>(all.size());
            for (int start = 0; start < all.size(); start += maxBatch) {
                vectors.addAll(model.embed(all.subList(start, Math.min(all.size(), start + maxBatch))));
            }
            List<Outcome> outcomes = new ArrayList<>(records.size());
            int next = 0;
            for (int i = 0; i < records.size(); i++) {
                Item item = items.get(i);
                if (item.error != null) {
                    outcomes.add(Outcome.failed(item.error));
                    continue;
                }
                FrameEmbeddings out = message(item.detections, vectors.subList(next, next + item.crops.size()),
                        model);
                next += item.crops.size();
                outcomes.add(Outcome.of(List.of(new ProducerRecord<>(outputTopic, records.get(i).key(),
                        WireSerdes.EMBEDDINGS.serialize(outputTopic, out)))));
            }
            return outcomes;
        } finally {
            items.forEach(item -> item.crops.forEach(Mat::close));
        }
    }

    /** One message alone, as a one-record batch; failures throw. */
    @Override
    public List<ProducerRecord<byte[], byte[]>> handle(ConsumerRecord<byte[], byte[]> record) throws Exception {
        Outcome outcome = handle(List.of(record)).get(0);
        if (outcome.error() != null) {
            throw outcome.error();
        }
        return outcome.outputs();
    }

    /** Embeds every crop of one frame; a frame without detections gives a message without boxes. */
    public FrameEmbeddings embed(FrameDetections detections) {
        ReidModel model = slot.forNextBatch();
        Item item = crops(detections);
        try {
            if (item.error != null) {
                throw item.error instanceof RuntimeException r ? r : new IllegalStateException(item.error);
            }
            return message(detections, item.crops.isEmpty() ? List.of() : model.embed(item.crops), model);
        } finally {
            item.crops.forEach(Mat::close);
        }
    }

    private Item decode(ConsumerRecord<byte[], byte[]> record) {
        FrameDetections detections;
        try {
            detections = WireSerdes.DETECTIONS.deserialize(record.topic(), record.value());
            if (detections == null) {
                throw new BadMessageException("FrameDetections on " + record.topic() + " has no value");
            }
        } catch (RuntimeException e) {
            Item failed = new Item();
            failed.error = e;
            return failed;
        }
        return crops(detections);
    }

    private static Item crops(FrameDetections detections) {
        Item item = new Item();
        item.detections = detections;
        for (int i = 0; i < detections.getDetectionsCount(); i++) {
            if (weak(detections.getDetections(i))) {
                continue;
            }
            try {
                item.crops.add(Jpeg.decode(detections.getDetections(i).getCropJpeg().toByteArray()));
            } catch (BadImageException e) {
                item.crops.forEach(Mat::close);
                item.crops.clear();
                item.error = new BadImageException("crop " + i + " of camera " + detections.getFrame().getCamera()
                        + " frame " + detections.getFrame().getSeq() + ": " + e.getMessage());
                return item;
            }
        }
        return item;
    }

    /**
     * Whether this frame forwards its crops. Only a sample does: the crops are most of a
     * detections message's bytes, and the matcher needs only a few diverse crops per track,
     * so forwarding every frame's would multiply the size of the embeddings topic for nothing.
     */
    private boolean forwardsCrops(FrameDetections detections) {
        return cropsEvery > 0 && Math.floorMod(detections.getFrame().getSeq(), cropsEvery) == 0;
    }

    private FrameEmbeddings message(FrameDetections detections, List<Embedding> embeddings, ReidModel model) {
        boolean crops = forwardsCrops(detections);
        FrameEmbeddings.Builder out = FrameEmbeddings.newBuilder()
                .setSchemaVersion(WireSchema.VERSION)
                .setFrame(detections.getFrame())
                .setModelVersion(model.version())
                .setSkipped(detections.getSkipped());
        // on every message: a matcher task that starts anywhere in the topic has the model's prior
        model.calibration().ifPresent(c -> out.setCalibration(c.toWire()));
        int next = 0;
        for (Detection detection : detections.getDetectionsList()) {
            EmbeddedBox.Builder box = EmbeddedBox.newBuilder().setBox(detection.getBox());
            if (!weak(detection)) {
                Embedding e = embeddings.get(next++);
                box.setGlobal(vector(e.global()));
                for (float[] part : e.parts()) {
                    box.addParts(vector(part));
                }
                if (crops) {
                    box.setCropJpeg(detection.getCropJpeg());
                }
            }
            out.addBoxes(box);
        }
        return out.build();
    }

    /** A weak box, sent without a crop for the tracker's overlap-only association: nothing to embed. */
    private static boolean weak(Detection detection) {
        return detection.getCropJpeg().isEmpty();
    }

    private static Vector vector(float[] values) {
        Vector.Builder v = Vector.newBuilder();
        for (float x : values) {
            v.addValues(x);
        }
        return v.build();
    }
}

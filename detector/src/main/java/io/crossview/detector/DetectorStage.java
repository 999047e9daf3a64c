package io.crossview.detector;

import com.google.protobuf.ByteString;
import io.crossview.common.image.BadImageException;
import io.crossview.common.image.Jpeg;
import io.crossview.common.kafka.RecordHandler;
import io.crossview.common.serde.BadMessageException;
import io.crossview.common.serde.WireSchema;
import io.crossview.common.serde.WireSerdes;
import io.crossview.common.topics.Topics;
import io.crossview.common.wire.Box;
import io.crossview.common.wire.Detection;
import io.crossview.common.wire.Frame;
import io.crossview.common.wire.FrameDetections;
import io.crossview.common.wire.FrameRef;
import io.crossview.detector.crop.CropExtractor;
import io.crossview.detector.hog.HogPersonDetector;
import io.crossview.detector.oracle.OracleDetector;
import io.crossview.detector.oracle.OracleSettings;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The detector stage: one frame in, the people found in it (boxes and crops) out. Every
 * frame gets an answer, an empty one when nobody is in it, so downstream stages can tell
 * "nobody there" from "not processed yet".
 */
public final class DetectorStage implements RecordHandler, AutoCloseable {
    /** Person is the only class this stage reports; COCO's id for it is 0. */
    public static final int PERSON_CLASS = 0;

    private final PersonDetector detector;
    private final CropExtractor crops;
    private final String outputTopic;
    private final String modelId;

    /** Takes ownership of {@code detector}: closing the stage closes it. */
    public DetectorStage(PersonDetector detector, CropExtractor crops, Topics topics, String modelId) {
        if (modelId == null || modelId.isBlank()) {
            throw new IllegalArgumentException("detector model id must not be blank");
        }
        this.detector = detector;
        this.crops = crops;
        this.outputTopic = topics.detections().name();
        this.modelId = modelId;
    }

    /** The default stage: OpenCV's HOG people detector with the given settings. */
    public static DetectorStage create(DetectorConfig config, Topics topics) {
        return new DetectorStage(new HogPersonDetector(config.hog()), config.cropExtractor(), topics,
                config.modelId());
    }

    /** The labelled oracle mode: ground-truth boxes of synthetic sources, with jitter and misses. */
    public static DetectorStage oracle(OracleSettings settings, CropExtractor crops, Topics topics) {
        return new DetectorStage(new OracleDetector(settings), crops, topics, settings.modelId());
    }

    @Override
    public List<ProducerRecord<byte[], byte[]>> handle(ConsumerRecord<byte[], byte[]> record) {
        Frame frame = WireSerdes.FRAME.deserialize(record.topic(), record.value());
        if (frame == null) {
            throw new BadMessageException("Frame on " + record.topic() + " has no value");
        }
        FrameDetections detections = detect(frame);
        return List.of(new ProducerRecord<>(outputTopic, record.key(),
                WireSerdes.DETECTIONS.serialize(outputTopic, detections)));
    }

    /** The people in one frame, as the wire message this stage publishes. */
    public FrameDetections detect(Frame frame) {
        FrameDetections.Builder out = FrameDetections.newBuilder()
                .setSchemaVersion(WireSchema.VERSION)
                .setFrame(frame.getRef())
                .setDetectorModel(modelId);
        try (Mat picture = decode(frame)) {
            for (PersonBox box : detector.detect(picture, frame)) {
                CropExtractor.Crop crop = crops.extract(picture, box);
                out.addDetections(Detection.newBuilder()
                        .setBox(Box.newBuilder()
                                .setX(box.x()).setY(box.y()).setW(box.width()).setH(box.height())
                                .setScore((float) box.score()).setClassId(PERSON_CLASS))
                        .setCropJpeg(ByteString.copyFrom(crop.jpeg())));
            }
        }
        return out.build();
    }

    private static Mat decode(Frame frame) {
        try {
            return Jpeg.decode(frame.getJpeg().toByteArray());
        } catch (BadImageException e) {
            FrameRef ref = frame.getRef();
            throw new BadImageException("frame " + ref.getSeq() + " of camera '" + ref.getCamera() + "': " + e.getMessage());
        }
    }

    @Override
    public void close() {
        detector.close();
    }
}

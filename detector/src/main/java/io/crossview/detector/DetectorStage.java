package io.crossview.detector;

import com.google.protobuf.ByteString;
import io.crossview.common.image.BadImageException;
import io.crossview.common.image.Jpeg;
import io.crossview.common.kafka.BatchHandler;
import io.crossview.common.kafka.Batching;
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
import io.crossview.detector.yolo.BuiltinNanodet;
import io.crossview.detector.yolo.YoloDetector;
import io.crossview.detector.yolo.YoloSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The detector stage: one frame in, the people found in it (boxes and crops) out. Every
 * frame gets an answer, an empty one when nobody is in it, so downstream stages can tell
 * "nobody there" from "not processed yet". As a {@link BatchHandler} it runs the frames of a
 * batch (any cameras) through one model inference when the detector takes batches.
 */
public final class DetectorStage implements RecordHandler, BatchHandler, AutoCloseable {
    /** COCO's id of person, the only class reported unless an ONNX detector is told to keep others. */
    public static final int PERSON_CLASS = 0;
    private static final Logger LOG = LoggerFactory.getLogger(DetectorStage.class);

    private final PersonDetector detector;
    private final CropExtractor crops;
    private final String outputTopic;
    private final String modelId;
    private final Batching batching;
    private final int detectEvery;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Takes ownership of {@code detector}: closing the stage closes it. Frames are not gathered. */
    public DetectorStage(PersonDetector detector, CropExtractor crops, Topics topics, String modelId) {
        this(detector, crops, topics, modelId, 0);
    }

    /**
     * Takes ownership of {@code detector}. When it takes batches, the stage asks for up to its
     * {@link PersonDetector#maxBatch()} frames, waiting at most {@code batchWaitMs} for them.
     */
    public DetectorStage(PersonDetector detector, CropExtractor crops, Topics topics, String modelId,
                         long batchWaitMs) {
        this(detector, crops, topics, modelId, batchWaitMs, 1);
    }

    /**
     * As above, running the detector on every {@code detectEvery}th frame of a camera only; the
     * other frames get an empty answer marked skipped, without being decoded.
     */
    public DetectorStage(PersonDetector detector, CropExtractor crops, Topics topics, String modelId,
                         long batchWaitMs, int detectEvery) {
        if (modelId == null || modelId.isBlank()) {
            throw new IllegalArgumentException("detector model id must not be blank");
        }
        this.detector = detector;
        this.crops = crops;
        this.outputTopic = topics.detections().name();
        this.modelId = modelId;
        this.batching = detector.maxBatch() > 1 ? new Batching(detector.maxBatch(), batchWaitMs) : Batching.NONE;
        this.detectEvery = detectEvery;
    }

    /**
     * The stage of a config: its ONNX detector when it names one (a bad model file gives one
     * readable line), else OpenCV's HOG people detector.
     */
    public static DetectorStage create(DetectorConfig config, Topics topics) throws IOException {
        PersonDetector detector = openDetector(config);
        if (detector instanceof YoloDetector yolo) {
            return new DetectorStage(yolo, config.cropExtractor(), topics, yolo.modelId(), config.yolo().batchWaitMs(),
                    config.detectEvery());
        }
        return new DetectorStage(detector, config.cropExtractor(), topics, config.modelId(), 0, config.detectEvery());
    }

    /**
     * The detector a config names: its ONNX model, the built-in NanoDet (fetched and converted on
     * first use; OpenCV's HOG, said in one line, when it cannot be obtained), else HOG. The
     * caller owns it.
     */
    public static PersonDetector openDetector(DetectorConfig config) throws IOException {
        return openDetector(config, BuiltinNanodet::obtain);
    }

    /** Where the built-in NanoDet's file comes from: fetched and converted, or cached. */
    @FunctionalInterface
    interface NanodetSource {
        Path obtain() throws IOException;
    }

    static PersonDetector openDetector(DetectorConfig config, NanodetSource nanodet) throws IOException {
        YoloSettings settings = config.yolo();
        if (settings == null) {
            return new HogPersonDetector(config.hog());
        }
        if (settings.builtin()) {
            try {
                settings = settings.withModel(nanodet.obtain());
            } catch (IOException e) {
                LOG.warn("detector: the built-in NanoDet could not be obtained ({}); using OpenCV HOG instead",
                        e.getMessage());
                return new HogPersonDetector(config.hog());
            }
        }
        return YoloDetector.open(settings);
    }

    /** How StageLoop should gather records for {@link #handle(List)}. */
    public Batching batching() {
        return batching;
    }

    public String modelId() {
        return modelId;
    }

    /** The labelled oracle mode: ground-truth boxes of synthetic sources, with jitter and misses. */
    public static DetectorStage oracle(OracleSettings settings, CropExtractor crops, Topics topics) {
        return new DetectorStage(new OracleDetector(settings), crops, topics, settings.modelId());
    }

    @Override
    public List<ProducerRecord<byte[], byte[]>> handle(ConsumerRecord<byte[], byte[]> record) {
        Frame frame = frame(record);
        FrameDetections detections = skips(frame) ? skipped(frame) : detect(frame);
        return List.of(new ProducerRecord<>(outputTopic, record.key(),
                WireSerdes.DETECTIONS.serialize(outputTopic, detections)));
    }

    /**
     * One outcome per record, in order: a record that is not a decodable frame fails alone; the
     * others go through the detector together.
     */
    @Override
    public List<Outcome> handle(List<ConsumerRecord<byte[], byte[]>> records) {
        Outcome[] outcomes = new Outcome[records.size()];
        List<Integer> slots = new ArrayList<>();
        List<Frame> frames = new ArrayList<>();
        List<Mat> pictures = new ArrayList<>();
        try {
            for (int i = 0; i < records.size(); i++) {
                try {
                    Frame frame = frame(records.get(i));
                    if (skips(frame)) {
                        outcomes[i] = Outcome.of(List.of(new ProducerRecord<>(outputTopic, records.get(i).key(),
                                WireSerdes.DETECTIONS.serialize(outputTopic, skipped(frame)))));
                        continue;
                    }
                    Mat picture = decode(frame);
                    slots.add(i);
                    frames.add(frame);
                    pictures.add(picture);
                } catch (RuntimeException e) {
                    outcomes[i] = Outcome.failed(e);
                }
            }
            List<List<PersonBox>> boxes;
            try {
                boxes = pictures.isEmpty() ? List.of() : detector.detectBatch(pictures, frames);
            } catch (RuntimeException e) {
                slots.forEach(i -> outcomes[i] = Outcome.failed(e));
                return List.of(outcomes);
            }
            for (int k = 0; k < slots.size(); k++) {
                int i = slots.get(k);
                try {
                    FrameDetections detections = message(frames.get(k), pictures.get(k), boxes.get(k));
                    outcomes[i] = Outcome.of(List.of(new ProducerRecord<>(outputTopic, records.get(i).key(),
                            WireSerdes.DETECTIONS.serialize(outputTopic, detections))));
                } catch (RuntimeException e) {
                    outcomes[i] = Outcome.failed(e);
                }
            }
        } finally {
            pictures.forEach(Mat::close);
        }
        return List.of(outcomes);
    }

    private static Frame frame(ConsumerRecord<byte[], byte[]> record) {
        Frame frame = WireSerdes.FRAME.deserialize(record.topic(), record.value());
        if (frame == null) {
            throw new BadMessageException("Frame on " + record.topic() + " has no value");
        }
        return frame;
    }

    private boolean skips(Frame frame) {
        return detectEvery > 1 && Math.floorMod(frame.getRef().getSeq(), detectEvery) != 0;
    }

    private FrameDetections skipped(Frame frame) {
        return FrameDetections.newBuilder().setSchemaVersion(WireSchema.VERSION).setFrame(frame.getRef())
                .setDetectorModel(modelId).setSkipped(true).build();
    }

    /** The people in one frame, as the wire message this stage publishes. */
    public FrameDetections detect(Frame frame) {
        try (Mat picture = decode(frame)) {
            return message(frame, picture, detector.detect(picture, frame));
        }
    }

    private FrameDetections message(Frame frame, Mat picture, List<PersonBox> boxes) {
        FrameDetections.Builder out = FrameDetections.newBuilder()
                .setSchemaVersion(WireSchema.VERSION)
                .setFrame(frame.getRef())
                .setDetectorModel(modelId);
        double cropScore = detector.cropScore();
        for (PersonBox box : boxes) {
            Detection.Builder detection = Detection.newBuilder()
                    .setBox(Box.newBuilder()
                            .setX(box.x()).setY(box.y()).setW(box.width()).setH(box.height())
                            .setScore((float) box.score()).setClassId(box.classId()));
            // a weak box only continues a track by overlap: no crop, so nothing to embed
            if (box.score() >= cropScore) {
                detection.setCropJpeg(ByteString.copyFrom(crops.extract(picture, box).jpeg()));
            }
            out.addDetections(detection);
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

    /** Closes the detector once; a second close (the loop, then its owner) does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            detector.close();
        }
    }
}

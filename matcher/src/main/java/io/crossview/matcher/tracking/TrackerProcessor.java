package io.crossview.matcher.tracking;

import io.crossview.common.wire.CameraTracks;
import io.crossview.common.wire.FrameEmbeddings;
import io.crossview.common.wire.TrackletUpdate;
import io.crossview.matcher.calibration.Calibrations;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Runs the tracker of each camera over its frames, keeping its tracks in a RocksDB store, and
 * calibrates the appearance of each model version from the pairs the frames show (until they
 * are enough, from the calibration the model's metadata carries, when the frames bring one).
 */
public final class TrackerProcessor implements Processor<String, FrameEmbeddings, String, TrackletUpdate> {
    public static final String STORE = "camera-tracks";
    /** Box-level appearance pairs per model version: the tracker's own calibration. */
    public static final String CALIBRATION_STORE = "tracker-calibration";

    private final CameraTracker tracker;
    private ProcessorContext<String, TrackletUpdate> context;
    private KeyValueStore<String, CameraTracks> store;
    private Calibrations calibrations;

    public TrackerProcessor(TrackerParams params) {
        this.tracker = new CameraTracker(params);
    }

    @Override
    public void init(ProcessorContext<String, TrackletUpdate> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
        this.calibrations = new Calibrations(context.getStateStore(CALIBRATION_STORE));
    }

    @Override
    public void process(Record<String, FrameEmbeddings> record) {
        String camera = record.value().getFrame().getCamera();
        CameraTracks previous = store.get(camera);
        String model = record.value().getModelVersion();
        if (record.value().hasCalibration()) {
            calibrations.prior(model, record.value().getCalibration());
        }
        CameraTracker.Step step = tracker.step(previous == null ? CameraTracks.getDefaultInstance() : previous,
                record.value(), calibrations.of(model));
        store.put(camera, step.state());
        step.sameTrack().forEach(s -> calibrations.sameTrack(model, s));
        step.coOccurring().forEach(s -> calibrations.coOccurring(model, s));
        calibrations.flush();
        TrackletUpdate update = step.update();
        if (update.getTracksCount() > 0 || update.getEndedTrackIdsCount() > 0) {
            context.forward(record.withKey(camera).withValue(update));
        }
    }
}

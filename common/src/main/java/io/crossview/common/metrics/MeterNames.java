package io.crossview.common.metrics;

import java.util.List;

/**
 * The name of every meter CrossView registers. Prometheus shows {@code crossview.stage.records}
 * as {@code crossview_stage_records_total}; the Grafana dashboard in {@code deploy/grafana} and
 * the scrape test read these names.
 */
public final class MeterNames {
    /** Records a stage loop committed, tagged {@code stage} and {@code outcome} (processed, failed). */
    public static final String STAGE_RECORDS = "crossview.stage.records";
    /** Records per handled batch, tagged {@code stage}. */
    public static final String STAGE_BATCH_SIZE = "crossview.stage.batch.size";
    /** Time to handle one batch (model inference included), tagged {@code stage}; a histogram. */
    public static final String STAGE_BATCH_LATENCY = "crossview.stage.batch.latency";
    /** Seconds from a record's timestamp to its commit, per {@code stage} and {@code camera}. */
    public static final String CAMERA_LAG = "crossview.camera.lag";
    /** Records sent to dead-letters, tagged {@code topic} (where they came from) and {@code stage}. */
    public static final String DEAD_LETTERS = "crossview.dead.letters";
    /** Frames a camera published, tagged {@code camera}. */
    public static final String CAMERA_FRAMES = "crossview.camera.frames";
    /** Frames a camera dropped (queue full or not acknowledged), tagged {@code camera}. */
    public static final String CAMERA_DROPS = "crossview.camera.drops";
    /** Frames per second a camera published over its last report, tagged {@code camera}. */
    public static final String CAMERA_FPS = "crossview.camera.fps";
    /** 1 while a camera is connected, tagged {@code camera}. */
    public static final String CAMERA_UP = "crossview.camera.up";
    /** Identity events the linker emitted, tagged {@code state} (new, matched, tracked, pending, corrected). */
    public static final String MATCHER_EVENTS = "crossview.matcher.events";
    /** Identities in the gallery of this matcher instance. */
    public static final String MATCHER_IDENTITIES = "crossview.matcher.identities";
    /** Tracks the linker attached to an identity it already knew. */
    public static final String MATCHER_LINKS = "crossview.matcher.links";
    /** Tracks a re-assignment round moved to another identity. */
    public static final String MATCHER_CORRECTIONS = "crossview.matcher.corrections";
    /** Tracks still gathering evidence before the linker decides. */
    public static final String MATCHER_PENDING_TRACKS = "crossview.matcher.pending.tracks";
    /** 1 for the model a stage runs, tagged {@code stage} and {@code model}. */
    public static final String MODEL_INFO = "crossview.model.info";

    /** The meters every running pipeline shows, whatever its cameras do. */
    public static final List<String> PIPELINE = List.of(STAGE_RECORDS, STAGE_BATCH_SIZE, STAGE_BATCH_LATENCY, CAMERA_LAG,
            DEAD_LETTERS, MATCHER_EVENTS, MATCHER_IDENTITIES, MATCHER_LINKS, MATCHER_CORRECTIONS,
            MATCHER_PENDING_TRACKS, MODEL_INFO);

    private MeterNames() {
    }
}

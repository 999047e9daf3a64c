package io.crossview.deploy.run;

import io.crossview.common.kafka.KafkaConnection;
import io.crossview.matcher.MatcherFile;
import io.crossview.matcher.linking.SiteTopology;
import java.nio.file.Path;

/**
 * What one in-process pipeline run writes and where it finds Kafka.
 *
 * @param kafka       the cluster to use; null: start an embedded broker
 * @param annotations frames per camera to draw identity boxes on (0: none)
 * @param realtime    pace sources to their capture times, as live cameras (latency needs it)
 * @param matcher     the matcher's tracker and linker settings (its topology is {@code topology})
 */
public record RunSettings(String command, Path out, KafkaConnection kafka, String topicPrefix, DetectionMode detection,
                          int annotations, boolean realtime, SiteTopology topology, boolean keepEmbeddings,
                          Path reidModel, Path harvestInto, MatcherFile matcher, boolean blurPeople) {
    public RunSettings(String command, Path out, KafkaConnection kafka, String topicPrefix, DetectionMode detection,
                       int annotations, boolean realtime) {
        this(command, out, kafka, topicPrefix, detection, annotations, realtime, null, false, null, null, null, false);
    }

    /** These settings with the embedder running {@code model} (null: the built-in one). */
    public RunSettings withReidModel(Path model) {
        return new RunSettings(command, out, kafka, topicPrefix, detection, annotations, realtime, topology,
                keepEmbeddings, model, harvestInto, matcher, blurPeople);
    }

    /** These settings with the run's harvest stored in the crop store at {@code store} once it drains (null: not). */
    public RunSettings withHarvestInto(Path store) {
        return new RunSettings(command, out, kafka, topicPrefix, detection, annotations, realtime, topology,
                keepEmbeddings, reidModel, store, matcher, blurPeople);
    }

    /** These settings with the matcher's tracker, harvest and linker settings from {@code file} (null: defaults). */
    public RunSettings withMatcher(MatcherFile file) {
        return new RunSettings(command, out, kafka, topicPrefix, detection, annotations, realtime, topology,
                keepEmbeddings, reidModel, harvestInto, file, blurPeople);
    }

    /** These settings with the people in annotated frames blurred (true) or drawn as they are. */
    public RunSettings withBlurPeople(boolean blur) {
        return new RunSettings(command, out, kafka, topicPrefix, detection, annotations, realtime, topology,
                keepEmbeddings, reidModel, harvestInto, matcher, blur);
    }

    public RunSettings {
        topology = topology == null ? SiteTopology.NONE : topology;
        matcher = matcher == null ? MatcherFile.DEFAULTS : matcher;
        if (out == null) {
            throw new IllegalArgumentException("no output folder");
        }
        if (annotations < 0) {
            throw new IllegalArgumentException("annotations must be >= 0");
        }
        topicPrefix = topicPrefix == null ? "" : topicPrefix;
        detection = detection == null ? DetectionMode.nanodet() : detection;
    }
}

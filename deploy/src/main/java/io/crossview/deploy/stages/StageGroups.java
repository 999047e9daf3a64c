package io.crossview.deploy.stages;

import io.crossview.common.topics.Topics;

/** Consumer group of each stage; prefixed like the topics so namespaces never share offsets. */
public final class StageGroups {
    private StageGroups() {
    }

    public static String detector(Topics topics) {
        return topics.prefix() + "crossview-detector";
    }

    public static String embedder(Topics topics) {
        return topics.prefix() + "crossview-embedder";
    }

    public static String cropCollector(Topics topics) {
        return topics.prefix() + "crossview-crop-collector";
    }
}

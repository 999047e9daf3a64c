package io.crossview.deploy.console;

import io.crossview.common.wire.CameraStatus;
import io.crossview.common.wire.ModelAnnouncement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/** Everything the console shows that it reads from the topics itself. */
final class ConsoleState {
    final CameraTiles tiles;
    final IdentityBook identities = new IdentityBook();
    private final Map<String, CameraStatus> statuses = new ConcurrentSkipListMap<>();
    private final List<ModelAnnouncement> models = new ArrayList<>();

    ConsoleState(int keptFrames) {
        this.tiles = new CameraTiles(keptFrames);
    }

    void status(CameraStatus status) {
        statuses.merge(status.getCamera(), status, (old, now) -> now.getAtMs() >= old.getAtMs() ? now : old);
    }

    /** The last status of each camera that reported one. */
    Map<String, CameraStatus> statuses() {
        return Map.copyOf(statuses);
    }

    synchronized void model(ModelAnnouncement announcement) {
        models.removeIf(m -> m.getName().equals(announcement.getName()) && m.getVersion().equals(announcement.getVersion()));
        models.add(announcement);
    }

    /** Every model announced, the newest first. */
    synchronized List<ModelAnnouncement> models() {
        return models.stream().sorted(Comparator.comparingLong(ModelAnnouncement::getCreatedMs).reversed()).toList();
    }

    /** Cameras seen in frames or in status reports. */
    List<String> cameras() {
        java.util.TreeSet<String> all = new java.util.TreeSet<>(tiles.cameras());
        all.addAll(statuses.keySet());
        return List.copyOf(all);
    }
}

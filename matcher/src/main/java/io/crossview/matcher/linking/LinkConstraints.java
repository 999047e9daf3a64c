package io.crossview.matcher.linking;

import io.crossview.common.wire.IdentityRecord;
import java.util.List;
import java.util.Map;

/**
 * Whether a track may be this identity given where the identity was seen: never on one camera
 * twice at once, never on two cameras at once unless they overlap, and coming from its latest
 * camera within that pair's transit window.
 */
final class LinkConstraints {
    private final TransitRules rules;
    private final Map<Long, List<Presence>> live;

    LinkConstraints(TransitRules rules, Map<Long, List<Presence>> live) {
        this.rules = rules;
        this.live = live;
    }

    boolean allows(IdentityRecord identity, String camera, String track, long firstMs) {
        Presence latest = null;
        for (Presence p : Presence.of(identity, live, track)) {
            if (p.lastMs() >= firstMs) {
                // on screen somewhere while this track was: only an overlapping camera may share it
                if (p.camera().equals(camera) || !rules.allows(p.camera(), camera, firstMs - p.lastMs())) {
                    return false;
                }
            } else if (latest == null || p.lastMs() > latest.lastMs()) {
                latest = p;
            }
        }
        return latest == null || rules.allows(latest.camera(), camera, firstMs - latest.lastMs());
    }

    /** The identity's latest presence before {@code firstMs} on another camera, if that was its latest at all. */
    Presence cameFrom(IdentityRecord identity, String camera, String track, long firstMs) {
        Presence latest = null;
        for (Presence p : Presence.of(identity, live, track)) {
            if (p.firstMs() < firstMs && (latest == null || p.lastMs() > latest.lastMs())) {
                latest = p;
            }
        }
        return latest == null || latest.camera().equals(camera) ? null : latest;
    }
}

package io.crossview.matcher.linking;

import io.crossview.matcher.calibration.Calibration;
import io.crossview.common.wire.IdentityRecord;
import io.crossview.common.wire.Prototype;
import io.crossview.common.wire.Vector;
import io.crossview.matcher.tracking.Vectors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * An identity's appearance memory, cluster-memory style: a few prototypes per model version;
 * a finished tracklet is folded with momentum into the prototype it resembles, or becomes a
 * new one when it shows a different view; an identity resembles a track as much as its
 * closest prototype of the track's model. Only the two newest models are kept, so after a
 * model switch the gallery is rebuilt from new embeddings while old ones age out.
 */
public final class Prototypes {
    static final int VERSIONS_KEPT = 2;

    private Prototypes() {
    }

    /** The record in its current shape: an old single-prototype record becomes one prototype. */
    public static IdentityRecord upgrade(IdentityRecord record) {
        if (record.getPrototypesCount() > 0 || record.getPrototype().getValuesCount() == 0) {
            return record;
        }
        return record.toBuilder()
                .addPrototypes(Prototype.newBuilder().setModelVersion(record.getModelVersion())
                        .setVector(record.getPrototype()).setTracklets(Math.max(1, record.getTracklets()))
                        .setUpdatedMs(record.getLastSeenMs()))
                .clearPrototype().clearModelVersion().build();
    }

    /** Highest cosine between {@code vector} and a prototype of {@code modelVersion}; -1 when it has none. */
    public static double similarity(IdentityRecord record, Vector vector, String modelVersion) {
        double best = -1;
        for (Prototype p : record.getPrototypesList()) {
            if (p.getModelVersion().equals(modelVersion)) {
                best = Math.max(best, Vectors.cosine(p.getVector(), vector));
            }
        }
        return best;
    }

    /** The prototypes of one model, as rows for the gallery index. */
    public static List<float[]> rows(IdentityRecord record, String modelVersion) {
        List<float[]> rows = new ArrayList<>();
        for (Prototype p : record.getPrototypesList()) {
            if (p.getModelVersion().equals(modelVersion)) {
                float[] row = new float[p.getVector().getValuesCount()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = p.getVector().getValues(i);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** The model versions the record holds prototypes of. */
    public static List<String> versions(IdentityRecord record) {
        LinkedHashSet<String> versions = new LinkedHashSet<>();
        record.getPrototypesList().forEach(p -> versions.add(p.getModelVersion()));
        return List.copyOf(versions);
    }

    /** The record after a finished tracklet with mean embedding {@code mean} was folded into it. */
    public static IdentityRecord fold(IdentityRecord record, Vector mean, String modelVersion, long nowMs,
                                      LinkerParams params, Calibration calibration) {
        List<Prototype> mine = new ArrayList<>();
        List<Prototype> others = new ArrayList<>();
        for (Prototype p : record.getPrototypesList()) {
            (p.getModelVersion().equals(modelVersion) ? mine : others).add(p);
        }
        int nearest = -1;
        double best = -2;
        for (int i = 0; i < mine.size(); i++) {
            double s = Vectors.cosine(mine.get(i).getVector(), mean);
            if (s > best) {
                best = s;
                nearest = i;
            }
        }
        boolean newView = nearest < 0
                || (calibration.sameTrack(best) < params.prototypeProbability() && mine.size() < params.maxPrototypes());
        if (newView) {
            mine.add(Prototype.newBuilder().setModelVersion(modelVersion).setVector(mean).setTracklets(1)
                    .setUpdatedMs(nowMs).build());
        } else {
            Prototype p = mine.get(nearest);
            mine.set(nearest, p.toBuilder().setVector(Vectors.blend(p.getVector(), mean, params.prototypeMomentum()))
                    .setTracklets(p.getTracklets() + 1).setUpdatedMs(nowMs).build());
        }
        return record.toBuilder().clearPrototypes().addAllPrototypes(mine)
                .addAllPrototypes(newestVersions(others, VERSIONS_KEPT - 1)).build();
    }

    /** Replaces the prototypes of a version with one vector: a founder's evidence before its tracklet ends. */
    public static IdentityRecord seed(IdentityRecord record, Vector vector, String modelVersion, long nowMs) {
        IdentityRecord.Builder out = record.toBuilder().clearPrototypes();
        for (Prototype p : record.getPrototypesList()) {
            if (!p.getModelVersion().equals(modelVersion)) {
                out.addPrototypes(p);
            }
        }
        return out.addPrototypes(Prototype.newBuilder().setModelVersion(modelVersion).setVector(vector)
                .setTracklets(0).setUpdatedMs(nowMs)).build();
    }

    private static List<Prototype> newestVersions(List<Prototype> prototypes, int versions) {
        List<String> keep = prototypes.stream()
                .sorted(Comparator.comparingLong(Prototype::getUpdatedMs).reversed())
                .map(Prototype::getModelVersion).distinct().limit(versions).toList();
        return prototypes.stream().filter(p -> keep.contains(p.getModelVersion())).toList();
    }
}

package io.crossview.trainer.eval;

import com.google.protobuf.ByteString;
import io.crossview.common.wire.HarvestedCrop;
import io.crossview.trainer.store.CropStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The crop store divided for evaluation: identities held out of training, and their crops split
 * into queries and gallery in the manner of Market-1501.
 *
 * <p><b>Which identities.</b> A label is held out when a hash of the seed and the label string
 * falls below the fraction ({@link Rule#isHeldOut}). It depends on nothing else, so the same
 * store always gives the same split, and a label never changes side as crops arrive: the model
 * is never trained on an identity it is later measured on. Held-out labels that cannot be
 * evaluated (below) stay held out for the same reason.
 *
 * <p><b>Queries and gallery, per held-out identity.</b> Crops are ranked best first: higher
 * quality, then (ties) smaller JPEG bytes, so the choice never depends on store order.
 * <ul>
 * <li>Seen by two or more cameras: one query per camera, its best crop; every other crop is
 *     gallery, those of the query's own camera included (the metric ignores them for this
 *     identity, as Market-1501 does, and they stay as negatives for everyone else). A query that
 *     would have no crop of another camera left in the gallery (every other camera gave its only
 *     crop as a query) goes back to the gallery, the first such camera by name first, so every
 *     query has a true match and no crop is wasted.
 * <li>Seen by one camera: cross-track re-id. The best crop is the only query; the gallery holds
 *     the crops of the <em>other</em> tracks only, since crops of the query's own track are near
 *     copies of it. An identity with a single track has nothing to match and is left out.
 * </ul>
 * The metric drops gallery crops of the query's identity and camera; to make it drop "the same
 * track" instead for single-camera identities, each crop carries a {@link HeldOutCrop#view}: the
 * camera when the identity has several cameras, the track when it has one.
 *
 * @param trainLabels   labels to train on, sorted
 * @param heldOutLabels labels kept out of training, sorted; those with no query are not evaluated
 * @param query         one crop per held-out identity and camera (or one per single-camera identity)
 * @param gallery       what the queries are ranked against
 */
public record HeldOutSplit(List<String> trainLabels, List<String> heldOutLabels, List<HeldOutCrop> query,
                           List<HeldOutCrop> gallery) {
    /** Ranking with one true match is trivial, so evaluation needs at least this many identities. */
    public static final int MIN_IDENTITIES = 2;

    private static final Comparator<HarvestedCrop> BEST_FIRST = Comparator
            .comparingDouble((HarvestedCrop c) -> -c.getQuality())
            .thenComparing(HarvestedCrop::getJpeg, ByteString.unsignedLexicographicalComparator());

    public HeldOutSplit {
        trainLabels = List.copyOf(trainLabels);
        heldOutLabels = List.copyOf(heldOutLabels);
        query = List.copyOf(query);
        gallery = List.copyOf(gallery);
    }

    /**
     * Which labels are held out.
     *
     * @param fraction the share of labels held out, in (0, 1]; 1 holds out everything (a store kept
     *                 only for evaluation)
     * @param seed     another seed gives another, independent split
     */
    public record Rule(double fraction, long seed) {
        public static final double DEFAULT_FRACTION = 0.2;

        public Rule {
            if (!(fraction > 0 && fraction <= 1)) {
                throw new IllegalArgumentException("held-out fraction must be in (0, 1], got " + fraction);
            }
        }

        public static Rule defaults() {
            return new Rule(DEFAULT_FRACTION, 0);
        }

        /** Whether the label is held out: SHA-256 of seed and label, read as a number in [0, 1). */
        public boolean isHeldOut(String label) {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                sha.update(ByteBuffer.allocate(Long.BYTES).putLong(seed).array());
                byte[] digest = sha.digest(label.getBytes(StandardCharsets.UTF_8));
                double position = (ByteBuffer.wrap(digest).getLong() >>> 11) / (double) (1L << 53);
                return position < fraction;
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }
    }

    /** The split of everything in the store; only the held-out crops are kept in memory. */
    public static HeldOutSplit of(CropStore store, Rule rule) throws IOException {
        Sorter sorter = new Sorter(rule);
        store.forEach(sorter::add);
        return sorter.split();
    }

    /** The split of the given crops, labelled as the store labels them ({@link CropStore#label}). */
    public static HeldOutSplit of(Iterable<HarvestedCrop> crops, Rule rule) {
        Sorter sorter = new Sorter(rule);
        crops.forEach(sorter::add);
        return sorter.split();
    }

    /** How many identities have queries: the ones the figures are about. */
    public int evaluatedIdentities() {
        return (int) query.stream().mapToInt(HeldOutCrop::identity).distinct().count();
    }

    /** One line on what the split holds. */
    public String summary() {
        return trainLabels.size() + " identities to train on, " + heldOutLabels.size() + " held out ("
                + evaluatedIdentities() + " evaluated): " + query.size() + " queries, " + gallery.size() + " gallery";
    }

    /** Sorts crops into training labels and held-out crops by label. */
    private static final class Sorter {
        private final Rule rule;
        private final TreeSet<String> train = new TreeSet<>();
        private final TreeMap<String, List<HarvestedCrop>> heldOut = new TreeMap<>();
        private final Map<String, Boolean> sides = new HashMap<>();

        Sorter(Rule rule) {
            this.rule = rule;
        }

        void add(HarvestedCrop crop) {
            String label = CropStore.label(crop);
            if (sides.computeIfAbsent(label, rule::isHeldOut)) {
                heldOut.computeIfAbsent(label, l -> new ArrayList<>()).add(crop);
            } else {
                train.add(label);
            }
        }

        HeldOutSplit split() {
            List<HeldOutCrop> query = new ArrayList<>();
            List<HeldOutCrop> gallery = new ArrayList<>();
            int identity = 0;
            for (Map.Entry<String, List<HarvestedCrop>> e : heldOut.entrySet()) {
                identity++;
                List<HarvestedCrop> crops = new ArrayList<>(e.getValue());
                crops.sort(BEST_FIRST);
                boolean oneCamera = crops.stream().map(c -> c.getFrame().getCamera()).distinct().count() == 1;
                if (oneCamera) {
                    acrossTracks(e.getKey(), identity, crops, query, gallery);
                } else {
                    acrossCameras(e.getKey(), identity, crops, query, gallery);
                }
            }
            HeldOutSplit split = new HeldOutSplit(List.copyOf(train), List.copyOf(heldOut.keySet()), query, gallery);
            if (split.evaluatedIdentities() < MIN_IDENTITIES) {
                throw new IllegalStateException("only " + split.evaluatedIdentities() + " of " + heldOut.size()
                        + " held-out identities (of " + (heldOut.size() + train.size()) + ") can be evaluated, need "
                        + MIN_IDENTITIES + ": an identity needs crops from two cameras, or from two tracks of one"
                        + " camera; harvest more, or hold out a larger fraction (now " + rule.fraction() + ")");
            }
            return split;
        }

        private static void acrossCameras(String label, int identity, List<HarvestedCrop> bestFirst,
                                          List<HeldOutCrop> query, List<HeldOutCrop> gallery) {
            Map<String, List<HarvestedCrop>> byCamera = new TreeMap<>();
            bestFirst.forEach(c -> byCamera.computeIfAbsent(c.getFrame().getCamera(), k -> new ArrayList<>()).add(c));
            Map<String, Integer> views = new HashMap<>();
            byCamera.keySet().forEach(camera -> views.put(camera, views.size() + 1));
            Map<String, Integer> galleryCounts = new HashMap<>();
            byCamera.forEach((camera, crops) -> galleryCounts.put(camera, crops.size() - 1));
            Map<String, HarvestedCrop> queries = new LinkedHashMap<>();
            byCamera.forEach((camera, crops) -> queries.put(camera, crops.get(0)));
            // a query is evaluable while another camera keeps a crop in the gallery; giving one
            // back can only give the others a match, so this ends with every query matched
            String unmatched;
            while ((unmatched = unmatched(queries.keySet(), galleryCounts)) != null) {
                queries.remove(unmatched);
                galleryCounts.merge(unmatched, 1, Integer::sum);
            }
            for (HarvestedCrop crop : bestFirst) {
                String camera = crop.getFrame().getCamera();
                HeldOutCrop held = held(label, identity, crop, views.get(camera));
                (queries.get(camera) == crop ? query : gallery).add(held);
            }
        }

        private static String unmatched(Iterable<String> queryCameras, Map<String, Integer> galleryCounts) {
            int total = galleryCounts.values().stream().mapToInt(Integer::intValue).sum();
            for (String camera : queryCameras) {
                if (total - galleryCounts.get(camera) == 0) {
                    return camera;
                }
            }
            return null;
        }

        private static void acrossTracks(String label, int identity, List<HarvestedCrop> bestFirst,
                                         List<HeldOutCrop> query, List<HeldOutCrop> gallery) {
            Map<Long, Integer> views = new HashMap<>();
            bestFirst.stream().map(HarvestedCrop::getTrackId).sorted().distinct()
                    .forEach(track -> views.put(track, views.size() + 1));
            if (views.size() < 2) {
                return; // one camera, one track: nothing to find it among
            }
            HarvestedCrop first = bestFirst.get(0);
            query.add(held(label, identity, first, views.get(first.getTrackId())));
            for (HarvestedCrop crop : bestFirst) {
                if (crop.getTrackId() != first.getTrackId()) {
                    gallery.add(held(label, identity, crop, views.get(crop.getTrackId())));
                }
            }
        }

        private static HeldOutCrop held(String label, int identity, HarvestedCrop crop, int view) {
            return new HeldOutCrop(label, identity, crop.getFrame().getCamera(), crop.getTrackId(), view,
                    crop.getQuality(), crop.getJpeg());
        }
    }
}

package io.crossview.trainer.train;

import io.crossview.common.image.Jpeg;
import io.crossview.common.wire.HarvestedCrop;
import io.crossview.embedder.runtime.Preprocessing;
import io.crossview.trainer.store.CropStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The pictures a training job learns from, decoded once and preprocessed exactly as the embedder
 * will preprocess them in deployment, with their weak labels (the matcher's identities, as
 * classes 0..C-1) and must-link groups (pictures of one track are one person).
 */
public final class TrainingSet {
    private final Preprocessing preprocessing;
    private final float[][] pictures;
    private final int[] classes;
    private final int[] tracks;
    private final List<String> classLabels;

    private TrainingSet(Preprocessing preprocessing, float[][] pictures, int[] classes, int[] tracks,
                        List<String> classLabels) {
        this.preprocessing = preprocessing;
        this.pictures = pictures;
        this.classes = classes;
        this.tracks = tracks;
        this.classLabels = List.copyOf(classLabels);
    }

    /**
     * The crops of the given store labels ({@code site/identity}); classes are numbered by label
     * order, tracks by (camera, track id) so that must-links never cross cameras.
     */
    public static TrainingSet fromStore(CropStore store, List<String> labels, Preprocessing preprocessing)
            throws java.io.IOException {
        List<HarvestedCrop> crops = new ArrayList<>();
        List<String> cropLabels = new ArrayList<>();
        for (String label : labels) {
            for (HarvestedCrop crop : store.crops(label)) {
                crops.add(crop);
                cropLabels.add(label);
            }
        }
        return of(crops, cropLabels, preprocessing);
    }

    /** Crops with their class labels, in that order. */
    public static TrainingSet of(List<HarvestedCrop> crops, List<String> labels, Preprocessing preprocessing) {
        if (crops.size() != labels.size()) {
            throw new IllegalArgumentException(crops.size() + " crops but " + labels.size() + " labels");
        }
        TreeMap<String, Integer> classOf = new TreeMap<>();
        labels.forEach(l -> classOf.putIfAbsent(l, 0));
        int next = 0;
        for (Map.Entry<String, Integer> e : classOf.entrySet()) {
            e.setValue(next++);
        }
        Map<String, Integer> trackOf = new HashMap<>();
        float[][] pictures = new float[crops.size()][];
        int[] classes = new int[crops.size()];
        int[] tracks = new int[crops.size()];
        for (int i = 0; i < crops.size(); i++) {
            HarvestedCrop crop = crops.get(i);
            pictures[i] = new float[preprocessing.floatsPerCrop()];
            try (Mat bgr = Jpeg.decode(crop.getJpeg().toByteArray())) {
                preprocessing.fill(bgr, pictures[i], 0);
            }
            classes[i] = classOf.get(labels.get(i));
            tracks[i] = crop.getTrackId() == 0 ? -1
                    : trackOf.computeIfAbsent(crop.getFrame().getCamera() + "/" + crop.getTrackId(), k -> trackOf.size());
        }
        return new TrainingSet(preprocessing, pictures, classes, tracks, new ArrayList<>(classOf.keySet()));
    }

    public Preprocessing preprocessing() {
        return preprocessing;
    }

    public int size() {
        return pictures.length;
    }

    /** Weak label of each picture: the matcher's identity, numbered 0..classCount-1. */
    public int[] classes() {
        return classes.clone();
    }

    public int classCount() {
        return classLabels.size();
    }

    /** The store label ({@code site/identity}) of class {@code c}. */
    public String classLabel(int c) {
        return classLabels.get(c);
    }

    /** Must-link group of each picture (its track), or -1 where the track is unknown. */
    public int[] tracks() {
        return tracks.clone();
    }

    /** Picture {@code i} as preprocessed, channel-first (shared: read it, do not write it). */
    public float[] picture(int i) {
        return pictures[i];
    }

    /** The pictures {@code indices} as one NCHW batch, as preprocessed. */
    public float[] batch(int[] indices) {
        return batch(indices, Augmentation.NONE, null);
    }

    /** As {@link #batch(int[])}, each picture augmented with draws from {@code random}. */
    public float[] batch(int[] indices, Augmentation augmentation, java.util.SplittableRandom random) {
        int per = preprocessing.floatsPerCrop();
        float[] out = new float[indices.length * per];
        for (int i = 0; i < indices.length; i++) {
            if (augmentation.equals(Augmentation.NONE)) {
                System.arraycopy(pictures[indices[i]], 0, out, i * per, per);
            } else {
                augmentation.apply(pictures[indices[i]], out, i * per, preprocessing, random);
            }
        }
        return out;
    }
}

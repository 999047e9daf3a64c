package io.crossview.matcher.tracking;

import io.crossview.common.wire.Vector;
import java.util.List;

/** Small vector arithmetic on embeddings. */
public final class Vectors {
    private Vectors() {
    }

    /** Cosine similarity; 0 when either side is missing or the sizes differ. */
    public static double cosine(List<Float> a, List<Float> b) {
        if (a.isEmpty() || a.size() != b.size()) {
            return 0;
        }
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.size(); i++) {
            double x = a.get(i);
            double y = b.get(i);
            dot += x * y;
            na += x * x;
            nb += y * y;
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    public static double cosine(Vector a, Vector b) {
        return cosine(a.getValuesList(), b.getValuesList());
    }

    /** momentum * old + (1 - momentum) * update, L2-normalised: a slowly moving prototype. */
    public static Vector blend(Vector old, Vector update, double momentum) {
        if (old.getValuesCount() != update.getValuesCount()) {
            return update;
        }
        float[] mixed = new float[old.getValuesCount()];
        double norm = 0;
        for (int i = 0; i < mixed.length; i++) {
            mixed[i] = (float) (momentum * old.getValues(i) + (1 - momentum) * update.getValues(i));
            norm += mixed[i] * mixed[i];
        }
        norm = Math.sqrt(norm);
        Vector.Builder out = Vector.newBuilder();
        for (float v : mixed) {
            out.addValues(norm == 0 ? 0 : (float) (v / norm));
        }
        return out.build();
    }
}

package io.crossview.eval.composite;

/**
 * A person on one camera: their {@code stretch}-th stretch shown from composite frame
 * {@code start} for {@code frames} frames.
 */
public record Visit(int person, int camera, int stretch, int start, int frames, Placement placement) {
    public Visit {
        if (start < 0 || frames < 1) {
            throw new IllegalArgumentException("visit of person " + person + " needs start >= 0 and frames >= 1, got "
                    + start + ", " + frames);
        }
    }

    /** The last composite frame of the visit. */
    public int end() {
        return start + frames - 1;
    }

    public boolean covers(int frame) {
        return frame >= start && frame <= end();
    }
}

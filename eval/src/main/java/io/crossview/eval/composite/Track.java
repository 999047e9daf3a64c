package io.crossview.eval.composite;

import java.util.Arrays;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.TreeMap;

/** One walk as the tracker followed it: a box per source frame it was detected in. */
public record Track(int id, NavigableMap<Integer, Box> boxes) {
    public Track {
        if (boxes.isEmpty()) {
            throw new IllegalArgumentException("track " + id + " has no boxes");
        }
        boxes = Collections.unmodifiableNavigableMap(new TreeMap<>(boxes));
    }

    public int first() {
        return boxes.firstKey();
    }

    public int last() {
        return boxes.lastKey();
    }

    public Box box(int frame) {
        return boxes.get(frame);
    }

    /**
     * The track with each box edge replaced by its median over the boxes within {@code radius}
     * frames. A detector's box flickers by a few pixels from frame to frame while the person
     * does not; cut-outs and ground truth from the steadied boxes do not jitter.
     */
    public Track smoothed(int radius) {
        TreeMap<Integer, Box> out = new TreeMap<>();
        for (int frame : boxes.keySet()) {
            Box[] near = boxes.subMap(frame - radius, true, frame + radius, true).values().toArray(Box[]::new);
            int left = median(near, 0);
            int top = median(near, 1);
            int right = median(near, 2);
            int bottom = median(near, 3);
            out.put(frame, right > left && bottom > top ? new Box(left, top, right - left, bottom - top)
                    : boxes.get(frame));
        }
        return new Track(id, out);
    }

    private static int median(Box[] near, int edge) {
        int[] v = new int[near.length];
        for (int i = 0; i < near.length; i++) {
            Box b = near[i];
            v[i] = switch (edge) {
                case 0 -> b.x();
                case 1 -> b.y();
                case 2 -> b.right();
                default -> b.bottom();
            };
        }
        Arrays.sort(v);
        return v[(v.length - 1) / 2];
    }
}

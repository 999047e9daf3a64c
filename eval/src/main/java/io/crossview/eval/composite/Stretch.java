package io.crossview.eval.composite;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** Consecutive source frames {@code first..last}, both included. */
public record Stretch(int first, int last) {
    public Stretch {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("bad stretch " + first + ".." + last);
        }
    }

    public int length() {
        return last - first + 1;
    }

    public boolean overlaps(Stretch o) {
        return first <= o.last && o.first <= last;
    }

    /** The maximal runs of consecutive frames among {@code frames}. */
    public static List<Stretch> runs(Collection<Integer> frames) {
        List<Stretch> out = new ArrayList<>();
        Integer start = null;
        Integer previous = null;
        for (int f : new TreeSet<>(frames)) {
            if (previous != null && f != previous + 1) {
                out.add(new Stretch(start, previous));
                start = null;
            }
            if (start == null) {
                start = f;
            }
            previous = f;
        }
        if (start != null) {
            out.add(new Stretch(start, previous));
        }
        return out;
    }

    @Override
    public String toString() {
        return first + "-" + last;
    }
}

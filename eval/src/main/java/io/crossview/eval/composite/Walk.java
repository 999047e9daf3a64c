package io.crossview.eval.composite;

import java.util.List;

/**
 * One real person as the composite uses them: their tracker track in the source and the
 * disjoint stretches of it that the cameras show, one per visit, in time order.
 *
 * @param person the global identity id, 1..people
 */
public record Walk(int person, Track track, List<Stretch> stretches) {
    public Walk {
        stretches = List.copyOf(stretches);
        for (int i = 1; i < stretches.size(); i++) {
            if (stretches.get(i).first() <= stretches.get(i - 1).last()) {
                throw new IllegalArgumentException("stretches of person " + person + " overlap: " + stretches);
            }
        }
    }
}

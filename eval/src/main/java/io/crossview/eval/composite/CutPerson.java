package io.crossview.eval.composite;

import java.util.List;

/**
 * A person cut out of the source: their walk and, for each of its stretches, one sprite per
 * source frame (the cut-out of the detection box {@code walk.track().box(frame)}).
 */
public record CutPerson(Walk walk, List<List<Sprite>> sprites) {
    public CutPerson {
        sprites = sprites.stream().map(List::copyOf).toList();
        if (sprites.size() != walk.stretches().size()) {
            throw new IllegalArgumentException("person " + walk.person() + ": " + sprites.size() + " sprite lists for "
                    + walk.stretches().size() + " stretches");
        }
        for (int i = 0; i < sprites.size(); i++) {
            if (sprites.get(i).size() != walk.stretches().get(i).length()) {
                throw new IllegalArgumentException("person " + walk.person() + ": stretch " + i + " has "
                        + sprites.get(i).size() + " sprites for " + walk.stretches().get(i).length() + " frames");
            }
        }
    }

    public int id() {
        return walk.person();
    }

    public Stretch stretch(int visit) {
        return walk.stretches().get(visit);
    }

    /** The source box of the {@code offset}-th frame of a visit's stretch. */
    public Box box(int visit, int offset) {
        return walk.track().box(stretch(visit).first() + offset);
    }

    public Sprite sprite(int visit, int offset) {
        return sprites.get(visit).get(offset);
    }
}

package io.crossview.eval.composite;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/** Cut-out people for tests that need no video: solid 20 x 50 boxes walking right 3 px a frame. */
final class CutPeople {
    private CutPeople() {
    }

    /** Person {@code id} whose source walk starts at ({@code x0}, {@code y0}) and whose stretches are given. */
    static CutPerson walking(int id, int x0, int y0, Stretch... stretches) {
        TreeMap<Integer, Box> boxes = new TreeMap<>();
        List<List<Sprite>> sprites = new ArrayList<>();
        for (Stretch s : stretches) {
            List<Sprite> frames = new ArrayList<>();
            for (int f = s.first(); f <= s.last(); f++) {
                boxes.put(f, new Box(x0 + 3 * f, y0, 20, 50));
                frames.add(solid(20, 50, id * 40));
            }
            sprites.add(frames);
        }
        return new CutPerson(new Walk(id, new Track(id, boxes), List.of(stretches)), sprites);
    }

    /** A sprite of one colour, wholly the person. */
    static Sprite solid(int w, int h, int grey) {
        byte[] bgr = new byte[w * h * 3];
        Arrays.fill(bgr, (byte) grey);
        byte[] alpha = new byte[w * h];
        Arrays.fill(alpha, (byte) 255);
        return new Sprite(w, h, bgr, alpha, w * h);
    }
}

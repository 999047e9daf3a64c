package io.crossview.detector;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The people of vtest.avi frames 0, 100, ..., 700 as labelled by eye ({@code vtest-people.csv}),
 * and the detection figures against them: a box is found when a detection overlaps it by IoU
 * 0.5 or more, each detection matching one person at most, best score first.
 */
public final class VtestPeople {
    public static final int[] FRAMES = {0, 100, 200, 300, 400, 500, 600, 700};

    /** Found and missed people, and false detections, summed over frames. */
    public record Score(int people, int found, int detections) {
        public double recall() {
            return people == 0 ? 0 : found / (double) people;
        }

        public double precision() {
            return detections == 0 ? 0 : found / (double) detections;
        }

        Score plus(Score o) {
            return new Score(people + o.people, found + o.found, detections + o.detections);
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "recall %.3f (%d of %d people), precision %.3f (%d boxes)",
                    recall(), found, people, precision(), detections);
        }
    }

    private VtestPeople() {
    }

    /** Frame index to its people. */
    public static Map<Integer, List<PersonBox>> truth() throws IOException {
        Map<Integer, List<PersonBox>> out = new TreeMap<>();
        try (InputStream in = VtestPeople.class.getResourceAsStream("vtest-people.csv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",");
                out.computeIfAbsent(Integer.parseInt(f[0]), k -> new ArrayList<>()).add(new PersonBox(
                        Integer.parseInt(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]), Integer.parseInt(f[4]), 1));
            }
        }
        return out;
    }

    /** The figures of one frame's detections (best first) against its people. */
    public static Score score(List<PersonBox> people, List<PersonBox> detections) {
        boolean[] taken = new boolean[people.size()];
        int found = 0;
        for (PersonBox d : detections) {
            int best = -1;
            double bestIou = 0.5;
            for (int i = 0; i < people.size(); i++) {
                double iou = d.iou(people.get(i));
                if (!taken[i] && iou >= bestIou) {
                    best = i;
                    bestIou = iou;
                }
            }
            if (best >= 0) {
                taken[best] = true;
                found++;
            }
        }
        return new Score(people.size(), found, detections.size());
    }

    /** The sum of {@link #score} over frames. */
    public static Score total(Map<Integer, List<PersonBox>> truth, Map<Integer, List<PersonBox>> detections) {
        Score sum = new Score(0, 0, 0);
        for (Map.Entry<Integer, List<PersonBox>> e : truth.entrySet()) {
            sum = sum.plus(score(e.getValue(), detections.getOrDefault(e.getKey(), List.of())));
        }
        return sum;
    }
}

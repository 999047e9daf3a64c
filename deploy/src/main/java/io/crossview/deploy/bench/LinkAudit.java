package io.crossview.deploy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crossview.common.wire.Box;
import io.crossview.eval.mot.MotRow;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every identity decision of a run, judged by the ground truth: which person each track and
 * each identity mostly is (boxes given the person they overlap by IoU >= 0.5), then, in the
 * order they were made, whether a link joined a track to its own person's identity, to a
 * stranger's (on a camera that identity had shown before, or across cameras), or whether a
 * new identity was founded for a person who already had one. MTMC IDF1 says how good the
 * outcome is; this says which kind of decision to mend.
 */
final class LinkAudit {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LinkAudit() {
    }

    private record Event(String camera, long track, long identity, String state, long person) {
    }

    static ObjectNode of(Path identities, Path gt) throws IOException {
        List<Event> events = read(identities, gt);
        Map<String, Map<Long, Integer>> trackPeople = new HashMap<>();
        Map<Long, Map<Long, Integer>> identityPeople = new HashMap<>();
        for (Event e : events) {
            if (e.person() > 0) {
                trackPeople.computeIfAbsent(e.camera() + "/" + e.track(), k -> new HashMap<>()).merge(e.person(), 1, Integer::sum);
                identityPeople.computeIfAbsent(e.identity(), k -> new HashMap<>()).merge(e.person(), 1, Integer::sum);
            }
        }
        int right = 0;
        int wrongSameCamera = 0;
        int wrongCrossCamera = 0;
        int missed = 0;
        int first = 0;
        Set<Long> placed = new HashSet<>();
        Map<Long, Set<String>> camerasOf = new HashMap<>();
        for (Event e : events) {
            boolean decision = e.state().equals("new") || e.state().equals("matched") || e.state().equals("corrected");
            long person = majority(trackPeople.get(e.camera() + "/" + e.track()));
            if (decision && person > 0 && e.identity() != 0) {
                Set<String> seen = camerasOf.getOrDefault(e.identity(), Set.of());
                if (e.state().equals("new")) {
                    if (placed.contains(person)) {
                        missed++;
                    } else {
                        first++;
                    }
                } else if (majority(identityPeople.get(e.identity())) == person) {
                    right++;
                } else if (seen.contains(e.camera())) {
                    wrongSameCamera++;
                } else {
                    wrongCrossCamera++;
                }
                placed.add(person);
            }
            if (e.identity() != 0) {
                camerasOf.computeIfAbsent(e.identity(), k -> new HashSet<>()).add(e.camera());
            }
        }
        int links = right + wrongSameCamera + wrongCrossCamera;
        return JSON.createObjectNode()
                .put("links", links)
                .put("right_links", right)
                .put("wrong_links_same_camera", wrongSameCamera)
                .put("wrong_links_cross_camera", wrongCrossCamera)
                .put("missed_links", missed)
                .put("first_sightings", first)
                .put("link_precision", links == 0 ? Double.NaN : BenchAccuracy.round(right / (double) links))
                .put("link_recall", right + missed == 0 ? Double.NaN : BenchAccuracy.round(right / (double) (right + missed)));
    }

    private static long majority(Map<Long, Integer> counts) {
        if (counts == null) {
            return 0;
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0L);
    }

    private static List<Event> read(Path identities, Path gt) throws IOException {
        Map<String, Map<Integer, List<MotRow>>> truth = new HashMap<>();
        List<Event> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(identities)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode e = JSON.readTree(line);
                String camera = e.path("camera").asText();
                JsonNode b = e.path("box");
                Box box = Box.newBuilder().setX(b.path("x").floatValue()).setY(b.path("y").floatValue())
                        .setW(b.path("w").floatValue()).setH(b.path("h").floatValue()).build();
                List<MotRow> rows = truth.computeIfAbsent(camera, c -> LabelledPairs.load(gt, c))
                        .getOrDefault((int) e.path("seq").asLong() + 1, List.of());
                out.add(new Event(camera, e.path("track").asLong(), e.path("identity").asLong(),
                        e.path("state").asText(), LabelledPairs.personOf(box, rows)));
            }
        }
        return out;
    }
}

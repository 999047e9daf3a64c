package io.crossview.deploy.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns identity events into one MOTChallenge result file per camera, whose track ids are
 * the final global identity ids, so TrackEval, py-motmetrics or {@code crossview eval mot} can
 * score a run. Frame numbers are 1-based source frame numbers, as in MOTChallenge.
 */
public final class MotResults {
    private static final ObjectMapper JSON = new ObjectMapper();

    private MotResults() {
    }

    private static String track(JsonNode event) {
        return event.get("camera").asText() + "/" + event.get("track").asLong();
    }

    private record Row(long frame, long identity, long x, long y, long w, long h, double confidence) {
        String line() {
            return String.format(Locale.ROOT, "%d,%d,%d,%d,%d,%d,%.3f,-1,-1,-1", frame, identity, x, y, w, h, confidence);
        }
    }

    /**
     * Every track is written under its final identity: the last decision or correction the
     * matcher sent for it, as MTMC benchmarks score a tracker's final answer. A box the matcher
     * spoke of twice (a decision at a track's last frame) is written once.
     *
     * @return the number of camera files written
     */
    public static int write(Path identitiesJsonl, Path motDir) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        Map<String, Long> finalIdentity = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(identitiesJsonl)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                JsonNode event = JSON.readTree(line);
                events.add(event);
                if (event.get("identity").asLong() != 0) {
                    finalIdentity.put(track(event), event.get("identity").asLong());
                }
            }
        }
        Map<String, List<Row>> byCamera = new TreeMap<>();
        Set<String> written = new HashSet<>();
        for (JsonNode event : events) {
            Long identity = finalIdentity.get(track(event));
            if (identity == null || !written.add(track(event) + "#" + event.get("seq").asLong())) {
                continue;
            }
            JsonNode box = event.get("box");
            byCamera.computeIfAbsent(event.get("camera").asText(), c -> new ArrayList<>()).add(new Row(
                    event.get("seq").asLong() + 1, identity, box.get("x").asLong(),
                    box.get("y").asLong(), box.get("w").asLong(), box.get("h").asLong(),
                    event.get("confidence").asDouble()));
        }
        Files.createDirectories(motDir);
        for (Map.Entry<String, List<Row>> camera : byCamera.entrySet()) {
            List<Row> rows = camera.getValue();
            rows.sort(Comparator.comparingLong(Row::frame).thenComparingLong(Row::identity));
            try (BufferedWriter out = Files.newBufferedWriter(motDir.resolve(camera.getKey() + ".txt"))) {
                for (Row row : rows) {
                    out.write(row.line());
                    out.newLine();
                }
            }
        }
        return byCamera.size();
    }
}

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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns identity events into one MOTChallenge result file per camera, whose track ids are
 * the global identity ids, so TrackEval, py-motmetrics or {@code crossview eval mot} can
 * score a run. Frame numbers are 1-based source frame numbers, as in MOTChallenge.
 */
public final class MotResults {
    private static final ObjectMapper JSON = new ObjectMapper();

    private MotResults() {
    }

    private record Row(long frame, long identity, long x, long y, long w, long h, double confidence) {
        String line() {
            return String.format(Locale.ROOT, "%d,%d,%d,%d,%d,%d,%.3f,-1,-1,-1", frame, identity, x, y, w, h, confidence);
        }
    }

    /** @return the number of camera files written */
    public static int write(Path identitiesJsonl, Path motDir) throws IOException {
        Map<String, List<Row>> byCamera = new TreeMap<>();
        try (BufferedReader in = Files.newBufferedReader(identitiesJsonl)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                JsonNode event = JSON.readTree(line);
                JsonNode box = event.get("box");
                byCamera.computeIfAbsent(event.get("camera").asText(), c -> new ArrayList<>()).add(new Row(
                        event.get("seq").asLong() + 1, event.get("identity").asLong(), box.get("x").asLong(),
                        box.get("y").asLong(), box.get("w").asLong(), box.get("h").asLong(),
                        event.get("confidence").asDouble()));
            }
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

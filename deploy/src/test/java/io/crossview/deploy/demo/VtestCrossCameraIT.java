package io.crossview.deploy.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crossview.common.sample.SampleVideo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real cases from vtest.avi, run through the whole pipeline on the embedded broker. Box
 * positions were read off the video by eye; the camera halves are 384 px wide.
 */
@Tag("integration")
class VtestCrossCameraIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void frames620to730_theWomanInRedWalkingFromTheLeftHalfIntoTheRightKeepsOneIdentity() throws Exception {
        DemoSettings settings = new DemoSettings(SampleVideo.vtest(), dir.resolve("out"), null, "", 5, 620, 110);
        new DemoPipeline(settings, new PrintStream(new ByteArrayOutputStream())).run();
        List<JsonNode> events = read(settings.out().resolve("identities.jsonl"));

        // She crosses the left half rightwards (x 170 at frame 640, 279 at 662), leaves it at
        // frame ~674 and walks on in the right half (x 138 at frame 712).
        JsonNode onLeft = boxNear(events, "left", 662, 279, 152);
        JsonNode onLeftEarlier = boxNear(events, "left", 640, 170, 161);
        JsonNode onRight = boxNear(events, "right", 712, 138, 123);

        long identity = onLeft.get("identity").asLong();
        assertEquals(identity, onLeftEarlier.get("identity").asLong(), "one identity along the left half");
        assertEquals(identity, onRight.get("identity").asLong(), "the same identity after crossing into the right half");
    }

    private static JsonNode boxNear(List<JsonNode> events, String camera, long seq, int x, int y) {
        JsonNode best = events.stream()
                .filter(e -> e.get("camera").asText().equals(camera) && e.get("seq").asLong() == seq)
                .min(Comparator.comparingDouble(e -> distance(e, x, y)))
                .orElseThrow(() -> new AssertionError("no identity event on " + camera + " at frame " + seq));
        assertTrue(distance(best, x, y) < 20, "a box near (" + x + "," + y + ") on " + camera + " at " + seq + ": " + best);
        return best;
    }

    private static double distance(JsonNode event, int x, int y) {
        return Math.hypot(event.get("box").get("x").asInt() - x, event.get("box").get("y").asInt() - y);
    }

    private static List<JsonNode> read(Path jsonl) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        for (String line : Files.readAllLines(jsonl)) {
            events.add(JSON.readTree(line));
        }
        return events;
    }
}

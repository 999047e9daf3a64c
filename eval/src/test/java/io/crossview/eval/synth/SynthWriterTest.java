package io.crossview.eval.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesVideosMotGroundTruthTopologyAndWorldThatReadBack() throws Exception {
        WorldSpec spec = new WorldSpec(5, 2, 6, 3, 10, 320, 240);
        List<Long> progress = new ArrayList<>();
        AtomicLong totals = new AtomicLong();
        SynthWriter.Summary summary = SynthWriter.write(spec, dir, (written, total) -> {
            progress.add(written);
            totals.set(total);
        });
        assertEquals(List.of("cam1", "cam2"), summary.cameras());
        assertEquals(60, progress.size());
        assertEquals(60L, progress.get(59));
        assertEquals(60L, totals.get());

        long boxes = 0;
        for (String camera : summary.cameras()) {
            Path video = dir.resolve(camera + ".mp4");
            assertEquals(video, summary.video(camera));
            try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile())) {
                grabber.start();
                assertEquals(320, grabber.getImageWidth());
                assertEquals(240, grabber.getImageHeight());
                assertEquals(10, grabber.getFrameRate(), 0.01);
                int frames = 0;
                Frame f;
                while ((f = grabber.grabImage()) != null) {
                    frames++;
                }
                assertEquals(30, frames, camera);
            }
            List<String> lines = Files.readAllLines(dir.resolve(camera).resolve("gt").resolve("gt.txt"));
            Set<Integer> frames = new HashSet<>();
            for (String line : lines) {
                String[] c = line.split(",");
                assertEquals(9, c.length, line);
                int frame = Integer.parseInt(c[0]);
                int id = Integer.parseInt(c[1]);
                int x = Integer.parseInt(c[2]);
                int y = Integer.parseInt(c[3]);
                int w = Integer.parseInt(c[4]);
                int h = Integer.parseInt(c[5]);
                assertTrue(frame >= 1 && frame <= 30, line);
                assertTrue(id >= 1 && id <= 6, line);
                assertTrue(x >= 0 && y >= 0 && w > 0 && h > 0 && x + w <= 320 && y + h <= 240, line);
                assertEquals("1", c[6]);
                assertEquals("1", c[7]);
                double visibility = Double.parseDouble(c[8]);
                assertTrue(visibility >= 0 && visibility <= 1, line);
                frames.add(frame);
            }
            boxes += lines.size();
            assertTrue(Files.readString(dir.resolve(camera).resolve("seqinfo.ini")).contains("seqLength=30"));
        }
        assertEquals(summary.boxes(), boxes);
        assertTrue(boxes > 0);

        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        JsonNode topology = yaml.readTree(dir.resolve("topology.yaml").toFile());
        assertEquals("cam1", topology.get("cameras").get(0).asText());
        assertTrue(topology.get("overlaps").isArray());
        assertTrue(topology.get("connections").isArray());
        JsonNode world = yaml.readTree(dir.resolve("world.yaml").toFile());
        assertEquals(5, world.get("seed").asLong());
        assertEquals(2, world.get("cameras").asInt());
        assertEquals(30, world.get("frames").asInt());
        assertEquals("synth://CAMERA?seed=5&cameras=2&people=6&seconds=3&fps=10&width=320&height=240",
                world.get("source_uri").asText());
        assertEquals(6, world.get("identities").size());
        assertTrue(world.get("camera_views").get("cam2").has("white_balance_bgr"));
    }
}

package io.crossview.eval.composite;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.crossview.eval.mot.NoLinkingFloor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text files of a composite besides the ground truth: {@code topology.yaml} in the synthetic
 * world's format (so {@code crossview match --topology} reads it), {@code cameras.yaml} for
 * {@code crossview run --cameras}, {@code composite.yaml} with everything it was made from,
 * and each camera's MOTChallenge {@code seqinfo.ini}.
 */
final class CompositeFiles {
    static final String VIDEO_SUFFIX = ".mp4";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private CompositeFiles() {
    }

    static void writeYaml(Path file, Map<String, Object> document) throws IOException {
        YAML.writeValue(file.toFile(), document);
    }

    /** File sources pointing at the videos by absolute path, so the file works from any folder. */
    static Map<String, Object> cameras(Path dir, List<CameraView> views, double fps) {
        List<Map<String, Object>> cameras = new ArrayList<>();
        for (CameraView v : views) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", v.name());
            e.put("url", dir.toAbsolutePath().normalize().resolve(v.name() + VIDEO_SUFFIX).toString());
            e.put("fps", fps);
            cameras.add(e);
        }
        return Map.of("cameras", cameras);
    }

    static Map<String, Object> composite(CompositeSpec spec, PersonCutter.Result cut, List<CameraView> views,
                                         VisitPlan plan, double noLinkingFloor) {
        SourceVideo source = cut.source();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "composite of real people");
        m.put("seed", spec.seed());
        m.put("cameras", spec.cameras());
        m.put("people", cut.people().size());
        m.put("max_people", spec.maxPeople());
        m.put("fps", spec.fps());
        m.put("width", spec.width());
        m.put("height", spec.height());
        m.put("frames", plan.frames());
        Map<String, Object> src = new LinkedHashMap<>();
        src.put("file", source.file().getFileName().toString());
        src.put("sha256", source.sha256());
        src.put("width", source.width());
        src.put("height", source.height());
        src.put("fps", source.fps());
        src.put("frames", source.frames());
        src.put("detections", cut.detections());
        src.put("tracks", cut.tracks());
        src.put("walks", cut.walks());
        List<Map<String, Object>> repeats = new ArrayList<>();
        for (KnownRepeats.Repeat r : cut.leftOutRepeats()) {
            repeats.add(map("walk", r.walk(), "same_as", r.sameAs(), "who", r.who()));
        }
        src.put("left_out_repeats", repeats);
        m.put("source", src);
        Map<String, Object> timing = new LinkedHashMap<>();
        timing.put("transit_seconds", List.of(plan.timing().transitMin(), plan.timing().transitMax()));
        timing.put("people_per_camera_at_once", plan.timing().concurrency());
        m.put("timing", timing);
        m.put("video", map("file", "<camera>" + VIDEO_SUFFIX, "codec", "mpeg4"));
        Map<String, Object> gt = new LinkedHashMap<>();
        gt.put("file", "<camera>/gt/gt.txt");
        gt.put("columns", List.of("frame", "id", "x", "y", "w", "h", "conf", "class", "visibility"));
        gt.put("frames", "1-based: line frame N is composite frame N-1, at (N-1)/fps seconds");
        gt.put("pixels", "0-based left and top; the source detection box mapped into the view, clipped");
        gt.put("ids", "global identities 1..people, the same in every camera; one source track each");
        gt.put("visibility", "share of the person's mask not covered by nearer pasted people nor the picture border");
        m.put("ground_truth", gt);
        Map<String, Object> floor = new LinkedHashMap<>();
        floor.put("mtmc_idf1", Math.round(noLinkingFloor * 10000) / 10000.0);
        floor.put("meaning", "what a system scores with perfect tracks on each camera that it never links across "
                + "cameras (a person unseen on a camera for over " + NoLinkingFloor.DEFAULT_GAP_SECONDS
                + " s starts a new track); cross-camera linking has to beat it");
        m.put("floor", floor);
        Map<String, Object> cams = new LinkedHashMap<>();
        views.forEach(v -> cams.put(v.name(), v.describe()));
        m.put("camera_views", cams);
        Map<String, Object> people = new LinkedHashMap<>();
        for (CutPerson p : cut.people()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("source_track", p.walk().track().id());
            List<Map<String, Object>> visits = new ArrayList<>();
            for (Visit v : plan.visits()) {
                if (v.person() == p.id()) {
                    visits.add(map("camera", views.get(v.camera()).name(), "source_frames",
                            p.stretch(v.stretch()).toString(), "frames", (v.start() + 1) + "-" + (v.end() + 1)));
                }
            }
            e.put("visits", visits);
            people.put(Integer.toString(p.id()), e);
        }
        m.put("identities", people);
        return m;
    }

    static String seqInfo(String camera, CompositeSpec spec, int frames) {
        String fps = spec.fps() == Math.rint(spec.fps()) ? Long.toString((long) spec.fps()) : Double.toString(spec.fps());
        return "[Sequence]\nname=" + camera + "\nimDir=img1\nframeRate=" + fps + "\nseqLength=" + frames
                + "\nimWidth=" + spec.width() + "\nimHeight=" + spec.height() + "\nimExt=.jpg\nvideo=../" + camera
                + VIDEO_SUFFIX + "\n";
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}

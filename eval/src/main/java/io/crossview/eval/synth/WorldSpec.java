package io.crossview.eval.synth;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Everything that fixes a synthetic world: the same spec always gives the same pictures,
 * ground truth and topology.
 *
 * @param seed    drives every random choice (layout jitter, people, paths, camera looks, noise)
 * @param cameras how many of the site's camera positions are used, 1..{@value #MAX_CAMERAS}
 * @param people  identities that walk through the site, 0..{@value #MAX_PEOPLE}
 * @param seconds length of the recording
 * @param fps     frames per second of every camera
 * @param width   picture width in pixels (even: video encoders need it)
 * @param height  picture height in pixels (even)
 */
public record WorldSpec(long seed, int cameras, int people, double seconds, double fps, int width, int height) {
    public static final int MAX_CAMERAS = 8;
    public static final int MAX_PEOPLE = 500;
    public static final WorldSpec DEFAULT = new WorldSpec(1, 4, 12, 60, 10, 640, 480);

    public WorldSpec {
        if (cameras < 1 || cameras > MAX_CAMERAS) {
            throw new IllegalArgumentException("synth cameras must be 1.." + MAX_CAMERAS + ", got " + cameras);
        }
        if (people < 0 || people > MAX_PEOPLE) {
            throw new IllegalArgumentException("synth people must be 0.." + MAX_PEOPLE + ", got " + people);
        }
        if (!(seconds > 0 && seconds <= 86_400)) {
            throw new IllegalArgumentException("synth seconds must be in (0, 86400], got " + seconds);
        }
        if (!(fps > 0 && fps <= 120)) {
            throw new IllegalArgumentException("synth fps must be in (0, 120], got " + fps);
        }
        checkSide("width", width, 64, 4096);
        checkSide("height", height, 48, 4096);
        if (Math.round(seconds * fps) < 1) {
            throw new IllegalArgumentException("synth seconds*fps must give at least one frame, got " + seconds * fps);
        }
    }

    private static void checkSide(String name, int value, int min, int max) {
        if (value < min || value > max || value % 2 != 0) {
            throw new IllegalArgumentException("synth " + name + " must be an even number in " + min + ".." + max
                    + ", got " + value);
        }
    }

    /** Frames each camera records: seconds × fps, rounded. */
    public int frames() {
        return (int) Math.round(seconds * fps);
    }

    /** Camera ids: cam1..camN. */
    public String cameraId(int index) {
        return "cam" + (index + 1);
    }

    public WorldSpec withSeed(long newSeed) {
        return new WorldSpec(newSeed, cameras, people, seconds, fps, width, height);
    }

    public WorldSpec withSeconds(double newSeconds) {
        return new WorldSpec(seed, cameras, people, newSeconds, fps, width, height);
    }

    public WorldSpec withPeople(int newPeople) {
        return new WorldSpec(seed, cameras, newPeople, seconds, fps, width, height);
    }

    public WorldSpec withCameras(int newCameras) {
        return new WorldSpec(seed, newCameras, people, seconds, fps, width, height);
    }

    public WorldSpec withSize(int newWidth, int newHeight) {
        return new WorldSpec(seed, cameras, people, seconds, fps, newWidth, newHeight);
    }

    /**
     * Reads a query string such as {@code seed=7&cameras=4&people=12&seconds=60&fps=10&width=640&height=480};
     * every parameter is optional and falls back to {@link #DEFAULT}. Unknown, repeated or
     * malformed parameters are refused with a message that names them.
     */
    public static WorldSpec fromQuery(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&", -1)) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("synth parameter '" + pair + "' must look like name=value");
                }
                String name = pair.substring(0, eq).toLowerCase(Locale.ROOT);
                if (params.put(name, pair.substring(eq + 1)) != null) {
                    throw new IllegalArgumentException("synth parameter '" + name + "' is given twice");
                }
            }
        }
        WorldSpec d = DEFAULT;
        long seed = d.seed;
        int cameras = d.cameras;
        int people = d.people;
        double seconds = d.seconds;
        double fps = d.fps;
        int width = d.width;
        int height = d.height;
        for (Map.Entry<String, String> e : params.entrySet()) {
            String v = e.getValue();
            switch (e.getKey()) {
                case "seed" -> seed = parseLong("seed", v);
                case "cameras" -> cameras = (int) parseLong("cameras", v);
                case "people" -> people = (int) parseLong("people", v);
                case "seconds" -> seconds = parseDouble("seconds", v);
                case "fps" -> fps = parseDouble("fps", v);
                case "width" -> width = (int) parseLong("width", v);
                case "height" -> height = (int) parseLong("height", v);
                default -> throw new IllegalArgumentException("unknown synth parameter '" + e.getKey()
                        + "'; known: seed, cameras, people, seconds, fps, width, height");
            }
        }
        return new WorldSpec(seed, cameras, people, seconds, fps, width, height);
    }

    /** The query string {@link #fromQuery} reads back to this spec. */
    public String toQuery() {
        return "seed=" + seed + "&cameras=" + cameras + "&people=" + people + "&seconds=" + number(seconds)
                + "&fps=" + number(fps) + "&width=" + width + "&height=" + height;
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static long parseLong(String name, String value) {
        try {
            long v = Long.parseLong(value.strip());
            if (!name.equals("seed") && (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("synth " + name + " must be a whole number, got '" + value + "'");
        }
    }

    private static double parseDouble(String name, String value) {
        try {
            double v = Double.parseDouble(value.strip());
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("synth " + name + " must be a number, got '" + value + "'");
        }
    }
}

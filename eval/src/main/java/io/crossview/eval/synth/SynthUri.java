package io.crossview.eval.synth;

/**
 * A {@code synth:} source address: which camera of which world, e.g.
 * {@code synth://cam2?seed=7&cameras=4&people=12&seconds=60&fps=10&width=640&height=480}.
 * {@code synth:cam2?...} is accepted too.
 */
public record SynthUri(String camera, WorldSpec spec) {
    public static final String SCHEME = "synth:";

    public SynthUri {
        if (camera == null || !camera.matches("cam[1-9][0-9]*")) {
            throw new IllegalArgumentException("synth camera must be cam1..cam" + WorldSpec.MAX_CAMERAS + ", got '"
                    + camera + "'");
        }
        int index = Integer.parseInt(camera.substring(3));
        if (index > spec.cameras()) {
            throw new IllegalArgumentException("synth camera " + camera + " does not exist in a world of "
                    + spec.cameras() + " camera" + (spec.cameras() == 1 ? "" : "s"));
        }
    }

    public static boolean isSynth(String uri) {
        return uri != null && uri.strip().regionMatches(true, 0, SCHEME, 0, SCHEME.length());
    }

    /** Parses a synth address; the message of a refusal says what is wrong with it. */
    public static SynthUri parse(String uri) {
        if (!isSynth(uri)) {
            throw new IllegalArgumentException("not a synth: address: '" + uri + "'");
        }
        String rest = uri.strip().substring(SCHEME.length());
        if (rest.startsWith("//")) {
            rest = rest.substring(2);
        }
        int q = rest.indexOf('?');
        String camera = q < 0 ? rest : rest.substring(0, q);
        if (camera.endsWith("/")) {
            camera = camera.substring(0, camera.length() - 1);
        }
        if (camera.isEmpty()) {
            throw new IllegalArgumentException("synth address names no camera (synth://cam1?...): '" + uri + "'");
        }
        WorldSpec spec = WorldSpec.fromQuery(q < 0 ? "" : rest.substring(q + 1));
        return new SynthUri(camera, spec);
    }

    @Override
    public String toString() {
        return "synth://" + camera + "?" + spec.toQuery();
    }
}

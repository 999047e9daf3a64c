package io.crossview.deploy.synth;

import io.crossview.eval.mot.MotSequenceSource;
import io.crossview.eval.synth.SynthSource;
import io.crossview.ingest.source.Sources;

/**
 * Plugs the measuring cameras into ingest's sources: after {@link #register()},
 * {@code synth://cam2?seed=1&...} (a camera of the synthetic world) and {@code mot:///DIR/cam1}
 * (a MOTChallenge sequence folder, its video with its ground truth attached, such as a camera
 * of the real-people composite) are camera urls wherever a cameras file or a camera config is
 * read (ingest, run, bench, demo), so the oracle detector can run on both. The CLI registers
 * them before any command runs; code that opens cameras without the CLI calls it itself.
 */
public final class EvalSources {
    /** The url scheme of a synthetic camera. */
    public static final String SCHEME = "synth";

    private EvalSources() {
    }

    /** Registers {@code synth://} and {@code mot://}; calling it again is harmless. */
    public static void register() {
        Sources.register(SCHEME, SynthSource::open);
        Sources.register(MotSequenceSource.SCHEME, MotSequenceSource::open);
    }
}

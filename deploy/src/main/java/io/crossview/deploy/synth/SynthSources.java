package io.crossview.deploy.synth;

import io.crossview.ingest.source.Sources;
import io.crossview.eval.synth.SynthSource;

/**
 * Plugs the synthetic world into ingest's sources: after {@link #register()}, {@code synth://cam2?seed=1&...}
 * is a camera url wherever a cameras file or a camera config is read (ingest, run, bench, demo).
 * The CLI registers it before any command runs; code that opens cameras without the CLI calls it itself.
 */
public final class SynthSources {
    /** The url scheme of a synthetic camera. */
    public static final String SCHEME = "synth";

    private SynthSources() {
    }

    /** Registers {@code synth://}; calling it again is harmless. */
    public static void register() {
        Sources.register(SCHEME, SynthSource::open);
    }
}

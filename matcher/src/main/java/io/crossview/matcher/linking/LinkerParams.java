package io.crossview.matcher.linking;

/**
 * Tuning of the cross-camera linker.
 *
 * @param linkThreshold      least cosine similarity between a new track and an identity to link them
 * @param prototypeMomentum  weight of the old identity prototype when a linked track is seen again
 */
public record LinkerParams(double linkThreshold, double prototypeMomentum) {
    public LinkerParams {
        if (linkThreshold <= -1 || linkThreshold >= 1) {
            throw new IllegalArgumentException("linkThreshold must be in (-1,1): " + linkThreshold);
        }
        if (prototypeMomentum < 0 || prototypeMomentum >= 1) {
            throw new IllegalArgumentException("prototypeMomentum must be in [0,1): " + prototypeMomentum);
        }
    }

    public static LinkerParams defaults() {
        return new LinkerParams(0.9, 0.9);
    }
}

package io.crossview.eval.composite;

/**
 * What composite to make from a source video.
 *
 * @param maxPeople at most this many identities (fewer when the video has fewer clean walks)
 */
public record CompositeSpec(long seed, int cameras, int maxPeople, double fps, int width, int height) {
    public static final int DEFAULT_CAMERAS = 3;

    public CompositeSpec {
        if (cameras < 1 || cameras > 16) {
            throw new IllegalArgumentException("--cameras must be 1..16 for a composite, got " + cameras);
        }
        if (maxPeople < 1) {
            throw new IllegalArgumentException("--people must be at least 1, got " + maxPeople);
        }
        if (!(fps > 0 && fps <= 120)) {
            throw new IllegalArgumentException("--fps must be in (0, 120], got " + fps);
        }
        if (width < 32 || height < 32 || width > 4096 || height > 4096 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("--size must be even, 32..4096 px on each side, got " + width + "x" + height);
        }
    }

    public String cameraName(int index) {
        return "cam" + (index + 1);
    }
}

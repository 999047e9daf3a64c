package io.crossview.trainer.eval;

import com.google.protobuf.ByteString;
import java.util.Objects;

/**
 * One crop of a held-out identity, as the evaluation sees it.
 *
 * @param label    the crop store label ({@code site/identity})
 * @param identity the label's number among the held-out labels (from 1): the metric wants ints,
 *                 and identity ids of different sites may be equal
 * @param camera   the camera that saw it
 * @param track    its track in that camera
 * @param view     the camera code the metric compares: gallery crops of the query's identity and
 *                 view do not count. It is the camera for identities seen by several cameras and
 *                 the track for those seen by one (see {@link HeldOutSplit}); it means something
 *                 only among crops of the same identity
 * @param quality  the harvest quality, 0..1
 * @param jpeg     the picture
 */
public record HeldOutCrop(String label, int identity, String camera, long track, int view, float quality,
                          ByteString jpeg) {
    public HeldOutCrop {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(jpeg, "jpeg");
        if (identity < 1 || view < 1) {
            throw new IllegalArgumentException("identity and view count from 1, got " + identity + " and " + view
                    + " for " + label);
        }
    }

    /** Where it comes from, for messages: label, camera and track. */
    public String describe() {
        return label + " camera " + camera + " track " + track;
    }
}

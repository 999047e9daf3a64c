package io.crossview.matcher.query;

/**
 * What the matcher's query API answers. With {@code local} an instance answers from its own
 * stores only (that is how instances ask one another); without, from the whole application.
 */
public interface MatcherQueries {
    /** @throws QueryException 404 when no instance knows the identity */
    Timeline timeline(long identity, boolean local);

    /** @throws QueryException 404 when the camera has no tracker state (yet) */
    CameraTracksView cameraTracks(String camera, boolean local);

    CameraLinks cameraLinks(String camera, boolean local);

    SearchResults search(Embedded query, int k, boolean local);

    /** Every model version's calibration: pair counts, where its curves come from, the curves. */
    ModelCalibrations calibrations(boolean local);

    /** Embeds the crop with the lent model, then searches with its vector. */
    SearchResults searchPicture(byte[] jpeg, int k);
}

package io.crossview.matcher.query;

/**
 * What the linker knows of one live track of a camera.
 *
 * @param identity the linked identity, 0 while the decision is pending
 */
public record LinkView(long trackId, long identity, float confidence, long firstSeenMs, long lastSeenMs) {
}

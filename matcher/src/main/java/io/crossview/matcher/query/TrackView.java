package io.crossview.matcher.query;

/**
 * One live track of a camera as the query API shows it.
 *
 * @param phase    {@code confirmed}, or {@code lost}: unseen lately, kept to be found again
 * @param identity the global identity the linker gave the track, or null: not linked (yet), or
 *                 the linker knows nothing of the track
 * @param pending  the linker follows the track but has not decided its identity yet
 */
public record TrackView(long id, String phase, BoxView box, int hits, long firstSeenMs, long lastSeq,
                        Long identity, boolean pending) {
    public TrackView withLink(LinkView link) {
        boolean undecided = link.identity() == 0;
        return new TrackView(id, phase, box, hits, firstSeenMs, lastSeq, undecided ? null : link.identity(), undecided);
    }
}

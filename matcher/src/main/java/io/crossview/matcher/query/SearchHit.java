package io.crossview.matcher.query;

import java.util.List;

/**
 * One identity found by a search.
 *
 * @param score the best dot product of the query with the identity's prototypes of the query's
 *              model version: cosine similarity, 1 for the same appearance
 */
public record SearchHit(long identity, double score, List<String> cameras, long lastSeenMs) {
    public SearchHit {
        cameras = List.copyOf(cameras);
    }
}

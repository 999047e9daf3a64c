package io.crossview.matcher.query;

import java.util.List;

/** The best identities for a query, best first, and the model version that was compared. */
public record SearchResults(String modelVersion, List<SearchHit> hits) {
    public SearchResults {
        hits = List.copyOf(hits);
    }
}

package io.crossview.matcher.gallery;

/**
 * One identity found by a gallery search, with its similarity to the query: the largest cosine
 * similarity over the identity's prototypes of the query's model version.
 */
public record Match(long identityId, double similarity) {
    public Match {
        if (Double.isNaN(similarity)) {
            throw new IllegalArgumentException("similarity of identity " + identityId + " is NaN");
        }
    }
}

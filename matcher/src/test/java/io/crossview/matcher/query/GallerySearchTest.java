package io.crossview.matcher.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.common.wire.IdentityRecord;
import io.crossview.common.wire.Prototype;
import io.crossview.common.wire.Vector;
import java.util.List;
import org.junit.jupiter.api.Test;

class GallerySearchTest {
    private static final String V1 = "reid@111111111111";
    private static final String V2 = "reid@222222222222";

    private static Vector vector(float... values) {
        Vector.Builder v = Vector.newBuilder();
        for (float x : values) {
            v.addValues(x);
        }
        return v.build();
    }

    private static Prototype prototype(String version, float... values) {
        return Prototype.newBuilder().setModelVersion(version).setVector(vector(values)).build();
    }

    private static IdentityRecord identity(long id, Prototype... prototypes) {
        IdentityRecord.Builder r = IdentityRecord.newBuilder().setId(id).addCameras("east").setLastSeenMs(id * 10);
        for (Prototype p : prototypes) {
            r.addPrototypes(p);
        }
        return r.build();
    }

    private static Embedded query(String version, float... values) {
        return GallerySearch.normalised(new Embedded(values, version));
    }

    @Test
    void anIdentityScoresItsBestPrototypeOfTheQuerysModelVersionOnly() {
        IdentityRecord two = identity(2, prototype(V1, 1, 0, 0), prototype(V1, 0.6f, 0.8f, 0), prototype(V2, 0, 1, 0));

        assertEquals(0.8, GallerySearch.score(two, query(V1, 0, 1, 0)).orElseThrow(), 1e-6);
        assertEquals(1.0, GallerySearch.score(two, query(V2, 0, 1, 0)).orElseThrow(), 1e-6);
        assertTrue(GallerySearch.score(two, query("other@000000000000", 0, 1, 0)).isEmpty());
    }

    @Test
    void aRecordFromBeforePrototypesCountsItsLegacyPrototype() {
        IdentityRecord old = IdentityRecord.newBuilder().setId(3).setPrototype(vector(0, 0, 1)).setModelVersion(V1).build();

        assertEquals(1.0, GallerySearch.score(old, query(V1, 0, 0, 5)).orElseThrow(), 1e-6);
    }

    @Test
    void aQueryOfAnotherLengthThanTheModelsPrototypesIsTheClientsError() {
        QueryException e = assertThrows(QueryException.class,
                () -> GallerySearch.score(identity(1, prototype(V1, 1, 0, 0)), query(V1, 1, 0)));
        assertEquals(400, e.status());
    }

    @Test
    void anAllZeroQueryIsRefused() {
        assertEquals(400, assertThrows(QueryException.class, () -> query(V1, 0, 0, 0)).status());
    }

    @Test
    void topKeepsTheBestKBestFirst() {
        List<IdentityRecord> gallery = List.of(
                identity(1, prototype(V1, 1, 0, 0)),
                identity(2, prototype(V1, 0, 1, 0)),
                identity(3, prototype(V1, 0.8f, 0.6f, 0)),
                identity(4, prototype(V2, 1, 0, 0)),
                identity(5, prototype(V1, 0.6f, 0.8f, 0)));

        List<SearchHit> hits = GallerySearch.top(gallery.iterator(), query(V1, 1, 0, 0), 3);

        assertEquals(List.of(1L, 3L, 5L), hits.stream().map(SearchHit::identity).toList());
        assertEquals(1.0, hits.get(0).score(), 1e-6);
        assertEquals(List.of("east"), hits.get(0).cameras());
    }

    @Test
    void mergingInstancesAnswersKeepsTheBestKEachIdentityOnceTiesByIdentity() {
        List<SearchHit> a = List.of(new SearchHit(4, 0.9, List.of(), 0), new SearchHit(2, 0.5, List.of(), 0));
        List<SearchHit> b = List.of(new SearchHit(3, 0.9, List.of(), 0), new SearchHit(4, 0.9, List.of(), 0),
                new SearchHit(1, 0.7, List.of(), 0));

        List<SearchHit> merged = GallerySearch.merge(List.of(a, b), 3);

        assertEquals(List.of(3L, 4L, 1L), merged.stream().map(SearchHit::identity).toList());
    }

    @Test
    void kOutsideOneToAThousandIsRefused() {
        assertEquals(400, assertThrows(QueryException.class, () -> GallerySearch.checkK(0)).status());
        assertEquals(400, assertThrows(QueryException.class, () -> GallerySearch.checkK(1001)).status());
        assertEquals(10, GallerySearch.checkK(10));
    }
}

package io.crossview.matcher.query;

import io.crossview.common.wire.SimilarityCounts;
import io.crossview.matcher.calibration.Calibrations;
import io.crossview.common.image.BadImageException;
import io.crossview.matcher.linking.LinkerProcessor;
import io.crossview.matcher.tracking.TrackerProcessor;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The query API over a running matcher instance and its peers. The gallery and the links are
 * partitioned by site, not by identity or camera, so those queries ask every instance that
 * holds them and merge; a camera's tracker state is partitioned by camera, so that query goes
 * to the one instance that holds it.
 */
public final class StreamsQueries implements MatcherQueries {
    static final Duration PEER_TIMEOUT = Duration.ofSeconds(10);

    private final Instances instances;
    private final LocalStores local;
    private final Peers peers;
    private final CropEmbedder embedder;

    private StreamsQueries(Instances instances, LocalStores local, Peers peers, CropEmbedder embedder) {
        this.instances = instances;
        this.local = local;
        this.peers = peers;
        this.embedder = embedder;
    }

    /**
     * @param self     this instance's {@code application.server}, as the other instances reach it
     * @param embedder the model for picture searches, or null: then searches take vectors only
     * @param access   this instance's access, whose token the other instances of the group share
     */
    public static StreamsQueries of(KafkaStreams streams, HostInfo self, CropEmbedder embedder, HttpAccess access) {
        Instances instances = new Instances(streams, self);
        return new StreamsQueries(instances, new LocalStores(streams, instances),
                Peers.create(PEER_TIMEOUT, access.authorization()), embedder);
    }

    @Override
    public Timeline timeline(long identity, boolean localOnly) {
        Optional<Timeline> found = localOnly ? local.timeline(identity)
                : Timelines.merge(identity, present(gather(LinkerProcessor.GALLERY_STORE, () -> local.timeline(identity),
                        host -> peers.get(host, "/identities/" + identity + "/timeline?local=true", Timeline.class))));
        return found.orElseThrow(() -> QueryException.notFound("no identity " + identity));
    }

    @Override
    public CameraTracksView cameraTracks(String camera, boolean localOnly) {
        String path = "/cameras/" + segment(camera) + "/tracks?local=true";
        Optional<CameraTracksView> tracks;
        if (localOnly) {
            tracks = local.cameraTracks(camera);
        } else {
            HostInfo owner = instances.ownerOf(TrackerProcessor.STORE, camera);
            tracks = owner.equals(instances.self()) ? local.cameraTracks(camera)
                    : Peers.await(peers.get(owner, path, CameraTracksView.class));
        }
        CameraTracksView view = tracks.orElseThrow(() -> QueryException.notFound("no tracks of camera " + camera));
        // the links live with the linker task of the camera's site, which may be any instance
        return localOnly ? view : CameraViews.linked(view, cameraLinks(camera, false).links());
    }

    @Override
    public CameraLinks cameraLinks(String camera, boolean localOnly) {
        if (localOnly) {
            return new CameraLinks(camera, local.links(camera));
        }
        List<CameraLinks> parts = present(gather(LinkerProcessor.LINK_STORE,
                () -> Optional.of(new CameraLinks(camera, local.links(camera))),
                host -> peers.get(host, "/cameras/" + segment(camera) + "/links?local=true", CameraLinks.class)));
        return CameraViews.merge(camera, parts);
    }

    @Override
    public ModelCalibrations calibrations(boolean localOnly) {
        if (localOnly) {
            return ModelCalibrations.of(local.calibrationCounts());
        }
        List<SimilarityCounts> all = new ArrayList<>();
        present(gather(Calibrations.STORE, () -> Optional.of(ModelCalibrations.of(local.calibrationCounts())),
                host -> peers.get(host, "/calibration?local=true", ModelCalibrations.class)))
                .forEach(part -> all.addAll(part.counts()));
        return ModelCalibrations.of(all);
    }

    @Override
    public SearchResults search(Embedded query, int k, boolean localOnly) {
        GallerySearch.checkK(k);
        Embedded unit = GallerySearch.normalised(query);
        if (localOnly) {
            return new SearchResults(unit.modelVersion(), local.search(unit, k));
        }
        List<SearchResults> parts = present(gather(LinkerProcessor.GALLERY_STORE,
                () -> Optional.of(new SearchResults(unit.modelVersion(), local.search(unit, k))),
                host -> peers.post(host, "/search?local=true&k=" + k, unit, SearchResults.class).thenApply(Optional::of)));
        return new SearchResults(unit.modelVersion(), GallerySearch.merge(parts.stream().map(SearchResults::hits).toList(), k));
    }

    @Override
    public SearchResults searchPicture(byte[] jpeg, int k) {
        GallerySearch.checkK(k);
        if (embedder == null) {
            throw QueryException.badRequest("this matcher has no model to embed pictures with: POST /search with "
                    + "Content-Type application/json and {\"vector\": [...], \"model_version\": \"...\"}");
        }
        Embedded query;
        try {
            query = embedder.embed(jpeg);
        } catch (BadImageException e) {
            throw QueryException.badRequest("the body is not a decodable picture: " + e.getMessage());
        }
        return search(query, k, false);
    }

    /**
     * This instance's part (read here, while the peers' requests are in flight) and every other
     * instance's that holds {@code store}.
     */
    private <T> List<Optional<T>> gather(String store, Supplier<Optional<T>> here,
                                         Function<HostInfo, CompletableFuture<Optional<T>>> there) {
        List<CompletableFuture<Optional<T>>> asked = new ArrayList<>();
        boolean includesSelf = false;
        for (HostInfo host : instances.hosting(store)) {
            if (host.equals(instances.self())) {
                includesSelf = true;
            } else {
                asked.add(there.apply(host));
            }
        }
        List<Optional<T>> parts = new ArrayList<>();
        if (includesSelf) {
            parts.add(here.get());
        }
        for (CompletableFuture<Optional<T>> answer : asked) {
            parts.add(Peers.await(answer));
        }
        return parts;
    }

    private static <T> List<T> present(List<Optional<T>> parts) {
        return parts.stream().flatMap(Optional::stream).toList();
    }

    private static String segment(String pathPart) {
        return URLEncoder.encode(pathPart, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

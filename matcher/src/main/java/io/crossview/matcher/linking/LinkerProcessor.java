package io.crossview.matcher.linking;

import io.crossview.common.serde.WireSchema;
import io.crossview.common.wire.IdentityEvent;
import io.crossview.common.wire.IdentityRecord;
import io.crossview.common.wire.IdentityState;
import io.crossview.common.wire.TrackLink;
import io.crossview.common.wire.TrackObservation;
import io.crossview.common.wire.TrackletUpdate;
import io.crossview.matcher.tracking.Vectors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Links the confirmed tracks of every camera of a site to global identities: a track keeps
 * the identity it was first linked to; a new track joins the most similar identity of the
 * gallery above a threshold, or founds a new one. Concurrent new tracks are assigned jointly,
 * best pairs first, so two people seen at once never share an identity.
 */
public final class LinkerProcessor implements Processor<String, TrackletUpdate, String, IdentityEvent> {
    public static final String GALLERY_STORE = "identity-gallery";
    public static final String LINK_STORE = "track-links";
    public static final String SEQUENCE_STORE = "identity-sequence";

    private static final Logger LOG = LoggerFactory.getLogger(LinkerProcessor.class);

    private final LinkerParams params;
    private ProcessorContext<String, IdentityEvent> context;
    private KeyValueStore<String, IdentityRecord> gallery;
    private KeyValueStore<String, TrackLink> links;
    private KeyValueStore<String, Long> sequence;

    public LinkerProcessor(LinkerParams params) {
        this.params = params;
    }

    @Override
    public void init(ProcessorContext<String, IdentityEvent> context) {
        this.context = context;
        this.gallery = context.getStateStore(GALLERY_STORE);
        this.links = context.getStateStore(LINK_STORE);
        this.sequence = context.getStateStore(SEQUENCE_STORE);
    }

    private record Candidate(TrackObservation track, IdentityRecord identity, double similarity) {
    }

    @Override
    public void process(Record<String, TrackletUpdate> record) {
        TrackletUpdate update = record.value();
        String camera = update.getFrame().getCamera();
        long now = update.getFrame().getCaptureMs();
        for (long ended : update.getEndedTrackIdsList()) {
            links.delete(linkKey(camera, ended));
        }
        List<TrackObservation> unlinked = new ArrayList<>();
        for (TrackObservation track : update.getTracksList()) {
            TrackLink link = links.get(linkKey(camera, track.getTrackId()));
            if (link == null) {
                unlinked.add(track);
            } else {
                emit(record, update, track, link, IdentityState.IDENTITY_TRACKED);
            }
        }
        if (!unlinked.isEmpty()) {
            linkJointly(record, update, camera, now, unlinked);
        }
    }

    private void linkJointly(Record<String, TrackletUpdate> record, TrackletUpdate update, String camera, long now,
                             List<TrackObservation> unlinked) {
        long firstSeen = unlinked.stream().mapToLong(TrackObservation::getFirstSeenMs).min().orElse(now);
        Set<Long> busy = identitiesShownOn(camera, firstSeen);
        List<Candidate> candidates = new ArrayList<>();
        try (KeyValueIterator<String, IdentityRecord> all = gallery.all()) {
            while (all.hasNext()) {
                IdentityRecord identity = all.next().value;
                if (!identity.getModelVersion().equals(update.getModelVersion()) || busy.contains(identity.getId())) {
                    continue;
                }
                for (TrackObservation track : unlinked) {
                    double similarity = Vectors.cosine(identity.getPrototype(), track.getEmbedding());
                    if (similarity >= params.linkThreshold()) {
                        candidates.add(new Candidate(track, identity, similarity));
                    }
                }
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::similarity).reversed());
        Set<Long> takenTracks = new HashSet<>();
        Set<Long> takenIdentities = new HashSet<>();
        for (Candidate c : candidates) {
            if (takenTracks.contains(c.track().getTrackId()) || takenIdentities.contains(c.identity().getId())) {
                continue;
            }
            takenTracks.add(c.track().getTrackId());
            takenIdentities.add(c.identity().getId());
            releaseLostTracksOf(camera, c.identity().getId());
            boolean crossCamera = !c.identity().getCamerasList().contains(camera);
            TrackLink link = TrackLink.newBuilder().setIdentityId(c.identity().getId())
                    .setConfidence((float) c.similarity()).setLastSeenMs(now).setCrossCamera(crossCamera).build();
            links.put(linkKey(camera, c.track().getTrackId()), link);
            emit(record, update, c.track(), link, IdentityState.IDENTITY_MATCHED);
        }
        for (TrackObservation track : unlinked) {
            if (takenTracks.contains(track.getTrackId())) {
                continue;
            }
            long id = nextIdentityId();
            if (LOG.isDebugEnabled()) {
                LOG.debug("{}/{} at seq {} founds identity {}; nearest: {}", camera, track.getTrackId(),
                        update.getFrame().getSeq(), id, nearest(track, update.getModelVersion(), busy));
            }
            gallery.put(identityKey(id), IdentityRecord.newBuilder()
                    .setSchemaVersion(WireSchema.VERSION)
                    .setId(id)
                    .setPrototype(track.getEmbedding())
                    .setModelVersion(update.getModelVersion())
                    .addCameras(camera)
                    .setFirstSeenMs(now)
                    .setLastSeenMs(now)
                    .setLastCamera(camera)
                    .setTracklets(1)
                    .build());
            TrackLink link = TrackLink.newBuilder().setIdentityId(id).setConfidence(1f).setLastSeenMs(now).build();
            links.put(linkKey(camera, track.getTrackId()), link);
            emit(record, update, track, link, IdentityState.IDENTITY_NEW);
        }
    }

    private String nearest(TrackObservation track, String modelVersion, Set<Long> busy) {
        StringBuilder out = new StringBuilder();
        List<Candidate> all = new ArrayList<>();
        try (KeyValueIterator<String, IdentityRecord> it = gallery.all()) {
            while (it.hasNext()) {
                IdentityRecord identity = it.next().value;
                if (identity.getModelVersion().equals(modelVersion)) {
                    all.add(new Candidate(track, identity, Vectors.cosine(identity.getPrototype(), track.getEmbedding())));
                }
            }
        }
        all.sort(Comparator.comparingDouble(Candidate::similarity).reversed());
        for (Candidate c : all.subList(0, Math.min(3, all.size()))) {
            out.append(String.format("%d=%.3f%s ", c.identity().getId(), c.similarity(),
                    busy.contains(c.identity().getId()) ? "(busy)" : ""));
        }
        return out.toString().trim();
    }

    /**
     * Identities that another track of this camera showed since {@code since}: one person is
     * not two tracks of one camera at once. A track that was lost before the new one began
     * does not block it, so a person whose track broke gets their identity back.
     */
    private Set<Long> identitiesShownOn(String camera, long since) {
        Set<Long> busy = new HashSet<>();
        try (KeyValueIterator<String, TrackLink> onCamera = links.prefixScan(camera + "/",
                new org.apache.kafka.common.serialization.StringSerializer())) {
            while (onCamera.hasNext()) {
                KeyValue<String, TrackLink> entry = onCamera.next();
                if (entry.value.getLastSeenMs() >= since) {
                    busy.add(entry.value.getIdentityId());
                }
            }
        }
        return busy;
    }

    /**
     * A new track took over an identity whose old track on this camera was lost: the old
     * track gives it up, so if it is found again it is linked afresh instead of showing the
     * same person twice in one frame.
     */
    private void releaseLostTracksOf(String camera, long identityId) {
        List<String> released = new ArrayList<>();
        try (KeyValueIterator<String, TrackLink> onCamera = links.prefixScan(camera + "/",
                new org.apache.kafka.common.serialization.StringSerializer())) {
            while (onCamera.hasNext()) {
                KeyValue<String, TrackLink> entry = onCamera.next();
                if (entry.value.getIdentityId() == identityId) {
                    released.add(entry.key);
                }
            }
        }
        released.forEach(links::delete);
    }

    private void emit(Record<String, TrackletUpdate> record, TrackletUpdate update, TrackObservation track,
                      TrackLink link, IdentityState state) {
        String camera = update.getFrame().getCamera();
        long now = update.getFrame().getCaptureMs();
        if (state == IdentityState.IDENTITY_TRACKED) {
            links.put(linkKey(camera, track.getTrackId()), link.toBuilder().setLastSeenMs(now).build());
        }
        if (state != IdentityState.IDENTITY_NEW) {
            IdentityRecord identity = gallery.get(identityKey(link.getIdentityId()));
            if (identity != null) {
                IdentityRecord.Builder seen = identity.toBuilder()
                        .setPrototype(Vectors.blend(identity.getPrototype(), track.getEmbedding(), params.prototypeMomentum()))
                        .setLastSeenMs(Math.max(identity.getLastSeenMs(), now))
                        .setLastCamera(camera);
                if (!identity.getCamerasList().contains(camera)) {
                    seen.addCameras(camera);
                }
                if (state == IdentityState.IDENTITY_MATCHED) {
                    seen.setTracklets(identity.getTracklets() + 1);
                }
                gallery.put(identityKey(identity.getId()), seen.build());
            }
        }
        IdentityEvent event = IdentityEvent.newBuilder()
                .setSchemaVersion(WireSchema.VERSION)
                .setFrame(update.getFrame())
                .setBox(track.getBox())
                .setTrackId(track.getTrackId())
                .setIdentityId(link.getIdentityId())
                .setConfidence(link.getConfidence())
                .setState(state)
                .setModelVersion(update.getModelVersion())
                .build();
        context.forward(record.withKey(camera).withValue(event));
    }

    private long nextIdentityId() {
        Long last = sequence.get("identity");
        long next = last == null ? 1 : last + 1;
        sequence.put("identity", next);
        return next;
    }

    static String linkKey(String camera, long trackId) {
        return camera + "/" + trackId;
    }

    static String identityKey(long id) {
        return Long.toString(id);
    }
}

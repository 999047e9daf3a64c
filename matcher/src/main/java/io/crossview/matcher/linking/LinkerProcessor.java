package io.crossview.matcher.linking;

import com.google.protobuf.Message;
import io.crossview.common.wire.FrameRef;
import io.crossview.common.wire.HarvestedCrop;
import io.crossview.common.wire.IdentityErasure;
import io.crossview.common.wire.IdentityRecord;
import io.crossview.common.wire.IdentityState;
import io.crossview.common.wire.Sighting;
import io.crossview.common.wire.TrackLink;
import io.crossview.common.wire.TrackObservation;
import io.crossview.common.wire.TrackletUpdate;
import io.crossview.common.wire.TransitStats;
import io.crossview.matcher.calibration.Calibrations;
import io.crossview.matcher.harvest.HarvestBuffer;
import io.crossview.matcher.metrics.MatcherMeters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Links the confirmed tracks of every camera of a site to global identities. A new track is
 * pending until it has shown enough frames; then all tracks deciding at once are assigned
 * jointly to the gallery's identities under the camera constraints, or found new ones. A
 * decision is reviewed as the track's evidence doubles and when it ends, and corrected when
 * another identity fits clearly better. A finished track is folded into its identity's
 * prototypes and timeline, teaches the linker the transit between cameras, and releases its
 * harvested crops labelled with its final identity.
 *
 * <p>Inputs are tracklet updates and {@link IdentityErasure}s. Outputs are
 * {@link io.crossview.common.wire.IdentityEvent}s (key: camera), {@link HarvestedCrop}s (key:
 * identity id) and the erasures done (key: identity id, a tombstone on harvest); the topology
 * sends each kind to its topic.
 */
public final class LinkerProcessor implements Processor<String, Message, String, Message> {
    private static final Logger LOG = LoggerFactory.getLogger(LinkerProcessor.class);
    public static final String GALLERY_STORE = "identity-gallery";
    public static final String LINK_STORE = "track-links";
    public static final String SEQUENCE_STORE = "identity-sequence";
    public static final String TRANSIT_STORE = "camera-transits";
    public static final String RECENT_STORE = ReassignmentRound.RECENT_STORE;
    public static final String APPEARANCE_STORE = TrackletAppearances.STORE;

    private final LinkerParams params;
    private final SiteTopology topology;
    private ProcessorContext<String, Message> context;
    private KeyValueStore<String, TrackLink> links;
    private KeyValueStore<String, TransitStats> transits;
    private IdentityGallery gallery;
    private HarvestBuffer harvest;
    private TransitRules rules;
    private LinkDecisions decisions;
    private Calibrations calibrations;
    private CalibrationPairs pairs;
    private KeyValueStore<String, TrackLink> recent;
    private ReassignmentRound reassignment;
    private TrackletAppearances appearances;
    private long lastRoundMs = -1;
    private final MatcherMeters meters;
    /** Live tracks not yet decided, for the pending-tracks gauge only (a moved task starts it afresh). */
    private final Set<String> pendingTracks = new HashSet<>();
    private String task;

    public LinkerProcessor(LinkerParams params, SiteTopology topology) {
        this(params, topology, MatcherMeters.none());
    }

    public LinkerProcessor(LinkerParams params, SiteTopology topology, MatcherMeters meters) {
        this.params = params;
        this.topology = topology;
        this.meters = meters;
    }

    @Override
    public void init(ProcessorContext<String, Message> context) {
        this.context = context;
        // the same task id may run in two matchers of one process (tests): each processor counts alone
        this.task = context.taskId() + "@" + System.identityHashCode(this);
        this.links = context.getStateStore(LINK_STORE);
        this.transits = context.getStateStore(TRANSIT_STORE);
        this.gallery = new IdentityGallery(context.getStateStore(GALLERY_STORE), context.getStateStore(SEQUENCE_STORE),
                context.taskId().partition());
        this.harvest = new HarvestBuffer(context.getStateStore(HarvestBuffer.STORE));
        this.rules = new TransitRules(topology, params, (a, b) -> transits.get(TransitRules.pairKey(a, b)));
        this.calibrations = new Calibrations(context.getStateStore(Calibrations.STORE));
        this.pairs = new CalibrationPairs(calibrations);
        this.decisions = new LinkDecisions(gallery, params, calibrations);
        this.recent = context.getStateStore(ReassignmentRound.RECENT_STORE);
        this.appearances = new TrackletAppearances(context.getStateStore(TrackletAppearances.STORE));
        this.reassignment = new ReassignmentRound(links, recent, appearances, gallery, calibrations, rules, params);
    }

    @Override
    public void process(Record<String, Message> input) {
        if (input.value() instanceof IdentityErasure erasure) {
            erase(input, erasure);
            return;
        }
        link(input.withValue((TrackletUpdate) input.value()));
        meters.task(task, gallery.size(), pendingTracks.size());
    }

    @Override
    public void close() {
        if (task != null) {
            meters.taskClosed(task);
        }
    }

    private void erase(Record<String, Message> input, IdentityErasure erasure) {
        long id = erasure.getIdentityId();
        Erasure.Removed removed = Erasure.forget(id, gallery, links, recent, harvest, appearances);
        if (removed.any()) {
            LOG.info("task {}: erased identity {}: {}", context.taskId(), id, removed);
        }
        // every task answers, so the crop store hears of it even from a task that held nothing
        context.forward(input.withKey(Long.toString(id)).withValue(erasure));
    }

    private void link(Record<String, TrackletUpdate> record) {
        TrackletUpdate update = record.value();
        String camera = update.getFrame().getCamera();
        long now = update.getFrame().getCaptureMs();
        if (update.hasCalibration()) {
            calibrations.prior(update.getModelVersion(), update.getCalibration());
        }
        List<LinkDecisions.Deciding> deciding = new ArrayList<>();
        for (TrackObservation track : update.getTracksList()) {
            String key = LinkKeys.link(camera, track.getTrackId());
            TrackLink link = pairs.sameTrack(observe(links.get(key), track, update, now));
            if (params.reassign().enabled()) {
                appearances.observe(key, link, track, update);
            }
            harvest.keep(key, update.getFrame(), track, update.getModelVersion());
            if (link.getIdentityId() == 0 && link.getObservations() >= params.minEvidence()) {
                deciding.add(new LinkDecisions.Deciding(key, link));
            } else if (link.getIdentityId() != 0 && link.getObservations() >= link.getNextReview()) {
                review(record, key, link, false);
            } else {
                links.put(key, link);
                emit(record, key, link, link.getIdentityId() == 0 ? IdentityState.IDENTITY_PENDING
                        : IdentityState.IDENTITY_TRACKED, 0);
            }
        }
        pairs.coOccurring(update);
        if (!deciding.isEmpty()) {
            decide(record, deciding);
        }
        for (long ended : update.getEndedTrackIdsList()) {
            finish(record, LinkKeys.link(camera, ended), now);
            pendingTracks.remove(LinkKeys.link(camera, ended));
        }
        if (roundDue(now, update.getEndedTrackIdsCount() > 0)) {
            lastRoundMs = now;
            for (ReassignmentRound.Move move : reassignment.run(now)) {
                emit(record, move.key(), move.link(), IdentityState.IDENTITY_CORRECTED, move.previous());
            }
        }
        calibrations.flush();
    }

    /**
     * Every {@code reassign.every_seconds} of capture time, and when a track ends (its whole
     * appearance is known now; at most once a second): a camera that falls quiet sends no more
     * updates, so a clock alone would leave its last tracks unreviewed.
     */
    private boolean roundDue(long now, boolean trackEnded) {
        if (!params.reassign().enabled()) {
            return false;
        }
        long since = now - lastRoundMs;
        return lastRoundMs < 0 || since >= params.reassign().everySeconds() * 1000 || trackEnded && since >= 1000;
    }

    private TrackLink observe(TrackLink known, TrackObservation track, TrackletUpdate update, long now) {
        TrackLink.Builder link = known == null
                ? TrackLink.newBuilder().setFirstSeenMs(track.getFirstSeenMs() > 0 ? track.getFirstSeenMs() : now)
                : known.toBuilder();
        return link.setObservations(link.getObservations() + 1)
                .setEvidence(track.getEmbedding())
                .setLastSeenMs(now)
                .setLastFrame(update.getFrame())
                .setLastBox(track.getBox())
                .setModelVersion(update.getModelVersion())
                .build();
    }

    private LinkConstraints constraints() {
        return new LinkConstraints(rules, Presence.live(links));
    }

    /** Joint assignment of every track whose evidence is enough, then NEW or MATCHED events. */
    private void decide(Record<String, TrackletUpdate> record, List<LinkDecisions.Deciding> deciding) {
        LinkConstraints constraints = constraints();
        List<LinkDecisions.Choice> choices = decisions.assign(deciding, constraints);
        for (int i = 0; i < deciding.size(); i++) {
            LinkDecisions.Deciding d = deciding.get(i);
            LinkDecisions.Choice choice = choices.get(i);
            TrackLink decided;
            IdentityState state;
            if (choice == null) {
                decided = found(d.key(), d.link());
                state = IdentityState.IDENTITY_NEW;
            } else {
                decided = d.link().toBuilder().setIdentityId(choice.identity().getId())
                        .setConfidence((float) choice.probability()).setFounder(false)
                        .setCrossCamera(!choice.identity().getCamerasList().contains(Presence.cameraOf(d.key())))
                        .build();
                releaseLostHolders(record, d.key(), choice.identity().getId());
                state = IdentityState.IDENTITY_MATCHED;
            }
            decided = decided.toBuilder().setNextReview(2 * decided.getObservations()).build();
            links.put(d.key(), decided);
            emit(record, d.key(), decided, state, 0);
        }
    }

    /** A new identity whose only evidence so far is this track. */
    private TrackLink found(String key, TrackLink link) {
        long id = gallery.nextId();
        String camera = Presence.cameraOf(key);
        IdentityRecord identity = IdentityRecord.newBuilder()
                .setSchemaVersion(io.crossview.common.serde.WireSchema.VERSION)
                .setId(id).addCameras(camera).setFirstSeenMs(link.getFirstSeenMs()).setLastSeenMs(link.getLastSeenMs())
                .setLastCamera(camera).build();
        gallery.put(Prototypes.seed(identity, link.getEvidence(), link.getModelVersion(), link.getLastSeenMs()));
        return link.toBuilder().setIdentityId(id).setConfidence(1f).setFounder(true).setCrossCamera(false).build();
    }

    /**
     * Reviews a decision on the track's grown evidence: a founder joins an existing identity that
     * now fits; a linked track moves to an identity that fits clearly better, or founds its own
     * when its identity no longer fits at all.
     */
    private void review(Record<String, TrackletUpdate> record, String key, TrackLink link, boolean atEnd) {
        TrackLink reviewed = link.toBuilder().setNextReview(2 * link.getObservations()).build();
        IdentityRecord current = gallery.get(link.getIdentityId());
        LinkDecisions.Verdict verdict = current == null ? LinkDecisions.Verdict.keep()
                : decisions.review(key, reviewed, current, constraints());
        if (verdict.moveTo() == null && !verdict.split()) {
            if (reviewed.getFounder() && current != null) {
                gallery.put(Prototypes.seed(current, reviewed.getEvidence(), reviewed.getModelVersion(),
                        reviewed.getLastSeenMs()));
            }
            links.put(key, reviewed);
            if (!atEnd) {
                emit(record, key, reviewed, IdentityState.IDENTITY_TRACKED, 0);
            }
            return;
        }
        long previous = link.getIdentityId();
        TrackLink corrected;
        if (verdict.split()) {
            corrected = found(key, reviewed);
        } else {
            IdentityRecord target = verdict.moveTo().identity();
            corrected = reviewed.toBuilder().setIdentityId(target.getId()).setFounder(false)
                    .setConfidence((float) verdict.moveTo().probability())
                    .setCrossCamera(!target.getCamerasList().contains(Presence.cameraOf(key))).build();
            releaseLostHolders(record, key, target.getId());
        }
        links.put(key, corrected);
        if (link.getFounder()) {
            dropIfOrphaned(previous, key);
        }
        emit(record, key, corrected, IdentityState.IDENTITY_CORRECTED, previous);
    }

    /** An identity founded by a track that left it, with no other tracklet, is removed. */
    private void dropIfOrphaned(long id, String leavingTrack) {
        IdentityRecord identity = gallery.get(id);
        if (identity == null || identity.getTracklets() > 0) {
            return;
        }
        boolean held = Presence.live(links).getOrDefault(id, List.of()).stream()
                .anyMatch(p -> !p.track().equals(leavingTrack));
        if (!held) {
            gallery.remove(id);
        }
    }

    /**
     * Another track of this camera took the identity while this one was lost: the lost one is
     * finished now, so if it is found again it is decided afresh instead of showing the same
     * person twice in one frame.
     */
    private void releaseLostHolders(Record<String, TrackletUpdate> record, String taker, long identityId) {
        String camera = Presence.cameraOf(taker);
        for (Presence p : Presence.live(links).getOrDefault(identityId, List.of())) {
            if (p.camera().equals(camera) && !p.track().equals(taker)) {
                finish(record, p.track(), p.lastMs());
            }
        }
    }

    /** The track ended: a last decision or review, then its tracklet joins its identity's memory. */
    private void finish(Record<String, TrackletUpdate> record, String key, long now) {
        TrackLink link = links.get(key);
        if (link == null) {
            harvest.release(key, 0);
            return;
        }
        if (link.getIdentityId() == 0) {
            decide(record, List.of(new LinkDecisions.Deciding(key, link)));
        } else if (link.getObservations() > link.getNextReview() / 2) {
            review(record, key, link, true);
        }
        link = links.get(key);
        links.delete(key);
        if (params.reassign().enabled()) {
            recent.put(key, appearances.attach(key, link));
            appearances.remove(key);
        }
        IdentityRecord identity = gallery.get(link.getIdentityId());
        if (identity != null) {
            gallery.put(folded(identity, key, link));
        }
        for (HarvestedCrop crop : harvest.release(key, link.getIdentityId())) {
            context.forward(record.withKey(Long.toString(crop.getIdentityId())).withValue(crop));
        }
    }

    private IdentityRecord folded(IdentityRecord identity, String key, TrackLink link) {
        String camera = Presence.cameraOf(key);
        Presence from = constraints().cameFrom(identity, camera, key, link.getFirstSeenMs());
        if (from != null && link.getFirstSeenMs() - from.lastMs() < params.reentrySeconds() * 1000) {
            String pair = TransitRules.pairKey(from.camera(), camera);
            TransitStats stats = transits.get(pair);
            transits.put(pair, LearnedTransits.record(stats == null ? TransitStats.getDefaultInstance() : stats,
                    link.getFirstSeenMs() - from.lastMs()));
        }
        IdentityRecord.Builder out = Prototypes.fold(identity, link.getEvidence(), link.getModelVersion(),
                link.getLastSeenMs(), params, calibrations.of(link.getModelVersion())).toBuilder()
                .setTracklets(identity.getTracklets() + 1)
                .setLastSeenMs(Math.max(identity.getLastSeenMs(), link.getLastSeenMs()))
                .setLastCamera(camera)
                .addSightings(Sighting.newBuilder().setCamera(camera).setTrackId(trackId(key))
                        .setFirstMs(link.getFirstSeenMs()).setLastMs(link.getLastSeenMs()));
        if (!identity.getCamerasList().contains(camera)) {
            out.addCameras(camera);
        }
        while (out.getSightingsCount() > params.maxSightings()) {
            out.removeSightings(0);
        }
        return out.build();
    }

    private void emit(Record<String, TrackletUpdate> record, String key, TrackLink link, IdentityState state,
                      long previous) {
        FrameRef frame = link.getLastFrame();
        meters.event(state);
        if (state == IdentityState.IDENTITY_PENDING) {
            pendingTracks.add(key);
        } else {
            pendingTracks.remove(key);
        }
        context.forward(record.withKey(frame.getCamera())
                .withValue(IdentityEvents.of(frame, trackId(key), link, state, previous)));
    }

    private static long trackId(String key) {
        return Long.parseLong(key.substring(key.lastIndexOf('/') + 1));
    }
}

package io.crossview.trainer.promotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crossview.common.model.ModelVersion;
import io.crossview.common.wire.ModelAnnouncement;
import io.crossview.embedder.model.AppearanceModel;
import io.crossview.embedder.registry.ModelFetcher;
import io.crossview.embedder.registry.ModelRegistry;
import io.crossview.trainer.eval.DrawnPeople;
import io.crossview.trainer.eval.HeldOutEvaluation;
import io.crossview.trainer.eval.HeldOutSplit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Promotion on figures really computed: the built-in model against a deliberately weak one. */
class PromotionTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static HeldOutSplit split;
    private static HeldOutEvaluation evaluation;
    private static Contender strong;
    private static Contender weak;

    @TempDir
    Path dir;

    private final List<Map<String, Object>> announced = new ArrayList<>();
    private final ModelAnnouncer recorder = (name, version, uri, sha256, metrics) -> announced.add(
            Map.of("name", name, "version", version, "uri", uri, "sha256", sha256, "metrics", metrics));

    @BeforeAll
    static void setUp() {
        split = HeldOutSplit.of(DrawnPeople.crops("s", DrawnPeople.SEPARABLE, 2, 1, 3, 1), new HeldOutSplit.Rule(1, 0));
        evaluation = new HeldOutEvaluation();
        strong = new Contender(AppearanceModel.build("retrained"), "/models/retrained.onnx", false);
        weak = new Contender(TestModels.cornerMean(), "/models/corner.onnx", false);
    }

    private Promotion promotion(double margin) {
        return new Promotion("reid", margin, evaluation, recorder, Promotion.logIn(dir), CLOCK);
    }

    private List<JsonNode> log() throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(Promotion.logIn(dir))) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    @Test
    void theTrainingCurveNamesEachEpochsLossesForTheAnnouncement() {
        List<io.crossview.trainer.train.EpochReport> epochs = List.of(
                new io.crossview.trainer.train.EpochReport(1, 12, 10, 10, 2.5, 2.0, 0.5, 3, 0.1, 0, 8, 80, ""),
                new io.crossview.trainer.train.EpochReport(12, 12, 10, 120, 1.25, 1.0, 0.25, 3, 0.1, 0, 8, 80, ""));
        Map<String, Double> curve = Promotion.trainingCurve(epochs);
        assertEquals(6, curve.size());
        assertEquals(2.5, curve.get("epoch.001.loss"));
        assertEquals(0.25, curve.get("epoch.012.triplet_loss"));
        assertEquals(1.0, curve.get("epoch.012.identity_loss"));
    }

    @Test
    void aBetterCandidateIsAnnouncedOnceWithItsHeldOutFiguresAndLogged() throws IOException {
        Decision d = promotion(Promotion.DEFAULT_MARGIN).decide(strong, Optional.of(weak), split);
        assertTrue(d.promoted(), d.toText());
        assertTrue(d.toText().startsWith("promotion of 'reid': promoted, candidate announced"), d.toText());
        assertTrue(d.candidate().report().mAP() > d.current().report().mAP() + 0.3, d.toText());
        assertEquals(1, announced.size());
        Map<String, Object> call = announced.get(0);
        assertEquals("reid", call.get("name"));
        assertEquals(ModelVersion.sha256(AppearanceModel.build("retrained")), call.get("sha256"));
        assertTrue(((String) call.get("version")).startsWith("retrained@"));
        assertEquals("/models/retrained.onnx", call.get("uri"));
        assertEquals(Map.of(Promotion.METRIC_MAP, d.candidate().report().mAP(),
                Promotion.METRIC_RANK1, d.candidate().report().rank1(),
                Promotion.METRIC_RANK5, d.candidate().report().rank5(),
                Promotion.METRIC_QUERIES, (double) split.query().size(),
                Promotion.METRIC_GALLERY, (double) split.gallery().size()), call.get("metrics"));

        JsonNode line = log().get(0);
        assertEquals("promoted", line.get("decision").asText());
        assertEquals("2026-03-01T12:00:00Z", line.get("at").asText());
        assertEquals(d.candidate().report().mAP(), line.get("candidate").get("mAP").asDouble());
        assertEquals(d.current().report().rank1(), line.get("current").get("rank1").asDouble());
        assertEquals(weak.sha256(), line.get("current").get("sha256").asText());
        assertEquals(DrawnPeople.SEPARABLE, line.get("heldOut").get("identities").asInt());
        assertEquals(split.gallery().size(), line.get("heldOut").get("gallery").asInt());
    }

    @Test
    void aWorseCandidateIsNotAnnouncedAndTheLogSaysKeptWithBothFigures() throws IOException {
        Decision d = promotion(Promotion.DEFAULT_MARGIN).decide(weak, Optional.of(strong), split);
        assertFalse(d.promoted(), d.toText());
        assertEquals(List.of(), announced);
        JsonNode line = log().get(0);
        assertEquals("kept", line.get("decision").asText());
        assertEquals(d.candidate().report().mAP(), line.get("candidate").get("mAP").asDouble());
        assertEquals(d.current().report().mAP(), line.get("current").get("mAP").asDouble());
        assertTrue(line.get("current").get("mAP").asDouble() > line.get("candidate").get("mAP").asDouble());
        assertEquals(d.candidate().version(), line.get("candidate").get("version").asText());
        assertEquals(d.current().version(), line.get("current").get("version").asText());
    }

    @Test
    void anEqualCandidateKeepsTheCurrentModel() throws IOException {
        // other bytes, the same embeddings: exactly the same figures
        Contender twin = new Contender(AppearanceModel.build("twin"), "/models/twin.onnx", false);
        Decision d = promotion(Promotion.DEFAULT_MARGIN).decide(twin, Optional.of(strong), split);
        assertEquals(d.current().report().mAP(), d.candidate().report().mAP());
        assertFalse(d.promoted());
        assertEquals(List.of(), announced);
    }

    @Test
    void aGainBelowTheMarginKeepsTheCurrentModelAndOneAtTheMarginPromotes() throws IOException {
        double gain = promotion(0).decide(strong, Optional.of(weak), split).gain();
        announced.clear();
        Decision below = promotion(Math.nextUp(gain)).decide(strong, Optional.of(weak), split);
        assertFalse(below.promoted(), below.toText());
        assertEquals(List.of(), announced);
        assertTrue(promotion(gain).decide(strong, Optional.of(weak), split).promoted());
        assertEquals(Math.nextUp(gain), log().get(1).get("margin").asDouble());
    }

    @Test
    void theLogGainsALinePerDecisionAndKeepsTheEarlierOnes() throws IOException {
        promotion(0).decide(strong, Optional.of(weak), split);
        promotion(0).decide(weak, Optional.of(strong), split);
        promotion(0).decide(weak, Optional.empty(), split);
        assertEquals(List.of("promoted", "kept", "kept"), log().stream().map(l -> l.get("decision").asText()).toList());
    }

    @Test
    void onAFirstRunTheCandidateIsMeasuredAgainstTheBuiltInModel() throws IOException {
        Decision d = promotion(0).decide(weak, Optional.empty(), split);
        assertFalse(d.promoted());
        assertTrue(d.current().builtin());
        assertEquals(ModelVersion.sha256(AppearanceModel.build()), d.current().sha256());
        assertTrue(d.current().version().startsWith(AppearanceModel.NAME + "@"), d.current().version());
        Decision strongFirst = promotion(0).decide(strong, Optional.empty(), split);
        // the built-in model's own figures: the renamed copy only ties them
        assertEquals(strongFirst.current().report().mAP(), strongFirst.candidate().report().mAP());
        assertEquals(Contender.BUILTIN_URI, log().get(0).get("current").get("uri").asText());
        assertTrue(log().get(0).get("current").get("builtin").asBoolean());
    }

    @Test
    void aPromotionThatCouldNotBeAnnouncedIsNotLogged() {
        Promotion failing = new Promotion("reid", 0, evaluation, (name, version, uri, sha256, metrics) -> {
            throw new IOException("no broker");
        }, Promotion.logIn(dir), CLOCK);
        IOException e = assertThrows(IOException.class, () -> failing.decide(strong, Optional.of(weak), split));
        assertEquals("no broker", e.getMessage());
        assertFalse(Files.exists(Promotion.logIn(dir)));
    }

    @Test
    void anAnnouncedModelIsFetchedAndCheckedAgainstItsSha256() throws IOException {
        Path file = Files.write(dir.resolve("corner.onnx"), TestModels.cornerMean());
        ModelAnnouncement announcement = ModelRegistry.announcement("reid", "corner-mean@x",
                file.toString(), weak.sha256(), Map.of(), 0);
        Contender fetched = Contender.announced(announcement, new ModelFetcher());
        assertEquals(weak.sha256(), fetched.sha256());
        assertEquals(file.toString(), fetched.uri());
        assertEquals(file.toAbsolutePath().toString(), Contender.file(file, null).uri());
        assertEquals(new Contender(TestModels.cornerMean(), "u", false), Contender.file(file, "u"));
        ModelAnnouncement wrong = announcement.toBuilder().setSha256(strong.sha256()).build();
        assertThrows(IOException.class, () -> Contender.announced(wrong, new ModelFetcher()));
    }

    @Test
    void settingsOutOfRangeAndTheBuiltInModelAsCandidateAreRefused() {
        for (double margin : new double[] {-0.01, 1, Double.NaN}) {
            assertThrows(IllegalArgumentException.class,
                    () -> new Promotion("reid", margin, evaluation, recorder, dir, CLOCK), "margin " + margin);
        }
        assertThrows(IllegalArgumentException.class, () -> new Promotion(" ", 0, evaluation, recorder, dir, CLOCK));
        // an announcement must name bytes embedders can fetch
        assertThrows(IllegalArgumentException.class,
                () -> promotion(0).decide(Contender.builtinModel(), Optional.of(weak), split));
    }
}

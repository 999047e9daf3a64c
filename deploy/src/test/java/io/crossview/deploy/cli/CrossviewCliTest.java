package io.crossview.deploy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrossviewCliTest {
    @TempDir
    Path dir;

    private record Outcome(int exitCode, List<String> errLines) {
    }

    private static Outcome run(String... args) {
        StringWriter err = new StringWriter();
        int code = CrossviewCli.run(new PrintWriter(err, true), args);
        return new Outcome(code, err.toString().lines().toList());
    }

    @Test
    void aMissingVideoStopsTheDemoWithOneLineAndExitCodeOne() {
        Outcome outcome = run("demo", "--video", dir.resolve("nope.avi").toString(), "--out", dir.resolve("out").toString());
        assertEquals(1, outcome.exitCode());
        assertEquals(1, outcome.errLines().size(), outcome.errLines().toString());
        assertTrue(outcome.errLines().get(0).startsWith("crossview demo: video not found: "), outcome.errLines().get(0));
    }

    @Test
    void aFileThatIsNotAVideoStopsTheDemoWithOneLine() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.avi"), "not a video");
        Outcome outcome = run("demo", "--video", bad.toString(), "--out", dir.resolve("out").toString());
        assertEquals(1, outcome.exitCode());
        assertEquals(1, outcome.errLines().size(), outcome.errLines().toString());
        assertTrue(outcome.errLines().get(0).startsWith("crossview demo: not a readable video: "), outcome.errLines().get(0));
    }

    @Test
    void evalMotWithoutGroundTruthSaysWhereItLooked() {
        Outcome outcome = run("eval", "mot", "--gt", dir.resolve("gt").toString(), "--pred", dir.toString());
        assertEquals(1, outcome.exitCode());
        assertEquals(1, outcome.errLines().size(), outcome.errLines().toString());
        assertTrue(outcome.errLines().get(0).startsWith("crossview eval mot: "), outcome.errLines().get(0));
    }

    @Test
    void aCamerasFileWithAMistakeStopsRunWithOneLine() throws Exception {
        Path cameras = Files.writeString(dir.resolve("cameras.yaml"), "cameras:\n  - id: door\n");
        Outcome outcome = run("run", "--cameras", cameras.toString(), "--out", dir.resolve("out").toString());
        assertEquals(1, outcome.exitCode());
        assertEquals(List.of("crossview run: " + cameras + ": camera door has no url"), outcome.errLines());
    }

    @Test
    void aMatcherConfigWithAnUnknownKeyStopsRunWithOneLineBeforeAnyCameraIsRead() throws Exception {
        Path cameras = Files.writeString(dir.resolve("cameras.yaml"), "cameras:\n  - id: door\n");
        Path config = Files.writeString(dir.resolve("matcher.yaml"), "tracker:\n  harvest: {max_per_trak: 40}\n");
        Outcome outcome = run("run", "--cameras", cameras.toString(), "--out", dir.resolve("out").toString(),
                "--config", config.toString());
        assertEquals(1, outcome.exitCode());
        assertEquals(1, outcome.errLines().size(), outcome.errLines().toString());
        assertTrue(outcome.errLines().get(0).startsWith("crossview run: " + config + ": unknown key 'max_per_trak'"),
                outcome.errLines().get(0));
    }

    @Test
    void aStageWithNoBrokerAtItsAddressSaysSoInOneLine() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Outcome outcome = run("detect", "--bootstrap", "127.0.0.1:" + closedPort);
        assertEquals(1, outcome.exitCode());
        assertEquals(1, outcome.errLines().size(), outcome.errLines().toString());
        assertTrue(outcome.errLines().get(0).startsWith("crossview detect: no Kafka broker answers at 127.0.0.1:"),
                outcome.errLines().get(0));
    }

    @Test
    void theMatcherRefusesToServeSearchesOnEveryInterfaceWithoutATokenBeforeTouchingKafka() {
        Outcome outcome = run("match", "--http-host", "0.0.0.0", "--bootstrap", "127.0.0.1:1",
                "--state-dir", dir.resolve("state").toString());
        assertEquals(1, outcome.exitCode());
        assertEquals(List.of("crossview match: HTTP on 0.0.0.0 would answer person searches to anyone: give it"
                + " a token (--http-token-file FILE or CROSSVIEW_HTTP_TOKEN), or bind 127.0.0.1"), outcome.errLines());
    }

    @Test
    void aStageRefusesToShowItsMetricsOnEveryInterfaceWithoutATokenBeforeTouchingKafka() {
        Outcome outcome = run("detect", "--metrics-host", "0.0.0.0", "--bootstrap", "127.0.0.1:1");
        assertEquals(1, outcome.exitCode());
        assertEquals(List.of("crossview detect: --metrics-host 0.0.0.0 would show every camera's figures to anyone: give"
                + " /metrics a token (--metrics-token-file FILE or $CROSSVIEW_HTTP_TOKEN), or bind 127.0.0.1"),
                outcome.errLines());
    }

    @Test
    void kafkaSettingsThatWouldBreakDeliveryGuaranteesStopAStageWithOneLine() throws Exception {
        Path client = Files.writeString(dir.resolve("client.properties"), "enable.idempotence=false\n");
        Outcome outcome = run("detect", "--kafka-config", client.toString());
        assertEquals(1, outcome.exitCode());
        assertEquals(List.of("crossview detect: kafka settings: enable.idempotence is set by CrossView itself and cannot"
                + " be changed (remove it from " + client + ")"), outcome.errLines());
    }

    @Test
    void aClusterBrokerWhoseVotersDoNotListItStopsWithOneLine() {
        Outcome outcome = run("broker", "--node-id", "4", "--cluster-id", "MkU3OEVBNTcwNTJENDM2Qk", "--voters",
                "1@127.0.0.1:19100,2@127.0.0.1:19101", "--port", "19003", "--controller-port", "19103",
                "--data-dir", dir.resolve("node").toString());
        assertEquals(1, outcome.exitCode());
        assertEquals(List.of("crossview broker: --voters must list this node as 4@HOST:19103"), outcome.errLines());
    }

    @Test
    void aShardWithoutACamerasFileStopsIngestWithOneLine() {
        Outcome outcome = run("ingest", "--shard", "1/2", "--bootstrap", "127.0.0.1:1");
        assertEquals(1, outcome.exitCode());
        assertEquals(List.of("crossview ingest: --shard shares the cameras of a --cameras file"), outcome.errLines());
    }

    @Test
    void aCamerasFileWithABadUrlStopsIngestWithOneLineBeforeTouchingKafka() throws Exception {
        Path cameras = Files.writeString(dir.resolve("cameras.yaml"), "cameras:\n  - {id: door, url: 'gopher://x'}\n");
        Outcome outcome = run("ingest", "--cameras", cameras.toString());
        assertEquals(1, outcome.exitCode());
        assertEquals(1, outcome.errLines().size(), outcome.errLines().toString());
        assertTrue(outcome.errLines().get(0).startsWith("crossview ingest: " + cameras
                + ": camera door: unsupported url scheme 'gopher'"), outcome.errLines().get(0));
    }

    @Test
    void aDryRunTrainingJobWritesItsCandidateWhereOutSays() throws Exception {
        Path market = dir.resolve("market");
        try (io.crossview.eval.synth.SyntheticWorld world = io.crossview.eval.synth.SyntheticWorld.create(
                new io.crossview.eval.synth.WorldSpec(1, 4, 12, 40, 10, 640, 480))) {
            io.crossview.deploy.synth.MarketExport.write(world, market, 10, 1);
        }
        Path store = dir.resolve("store");
        assertEquals(0, run("crops", "import", "--market", market.resolve("bounding_box_test").toString(), "--store",
                store.toString()).exitCode());
        Path candidate = dir.resolve("models").resolve("candidate.onnx");
        Outcome outcome = run("train", "--store", store.toString(), "--workdir", dir.resolve("work").toString(),
                "--no-announce", "--out", candidate.toString(), "--epochs", "1", "--batch", "4x2", "--held-out", "0.5");
        assertEquals(0, outcome.exitCode(), outcome.errLines().toString());
        try (io.crossview.embedder.runtime.ReidModel model = io.crossview.embedder.runtime.ReidModel.open(candidate)) {
            assertTrue(model.version().startsWith("reid-"), model.version());
        }
    }

    @Test
    void outIsRefusedOnAScheduleWithOneLine() {
        Outcome outcome = run("train", "--store", dir.resolve("store").toString(), "--every", "6h", "--out",
                dir.resolve("m.onnx").toString());
        assertEquals(1, outcome.exitCode());
        assertEquals(List.of("crossview train: --out is for one job; a schedule writes each candidate under --workdir"),
                outcome.errLines());
    }
}

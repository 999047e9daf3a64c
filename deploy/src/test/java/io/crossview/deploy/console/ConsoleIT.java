package io.crossview.deploy.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.common.metrics.MeterNames;
import io.crossview.common.serde.WireSerdes;
import io.crossview.common.wire.CameraState;
import io.crossview.common.wire.CameraStatus;
import io.crossview.common.sample.SampleVideo;
import io.crossview.common.topics.TopicAdmin;
import io.crossview.common.topics.Topics;
import io.crossview.deploy.broker.EmbeddedBroker;
import io.crossview.deploy.testing.CorruptFrame;
import io.crossview.deploy.demo.DemoPipeline;
import io.crossview.deploy.demo.DemoSettings;
import io.crossview.embedder.registry.ModelRegistry;
import io.crossview.deploy.run.RunResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The demo with its console, looked at in a real browser (Debian's chromium): every page
 * loads with what it should show, its pictures decode, a search by a crop finds that person,
 * and the same port serves Prometheus metrics that count what the run did.
 */
@Tag("integration")
class ConsoleIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void everyPageShowsTheRunInABrowserAndTheMetricsCountIt() throws Exception {
        Browser.assumeInstalled();
        Path video = SampleVideo.vtest();
        AtomicReference<Map<String, String>> checked = new AtomicReference<>();
        try (EmbeddedBroker broker = EmbeddedBroker.start(0, dir.resolve("broker"))) {
            Topics topics = Topics.defaults();
            TopicAdmin.ensure(broker.connection(), topics, 1, (short) 1);
            CorruptFrame.send(broker.connection(), topics);
            reportStalled(broker.connection(), topics);
            new ModelRegistry(broker.connection(), topics.models().name()).announce("console-test", "trained@0123456789ab",
                    "file:///nowhere.onnx", "0".repeat(64), Map.of("map", 0.41, "epoch.001.loss", 2.3,
                            "epoch.002.loss", 1.7, "epoch.003.loss", 1.2, "epoch.001.map", 0.2, "epoch.002.map", 0.33,
                            "epoch.003.map", 0.41));
            // the screenshots in docs/ come from a longer run: -Dcrossview.console.frames=400
            long frames = Long.getLong("crossview.console.frames", 60);
            DemoSettings settings = new DemoSettings(video, dir.resolve("out"), broker.connection(), "", 5, 100, frames);
            RunResult result = new DemoPipeline(settings, new PrintStream(new ByteArrayOutputStream()))
                    .run(0, (url, run) -> checked.set(look(url)));
            assertTrue(result.identities() > 0, result.toString());
        }
        Map<String, String> pages = checked.get();
        assertEquals(List.of("live", "identity", "search", "cameras", "models", "metrics"), List.copyOf(pages.keySet()));
    }

    private Map<String, String> look(String url) throws Exception {
        Map<String, String> seen = new LinkedHashMap<>();
        Path shots = Path.of(System.getProperty("crossview.screenshots", "target/screenshots"));
        try (Browser browser = Browser.open(shots)) {
            ChromeDriver chrome = browser.driver();
            chrome.get(url + "/");
            List<WebElement> tiles = chrome.findElements(By.cssSelector("img[data-camera]"));
            assertEquals(2, tiles.size(), "a tile per camera");
            tiles.forEach(tile -> browser.awaitLoaded(tile));
            // the live page refreshes its id links from server-sent events: read the spans that hold them
            String named = chrome.findElements(By.cssSelector(".tiles .ids")).stream().map(WebElement::getText)
                    .reduce("", String::concat);
            assertTrue(named.matches(".*id \\d+.*"), "the tiles name the identities in them: " + named);
            browser.screenshot("console-live.png");
            seen.put("live", named);

            chrome.get(url + "/identities");
            List<WebElement> rows = chrome.findElements(By.cssSelector("table.list tbody tr"));
            assertTrue(!rows.isEmpty(), "the identities are listed");
            // one seen on both cameras when there is one: its page shows the walk across them
            WebElement row = rows.stream().filter(r -> r.findElements(By.tagName("td")).get(2).getText().contains(","))
                    .findFirst().orElse(rows.get(0));
            String identity = row.findElement(By.cssSelector("td a")).getAttribute("href");
            chrome.get(identity);
            assertTrue(chrome.findElement(By.tagName("h1")).getText().startsWith("Identity "));
            List<WebElement> tracklets = chrome.findElements(By.cssSelector("ol.timeline li"));
            assertTrue(!tracklets.isEmpty(), "the matcher's timeline is shown");
            List<WebElement> thumbs = chrome.findElements(By.cssSelector(".thumbs img"));
            assertTrue(!thumbs.isEmpty(), "crops of the person are shown");
            thumbs.forEach(browser::awaitLoaded);
            browser.screenshot("console-identity.png");
            seen.put("identity", identity);

            Path crop = Files.write(dir.resolve("crop.jpg"), get(thumbs.get(0).getAttribute("src")).body());
            chrome.get(url + "/search");
            chrome.findElement(By.name("picture")).sendKeys(crop.toAbsolutePath().toString());
            chrome.findElement(By.cssSelector("form.search button")).click();
            List<WebElement> hits = chrome.findElements(By.cssSelector("ol.hits li a"));
            assertTrue(!hits.isEmpty(), "a search by a crop finds identities");
            List<String> top = hits.stream().limit(3).map(h -> h.getAttribute("href")).toList();
            assertTrue(top.contains(identity), "the person of the crop is among the top 3: " + top + " for " + identity);
            browser.screenshot("console-search.png");
            seen.put("search", top.get(0));

            chrome.get(url + "/cameras");
            List<String> cameras = chrome.findElements(By.cssSelector("table.list tbody tr td:first-child"))
                    .stream().map(WebElement::getText).toList();
            assertEquals(List.of("left", "right"), cameras);
            String left = chrome.findElement(By.cssSelector("table.list tbody tr")).getText();
            assertTrue(left.contains("stalled") && left.contains("no picture for 5 s") && left.contains("17"),
                    "ingest's status report of the camera is shown: " + left);
            browser.screenshot("console-cameras.png");
            seen.put("cameras", String.join(",", cameras));

            chrome.get(url + "/models");
            assertTrue(chrome.findElement(By.cssSelector(".model h2")).getText().contains("trained@0123456789ab"));
            browser.awaitLoaded(chrome.findElement(By.cssSelector("img.curve")));
            browser.screenshot("console-models.png");
            seen.put("models", "trained@0123456789ab");
        }
        seen.put("metrics", metrics(url));
        return seen;
    }

    /** A status report as live ingest writes it, for the camera page to show. */
    private static void reportStalled(io.crossview.common.kafka.KafkaConnection kafka, Topics topics) throws Exception {
        CameraStatus status = CameraStatus.newBuilder().setSchemaVersion(io.crossview.common.serde.WireSchema.VERSION)
                .setCamera("left").setState(CameraState.CAMERA_STALLED).setReason("no picture for 5 s")
                .setFramesPublished(120).setFramesDropped(17).setAtMs(System.currentTimeMillis()).build();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka.producer("it-status"))) {
            producer.send(new ProducerRecord<>(topics.cameraStatus().name(), "left".getBytes(StandardCharsets.UTF_8),
                    WireSerdes.CAMERA_STATUS.serialize(topics.cameraStatus().name(), status))).get();
        }
    }

    /** Every pipeline meter is there, the corrupt frame is counted, and health is up. */
    private static String metrics(String url) throws Exception {
        HttpResponse<byte[]> scrape = get(url + "/metrics");
        assertEquals(200, scrape.statusCode());
        String text = new String(scrape.body(), StandardCharsets.UTF_8);
        for (String name : MeterNames.PIPELINE) {
            assertTrue(text.contains("\n" + name.replace('.', '_')), name + " is scraped");
        }
        assertTrue(text.contains("crossview_dead_letters_total{stage=\"detector\",topic=\"frames\"} 1.0"),
                "the corrupt frame is counted as a dead letter");
        assertTrue(text.contains("crossview_camera_lag_seconds{camera=\"left\",stage=\"detector\"}"));
        assertTrue(text.contains("kafka_consumer_fetch_manager_records_consumed_total"), "Kafka client metrics are bound");
        assertTrue(text.contains("kafka_consumer_fetch_manager_records_lag_max{"), "the dashboard's consumer lag is there");
        assertEquals(200, get(url + "/health/live").statusCode());
        assertEquals(200, get(url + "/health/ready").statusCode());
        return "ok";
    }

    private static HttpResponse<byte[]> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}

package io.crossview.deploy.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.common.kafka.KafkaConnection;
import io.crossview.deploy.broker.BrokerSecurity;
import io.crossview.deploy.broker.EmbeddedBroker;
import io.crossview.deploy.cli.CrossviewCli;
import io.crossview.deploy.testing.TestCertificates;
import io.crossview.deploy.testing.TopicContents;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stages against a secured listener (SASL_SSL, SCRAM-SHA-512, a certificate made here): the
 * client settings reach every producer, consumer, admin and Streams client, and no secret shows.
 */
@Tag("integration")
class SecuredKafkaIT {
    private static final String USER_PASSWORD = "pw-" + Long.toHexString(System.nanoTime()) + "-scram";
    private static final String STORE_PASSWORD = "store-" + Long.toHexString(System.nanoTime());

    @TempDir
    static Path dir;

    private static EmbeddedBroker broker;
    private static TestCertificates certificates;

    @BeforeAll
    static void startSecuredBroker() throws Exception {
        certificates = TestCertificates.make(dir, STORE_PASSWORD);
        broker = EmbeddedBroker.start(0, dir.resolve("broker"),
                new BrokerSecurity(certificates.keystore(), STORE_PASSWORD, Map.of("crossview", USER_PASSWORD)));
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    /** Everything but the login, which each test gives its own way. */
    private static Path clientFile(String name, String extra) throws Exception {
        return Files.writeString(dir.resolve(name), "bootstrap.servers=" + broker.securedBootstrap() + "\n"
                + "security.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-512\n"
                + "ssl.truststore.location=" + certificates.truststore() + "\nssl.truststore.type=PKCS12\n"
                + "ssl.truststore.password=" + STORE_PASSWORD + "\n" + extra);
    }

    private static String jaas(String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"crossview\" password=\""
                + password + "\";";
    }

    @Test
    void aWholeRunOverSaslSslWorksAndLogsNoSecret() throws Exception {
        Path client = clientFile("client.properties", ""); // the login comes from the environment
        Path cameras = Files.writeString(dir.resolve("cameras.yaml"), """
                cameras:
                  - id: cam1
                    url: synth://cam1?cameras=2&people=4&seconds=3&fps=5&width=320&height=240
                  - id: cam2
                    url: synth://cam2?cameras=2&people=4&seconds=3&fps=5&width=320&height=240
                """);
        // Kafka's clients at INFO print every config they were given: the place a secret would leak
        Path log4j = Files.writeString(dir.resolve("log4j2.xml"), """
                <Configuration status="WARN"><Appenders><Console name="out" target="SYSTEM_OUT">
                <PatternLayout pattern="%-5level %c{1} - %msg%n"/></Console></Appenders>
                <Loggers><Root level="INFO"><AppenderRef ref="out"/></Root></Loggers></Configuration>
                """);
        Path logFile = dir.resolve("run.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Dlog4j2.configurationFile=" + log4j,
                "-cp", System.getProperty("java.class.path"), "io.crossview.deploy.cli.CrossviewCli", "run",
                "--kafka-config", client.toString(), "--topic-prefix", "sec.", "--cameras", cameras.toString(),
                "--out", dir.resolve("out").toString(), "--detector", "oracle", "--annotate", "0")
                .redirectErrorStream(true).redirectOutput(logFile.toFile());
        builder.environment().put("CROSSVIEW_KAFKA_SASL_JAAS_CONFIG", jaas(USER_PASSWORD));
        Process run = builder.start();
        boolean exited = run.waitFor(240, TimeUnit.SECONDS);
        if (!exited) {
            run.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String log = Files.readString(logFile, StandardCharsets.UTF_8);
        assertTrue(exited && run.exitValue() == 0, "the run finished (" + (exited ? "rc " + run.exitValue() : "timed out") + "): " + tail(log));
        assertTrue(log.contains("ConsumerConfig values") && log.contains("sasl.jaas.config = [hidden]"),
                "Kafka's clients logged their (redacted) settings, so the check below means something");
        assertFalse(log.contains(USER_PASSWORD), "the SCRAM password never reaches the output");
        assertFalse(log.contains(STORE_PASSWORD), "the truststore password never reaches the output");
        assertTrue(log.contains(broker.securedBootstrap() + " (SASL_SSL, SCRAM-SHA-512)"), tail(log));

        List<?> identities = TopicContents.read(broker.connection(), "sec.identities");
        assertFalse(identities.isEmpty(), "the matcher (Kafka Streams) wrote identities over the secured listener");
        assertTrue(Files.readString(dir.resolve("out/identities.jsonl")).lines().count() > 0);
    }

    @Test
    void aWrongPasswordStopsAStageWithOneClearLine() throws Exception {
        Path client = clientFile("wrong.properties", "sasl.jaas.config=" + jaas("not-the-password").replace("\"", "\\\"") + "\n");
        StringWriter err = new StringWriter();
        int rc = CrossviewCli.run(new PrintWriter(err, true), "crops", "collect", "--kafka-config", client.toString(),
                "--store", dir.resolve("crops").toString());
        String line = err.toString().trim();
        assertEquals(1, rc);
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.contains("refused this client") && line.contains("invalid credentials"), line);
        assertFalse(line.contains("not-the-password"), line);
    }

    @Test
    void theRightPasswordFromTheFileAloneIsEnough() throws Exception {
        Path client = clientFile("file-only.properties", "sasl.jaas.config=" + jaas(USER_PASSWORD).replace("\"", "\\\"") + "\n");
        KafkaConnection kafka = io.crossview.common.kafka.KafkaSettings.load(null, client, Map.of());
        io.crossview.common.topics.TopicAdmin.ensure(kafka, new io.crossview.common.topics.Topics("file."), 1, (short) 1);
        assertTrue(TopicContents.read(kafka, "file.frames").isEmpty(), "read over SASL_SSL with the file's login");
    }

    /** Our own lines and every error, without the clients' config dumps. */
    private static String tail(String log) {
        List<String> lines = log.lines().filter(l -> !l.startsWith("\t") && !l.startsWith("INFO")).toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}

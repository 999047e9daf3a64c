package io.crossview.deploy.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.crossview.common.topics.Topic;
import io.crossview.common.topics.Topics;
import io.crossview.deploy.cli.CrossviewCli;
import io.crossview.deploy.stages.StageGroups;
import io.crossview.detector.DetectorConfigFile;
import io.crossview.embedder.EmbedderConfig;
import io.crossview.ingest.config.CamerasFile;
import io.crossview.matcher.MatcherConfig;
import io.crossview.matcher.MatcherFile;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The files of deploy/k8s, deploy/compose and deploy/config, read as their tools would and checked against the code. */
class DeploymentFilesTest {
    private static final Path K8S = Path.of("k8s");
    private static final Path CONFIG = Path.of("config");
    private static final String MATCHER_GROUP = MatcherConfig.defaults(Path.of("unused")).applicationId();
    private static final Topics TOPICS = new Topics("");

    private static final List<Object> RESOURCES = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void readEveryManifest() throws Exception {
        try (var files = Files.list(K8S)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                RESOURCES.addAll(ManifestReader.read(file));
            }
        }
    }

    private static <T> List<T> all(Class<T> type) {
        return RESOURCES.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static List<PodTemplateSpec> podTemplates() {
        List<PodTemplateSpec> templates = new ArrayList<>();
        all(Deployment.class).forEach(d -> templates.add(d.getSpec().getTemplate()));
        all(StatefulSet.class).forEach(s -> templates.add(s.getSpec().getTemplate()));
        return templates;
    }

    @Test
    void everyManifestIsOfAKnownKindWithNoFieldItsModelDoesNotKnow() {
        Map<String, Long> kinds = RESOURCES.stream().collect(Collectors.groupingBy(r -> r.getClass().getSimpleName(),
                TreeMap::new, Collectors.counting()));
        assertEquals(Map.of("ConfigMap", 2L, "Deployment", 4L, "GenericKubernetesResource", 3L, "Kafka", 1L,
                "KafkaNodePool", 1L, "KafkaTopic", 9L, "KafkaUser", 8L, "Service", 2L, "StatefulSet", 1L), kinds);
    }

    @Test
    void probesAndScrapesAskThePortEachStageServesItsHealthAndMetricsOn() {
        for (PodTemplateSpec pod : podTemplates()) {
            Container c = pod.getSpec().getContainers().get(0);
            List<String> args = c.getArgs();
            String portArg = args.contains("--metrics-port") ? "--metrics-port" : "--port";
            int port = Integer.parseInt(args.get(args.indexOf(portArg) + 1));
            String named = c.getLivenessProbe().getHttpGet().getPort().getStrVal();
            assertEquals(port, c.getPorts().stream().filter(p -> p.getName().equals(named)).findFirst().orElseThrow()
                    .getContainerPort(), c.getName() + ": the probes' port is the one it serves health on");
            assertEquals("/health/live", c.getLivenessProbe().getHttpGet().getPath());
            assertEquals("/health/ready", c.getReadinessProbe().getHttpGet().getPath());
            assertEquals(named, c.getReadinessProbe().getHttpGet().getPort().getStrVal());
            assertEquals(String.valueOf(port), pod.getMetadata().getAnnotations().get("prometheus.io/port"), c.getName());
            if (args.contains("--metrics-port")) {
                assertEquals("0.0.0.0", args.get(args.indexOf("--metrics-host") + 1), c.getName() + " is reachable");
            }
        }
    }

    @Test
    void selectorsMatchTheirPodsLabels() {
        for (Deployment d : all(Deployment.class)) {
            assertTrue(d.getSpec().getTemplate().getMetadata().getLabels().entrySet()
                    .containsAll(d.getSpec().getSelector().getMatchLabels().entrySet()), d.getMetadata().getName());
        }
        StatefulSet matcher = all(StatefulSet.class).get(0);
        Map<String, String> podLabels = matcher.getSpec().getTemplate().getMetadata().getLabels();
        assertTrue(podLabels.entrySet().containsAll(matcher.getSpec().getSelector().getMatchLabels().entrySet()));
        Service service = all(Service.class).stream()
                .filter(s -> s.getMetadata().getName().equals(matcher.getSpec().getServiceName())).findFirst().orElseThrow();
        assertTrue(podLabels.entrySet().containsAll(service.getSpec().getSelector().entrySet()), "the service finds the matchers");
        Deployment console = all(Deployment.class).stream()
                .filter(d -> d.getMetadata().getName().equals("crossview-console")).findFirst().orElseThrow();
        Service consoleService = all(Service.class).stream()
                .filter(s -> s.getMetadata().getName().equals("crossview-console")).findFirst().orElseThrow();
        assertTrue(console.getSpec().getTemplate().getMetadata().getLabels().entrySet()
                .containsAll(consoleService.getSpec().getSelector().entrySet()), "the service finds the console");
        for (GenericKubernetesResource scaled : scaledObjects()) {
            Map<?, ?> spec = (Map<?, ?>) scaled.getAdditionalProperties().get("spec");
            Object target = ((Map<?, ?>) spec.get("scaleTargetRef")).get("name");
            assertTrue(all(Deployment.class).stream().anyMatch(d -> d.getMetadata().getName().equals(target)),
                    "KEDA scales a Deployment that exists: " + target);
        }
    }

    @Test
    void everyContainerHasProbesAndGpusAppearOnlyInTheLimitsOfDetectorsAndEmbedders() {
        Set<String> withGpu = new TreeSet<>();
        for (PodTemplateSpec template : podTemplates()) {
            for (Container c : template.getSpec().getContainers()) {
                assertNotNull(c.getLivenessProbe(), c.getName() + " liveness");
                assertNotNull(c.getReadinessProbe(), c.getName() + " readiness");
                var resources = c.getResources();
                assertFalse(resources.getRequests() != null && resources.getRequests().containsKey("nvidia.com/gpu"),
                        c.getName() + " requests no GPU (Kubernetes takes GPUs from limits)");
                if (resources.getLimits() != null && resources.getLimits().containsKey("nvidia.com/gpu")) {
                    withGpu.add(c.getName());
                }
            }
        }
        assertEquals(Set.of("detector", "embedder"), withGpu);
    }

    @Test
    void theClusterAndEveryTopicKeepThreeCopiesAndNeedTwoInSync() {
        Kafka kafka = all(Kafka.class).get(0);
        Map<String, Object> config = kafka.getSpec().getKafka().getConfig();
        for (String key : List.of("default.replication.factor", "offsets.topic.replication.factor",
                "transaction.state.log.replication.factor")) {
            assertEquals(3, ((Number) config.get(key)).intValue(), key);
        }
        assertEquals(2, ((Number) config.get("min.insync.replicas")).intValue());
        assertEquals(2, ((Number) config.get("transaction.state.log.min.isr")).intValue());
        assertEquals(3, all(KafkaNodePool.class).stream().mapToInt(p -> p.getSpec().getReplicas()).sum(), "three nodes");
        for (KafkaTopic topic : all(KafkaTopic.class)) {
            assertEquals(3, topic.getSpec().getReplicas(), topic.getMetadata().getName());
            assertEquals(2, ((Number) topic.getSpec().getConfig().get("min.insync.replicas")).intValue());
        }
    }

    @Test
    void theTopicsAreThoseOfTheCodeWithTheirSettings() {
        Map<String, Map<String, String>> expected = new TreeMap<>();
        for (Topic<?> topic : TOPICS.all()) {
            Map<String, String> configs = new TreeMap<>(topic.configs());
            configs.put("min.insync.replicas", "2");
            expected.put(topic.name(), configs);
        }
        Map<String, Map<String, String>> actual = new TreeMap<>();
        for (KafkaTopic topic : all(KafkaTopic.class)) {
            Map<String, String> configs = new TreeMap<>();
            topic.getSpec().getConfig().forEach((k, v) -> configs.put(k, String.valueOf(v)));
            actual.put(topic.getMetadata().getName(), configs);
            int partitions = topic.getSpec().getPartitions();
            assertTrue(configs.containsKey("cleanup.policy") ? partitions == 1 : partitions >= 12,
                    topic.getMetadata().getName() + ": compacted topics have one partition, the others room to scale");
        }
        assertEquals(expected, actual);
    }

    @Test
    void consumerGroupsInAclsAndAutoscalersAreTheStagesOwn() {
        Map<String, Set<String>> groups = new HashMap<>();
        for (KafkaUser user : all(KafkaUser.class)) {
            var acls = ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls();
            groups.put(user.getMetadata().getName(), acls.stream()
                    .filter(a -> a.getResource() instanceof AclRuleGroupResource)
                    .map(a -> (AclRuleGroupResource) a.getResource())
                    .peek(g -> assertEquals(AclResourcePatternType.LITERAL, g.getPatternType(), "groups are named exactly"))
                    .map(AclRuleGroupResource::getName).collect(Collectors.toSet()));
        }
        assertEquals(Set.of(StageGroups.detector(TOPICS)), groups.get("detector"));
        assertEquals(Set.of(StageGroups.embedder(TOPICS)), groups.get("embedder"));
        assertEquals(Set.of(MATCHER_GROUP), groups.get("matcher"));
        assertEquals(Set.of(StageGroups.cropCollector(TOPICS)), groups.get("trainer"));
        assertEquals(Set.of(), groups.get("ingest"), "ingest only produces");
        assertEquals(Set.of(), groups.get("console"), "the console reads in no group");
        Map<String, String> scaledGroups = new TreeMap<>();
        for (GenericKubernetesResource scaled : scaledObjects()) {
            Map<?, ?> trigger = (Map<?, ?>) ((List<?>) ((Map<?, ?>) scaled.getAdditionalProperties().get("spec"))
                    .get("triggers")).get(0);
            Map<?, ?> metadata = (Map<?, ?>) trigger.get("metadata");
            scaledGroups.put((String) metadata.get("topic"), (String) metadata.get("consumerGroup"));
        }
        assertEquals(Map.of(TOPICS.frames().name(), StageGroups.detector(TOPICS),
                TOPICS.detections().name(), StageGroups.embedder(TOPICS)), scaledGroups);
        assertEquals(groups.get("keda"), Set.of(StageGroups.detector(TOPICS), StageGroups.embedder(TOPICS)));
    }

    @Test
    void theMatcherIsAStatefulSetWithVolumesAndStaticMembershipFromItsPodName() {
        StatefulSet matcher = all(StatefulSet.class).get(0);
        Container c = matcher.getSpec().getTemplate().getSpec().getContainers().get(0);
        List<String> args = c.getArgs();
        assertEquals("$(POD_NAME)", args.get(args.indexOf("--instance-id") + 1));
        assertTrue(c.getEnv().stream().anyMatch(e -> e.getName().equals("POD_NAME")
                && e.getValueFrom().getFieldRef().getFieldPath().equals("metadata.name")));
        String claim = matcher.getSpec().getVolumeClaimTemplates().get(0).getMetadata().getName();
        assertTrue(c.getVolumeMounts().stream().anyMatch(m -> m.getName().equals(claim)
                && args.get(args.indexOf("--state-dir") + 1).startsWith(m.getMountPath())), "RocksDB lives on the claim");
        assertTrue(Integer.parseInt(args.get(args.indexOf("--standby-replicas") + 1)) >= 1);
        assertTrue(args.contains("--http-token-file"), "bound beyond loopback, so behind a token");
    }

    @Test
    void everyContainerCommandLineIsOneTheCliAccepts() {
        for (PodTemplateSpec template : podTemplates()) {
            for (Container c : template.getSpec().getContainers()) {
                new CommandLine(new CrossviewCli()).parseArgs(c.getArgs().toArray(String[]::new));
            }
        }
    }

    @Test
    void theStageConfigMapHoldsTheStageFilesAndEachLoadsWithItsStagesReader() throws Exception {
        ConfigMap stages = all(ConfigMap.class).stream().filter(m -> m.getMetadata().getName().equals("crossview-stages"))
                .findFirst().orElseThrow();
        Set<String> files;
        try (var listing = Files.list(CONFIG)) {
            files = listing.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(files, new TreeSet<>(stages.getData().keySet()));
        for (String name : files) {
            assertEquals(Files.readString(CONFIG.resolve(name)), stages.getData().get(name), name);
        }
        assertEquals(2, CamerasFile.load(CONFIG.resolve("cameras.yaml")).size());
        assertNotNull(DetectorConfigFile.load(CONFIG.resolve("detector.yaml")).yolo(), "the detector runs NanoDet");
        assertEquals(List.of("file:///models/"), EmbedderConfig.load(CONFIG.resolve("embedder.yaml")).modelSources().prefixes());
        assertNotNull(MatcherFile.load(CONFIG.resolve("matcher.yaml")));
    }

    @Test
    void theComposeFileRunsThreeBrokersTheTopicsAndEveryStageWithHealthchecksAndGpus() throws Exception {
        // SnakeYAML, as Compose, expands the anchors and merge keys the file uses
        Object document = new org.yaml.snakeyaml.Yaml().load(Files.readString(Path.of("compose/compose.yaml")));
        JsonNode compose = new YAMLMapper().valueToTree(document);
        JsonNode services = compose.get("services");
        List<String> brokers = new ArrayList<>();
        Set<String> clusterIds = new TreeSet<>();
        services.fields().forEachRemaining(s -> {
            if (s.getValue().path("image").asText().startsWith("apache/kafka:")) {
                brokers.add(s.getKey());
                JsonNode env = s.getValue().get("environment");
                clusterIds.add(env.get("CLUSTER_ID").asText());
                assertEquals("3", env.get("KAFKA_DEFAULT_REPLICATION_FACTOR").asText());
                assertEquals("2", env.get("KAFKA_MIN_INSYNC_REPLICAS").asText());
                assertEquals("1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093", env.get("KAFKA_CONTROLLER_QUORUM_VOTERS").asText());
                assertEquals("PLAINTEXT://" + s.getKey() + ":9092", env.get("KAFKA_ADVERTISED_LISTENERS").asText());
            }
        });
        assertEquals(List.of("kafka-1", "kafka-2", "kafka-3"), brokers);
        assertEquals(1, clusterIds.size(), "one cluster id");
        Set<String> withGpu = new TreeSet<>();
        services.fields().forEachRemaining(s -> {
            JsonNode service = s.getValue();
            boolean job = service.path("restart").asText().equals("no");
            assertTrue(job || service.has("healthcheck"), s.getKey() + " has a healthcheck");
            if (service.path("deploy").path("resources").path("reservations").has("devices")) {
                withGpu.add(s.getKey());
            }
            if (service.path("image").asText().startsWith("crossview:")) {
                List<String> args = new ArrayList<>();
                service.get("command").forEach(a -> args.add(a.asText()));
                new CommandLine(new CrossviewCli()).parseArgs(args.toArray(String[]::new));
                assertEquals("kafka-1:9092,kafka-2:9092,kafka-3:9092", args.get(args.indexOf("--bootstrap") + 1));
                if (!job) {
                    assertEquals("service_completed_successfully",
                            service.path("depends_on").path("topic-init").path("condition").asText(), s.getKey());
                }
            }
        });
        assertEquals(Set.of("detector", "embedder"), withGpu);
    }

    private static List<GenericKubernetesResource> scaledObjects() {
        return all(GenericKubernetesResource.class).stream().filter(r -> r.getKind().equals("ScaledObject")).toList();
    }
}
